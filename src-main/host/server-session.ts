// Talking to a `referent serve` before and around its Api: does it answer (/auth/info), signing in
// with a local account (its sign-in form, asking for JSON), signing out. Each refusal is one
// sentence in English and Danish; the password is never repeated in one. Used by the desktop app's
// connection (connection.ts) and by `referent checkout --user`.
import type { AccountSummary } from '../../src-shared/api/accounts';
import type { ServerProbe } from '../../src-shared/api/connection';
import { AppError } from '../core/errors';
import { serverUrl } from './server-url';

/** A server that has not answered within this long is taken as unreachable. */
const ANSWER_MS = 15_000;

export type ServerSession = { cookie: string; account: AccountSummary; expiresAt: string };

/** Why a request did not reach the server, in words a secretary can act on (the system's code when it is none of these). */
export function networkCause(e: unknown): { en: string; da: string } {
  const code = (e as { cause?: { code?: string } }).cause?.code ?? ((e as Error).name === 'TimeoutError' ? 'ETIMEDOUT' : (e as Error).message);
  if (code === 'ECONNREFUSED') return { en: 'nothing answers at that address', da: 'intet svarer på adressen' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { en: 'the name is not known', da: 'navnet kendes ikke' };
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return { en: 'no answer in time', da: 'intet svar i tide' };
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') return { en: 'the connection was broken off', da: 'forbindelsen blev afbrudt' };
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return { en: 'the network does not reach it', da: 'netværket når den ikke' };
  if (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY/.test(code)) return { en: `its certificate is not trusted: ${code}`, da: `dens certifikat kan ikke godkendes: ${code}` };
  return { en: code, da: code };
}

export const unreachableError = (url: string, e: unknown): AppError => {
  const cause = networkCause(e);
  return new AppError('Busy', `The server ${url} cannot be reached (${cause.en}). Check the address and the network, and try again.`,
    `Serveren ${url} kan ikke nås (${cause.da}). Kontrollér adressen og netværket, og prøv igen.`);
};

const notReferent = (url: string, status: number): AppError =>
  new AppError('Invalid', `${url} answers (${status}), but it is not a Referent server (referent serve); check the address.`,
    `${url} svarer (${status}), men det er ikke en Referent-server (referent serve); kontrollér adressen.`);

async function reach(url: string, path: string, init: RequestInit, doFetch: typeof fetch): Promise<Response> {
  try {
    return await doFetch(`${url}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(ANSWER_MS) });
  } catch (e) {
    throw unreachableError(url, e);
  }
}

/** Whether `raw` is a Referent server that answers, and what it offers. */
export async function probeServer(raw: string, doFetch: typeof fetch = fetch): Promise<ServerProbe> {
  const url = serverUrl(raw);
  const res = await reach(url, '/auth/info', { headers: { Accept: 'application/json' } }, doFetch);
  const body = (await res.json().catch(() => null)) as { referent?: unknown; version?: unknown; organisation?: unknown; passwords?: unknown; oidc?: unknown } | null;
  if (!res.ok || body?.referent !== 1 || typeof body.version !== 'string') throw notReferent(url, res.status);
  return { url, version: body.version, organisation: typeof body.organisation === 'string' ? body.organisation : null, passwords: body.passwords === true, oidc: body.oidc === true };
}

const cookiesOf = (res: Response): string => res.headers.getSetCookie().map((c) => c.split(';')[0]!.trim()).filter((c) => /^[^=]+=./.test(c)).join('; ');

/**
 * The session a server gives for a JSON answer of its sign-in (/auth/login or /auth/app/token):
 * its cookie and the account; a refusal as the server's own sentence.
 */
export async function sessionFrom(url: string, res: Response, who: { en: string; da: string }): Promise<ServerSession> {
  const body = (await res.json().catch(() => null)) as { ok?: boolean; value?: { account: AccountSummary; expiresAt: string }; error?: { code: string; message: string; messageDa?: string } } | null;
  // A refused sign-in, in the server's own sentence (wrong password, locked, disabled, no linked account).
  if (body?.ok === false && body.error && [401, 403, 429].includes(res.status)) throw new AppError(body.error.code as never, body.error.message, body.error.messageDa);
  const cookie = cookiesOf(res);
  if (res.ok && body?.ok === true && body.value && cookie) return { cookie, account: body.value.account, expiresAt: body.value.expiresAt };
  throw new AppError('Forbidden', `${url} did not ${who.en} (it answered ${res.status}): the login or the password is wrong, or the server has no local accounts.`,
    `${url} ${who.da} (svaret var ${res.status}): brugernavnet eller adgangskoden er forkert, eller serveren har ingen lokale konti.`);
}

/** Signs in with a local account (the server's sign-in form). */
export async function signInWithPassword(raw: string, login: string, password: string, doFetch: typeof fetch = fetch): Promise<ServerSession> {
  const url = serverUrl(raw);
  const res = await reach(url, '/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ login, password }).toString(),
  }, doFetch);
  return sessionFrom(url, res, { en: `sign in "${login}"`, da: `loggede ikke "${login}" ind` });
}

/** Ends the session on the server; a server that cannot be reached keeps it until it expires. */
export async function signOutOfServer(raw: string, cookie: string, doFetch: typeof fetch = fetch): Promise<void> {
  await reach(serverUrl(raw), '/auth/logout', { method: 'POST', headers: { Cookie: cookie } }, doFetch).catch(() => undefined);
}
