// A Referent server's address as the user typed it, checked and made canonical (no trailing slash).
import { AppError } from '../core/errors';

/** The server's address without a trailing slash; refused unless it is http(s). */
export function serverUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new AppError('Invalid', `"${raw}" is not a server address (for example https://referent.kommune.dk).`, `"${raw}" er ikke en serveradresse (for eksempel https://referent.kommune.dk).`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new AppError('Invalid', `"${raw}" is not an http or https address.`, `"${raw}" er ikke en http- eller https-adresse.`);
  return u.toString().replace(/\/+$/, '');
}
