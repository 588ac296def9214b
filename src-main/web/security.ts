// The browser shell's guards, as pure functions: the token, the Origin and the Host of a request.
import { timingSafeEqual, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(24).toString('base64url');

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
