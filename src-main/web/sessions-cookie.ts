// The session cookie of `referent serve`: HttpOnly (no script reads it), SameSite=Lax (another
// site's page cannot send it with a POST; a link to us still arrives signed in), Secure with the
// __Host- prefix when users reach the server over https (the cookie then cannot be set by a
// sibling domain nor sent in clear).
import { SESSION_HOURS } from '../core/accounts/sessions';

export type CookieJar = { name: string; secure: boolean };

export const sessionCookieJar = (publicUrl: URL | null): CookieJar => {
  const secure = publicUrl?.protocol === 'https:';
  return { name: secure ? '__Host-referent-session' : 'referent-session', secure };
};

export const sessionCookie = (jar: CookieJar, token: string): string =>
  `${jar.name}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_HOURS * 3600}${jar.secure ? '; Secure' : ''}`;

export const clearedCookie = (jar: CookieJar): string => `${jar.name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${jar.secure ? '; Secure' : ''}`;
