// The browser shell's guards, as pure functions: the token (from the Authorization header or the
// launch cookie), the Origin and the Host of a request.
import { timingSafeEqual, randomBytes } from 'node:crypto';

/**
 * The access token, in hexadecimal: it is passed as a command's argument (`referent checkout
 * --token …`), and a base64url token begins with a dash one time in 64, which a command line reads
 * as an option (the checkout test met it).
 */
export const newToken = (): string => randomBytes(24).toString('hex');

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The only origins our own page can have. */
const allowedOrigins = (port: number): string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

/** A request from a page of another origin is refused; one with no Origin (CLI, curl) needs the token alone. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedOrigins(port).includes(origin);
}

/** Against DNS rebinding: the Host header must name the loopback address we bound. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer (\S+)$/.exec(header ?? '');
  return m?.[1];
}

/**
 * Cookies are not kept apart by port, so each server names its own: two Referents on one machine
 * (or a test beside the user's app) never overwrite each other's.
 */
export const cookieName = (port: number): string => `referent-${port}`;

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The token travels once in the launch address and is then kept by the browser as a cookie that
 * scripts cannot read (HttpOnly) and other sites cannot send (SameSite=Strict). It lasts a year:
 * the token is stable per profile, so a bookmark or a second tab keeps working after a restart.
 */
export const launchCookie = (port: number, token: string): string => `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000`;

/** An address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
