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

/** An address only this machine can reach: plain http is safe there (tests, a server on the laptop itself). */
const loopback = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * The app sends her password to this address: beyond this machine only over https (TLS by the
 * reverse proxy, README "Running referent serve"), never in clear over the network.
 */
export function secureServerUrl(raw: string): string {
  const url = serverUrl(raw);
  const u = new URL(url);
  if (u.protocol === 'http:' && !loopback(u.hostname))
    throw new AppError('Invalid', `${url} is not encrypted (http): the password would cross the network in clear. Use the server's https address (for example https://${u.host}).`,
      `${url} er ikke krypteret (http): adgangskoden ville gå ukrypteret over netværket. Brug serverens https-adresse (for eksempel https://${u.host}).`);
  return url;
}
