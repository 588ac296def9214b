// The desktop app's sign-in through the municipality's identity provider (RFC 8252, OAuth for
// native apps): the system browser, not a window of the app (the provider's page, its saved
// passwords and its second factor are the browser's; the app never sees the password), and a
// redirect to a loopback address on 127.0.0.1 at a random port, opened for this one sign-in.
// The app makes a PKCE verifier and a state, sends the challenge with the browser to
// `referent serve` (/auth/oidc/app), which runs its own round trip with the provider and sends the
// browser back here with a one-time code; the app checks the state and redeems the code with its
// verifier (/auth/app/token) for a session, kept in this process. Serve's side: web/app-handoff.ts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../core/errors';
import { sessionFrom, unreachableError, type ServerSession } from './server-session';
import { serverUrl } from './server-url';

/** How long the browser may take: the provider's page, a second factor, a coffee. */
export const BROWSER_MS = 5 * 60_000;

export type BrowserSignInOptions = {
  /** Opens the address in the system browser (Electron: shell.openExternal). */
  openBrowser: (url: string) => Promise<void>;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const PAGE_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'Referrer-Policy': 'no-referrer' };
const page = (title: string, text: string): string =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:5rem auto;padding:0 1.5rem;color:#1d2330;line-height:1.5}</style></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** What the browser brings back to the loopback address: the code, or the server's refusal. */
function waitForBrowser(state: string, timeoutMs: number): Promise<{ port: number; result: Promise<string>; close: () => void }> {
  let settle!: { resolve: (code: string) => void; reject: (e: AppError) => void };
  const result = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // Only the browser coming back, at this address and with this sign-in's state; anything else is
    // answered and ignored, and the sign-in keeps waiting for the real one.
    if (req.method !== 'GET' || url.pathname !== '/callback' || req.headers.host !== `127.0.0.1:${port}` || !sameText(url.searchParams.get('state') ?? '', state)) {
      res.writeHead(400, PAGE_HEADERS).end(page('Ukendt login', 'Denne side hører ikke til et login, Referent venter på.'));
      return;
    }
    const code = url.searchParams.get('code');
    if (code) {
      res.writeHead(200, PAGE_HEADERS).end(page('Du er logget ind', 'Du kan lukke dette vindue og vende tilbage til Referent.'));
      settle.resolve(code);
      return;
    }
    const message = url.searchParams.get('error_description') ?? 'The server did not sign you in.';
    const messageDa = url.searchParams.get('error_description_da') ?? 'Serveren loggede dig ikke ind.';
    res.writeHead(200, PAGE_HEADERS).end(page('Ikke logget ind', `${escape(messageDa)} Vend tilbage til Referent.`));
    settle.reject(new AppError('Forbidden', message, messageDa));
  });
  const timer = setTimeout(
    () =>
      settle.reject(
        new AppError('Busy', `The sign-in in the browser was not finished within ${Math.round(timeoutMs / 60_000)} minutes; try again.`,
          `Login i browseren blev ikke afsluttet inden for ${Math.round(timeoutMs / 60_000)} minutter; prøv igen.`),
      ),
    timeoutMs,
  );
  const close = (): void => {
    clearTimeout(timer);
    server.closeAllConnections();
    server.close();
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A random free port, on the loopback address only: nothing beyond this machine can reach it.
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, result, close }));
  });
}

/** Signs in to the server through its identity provider in the system browser; the session is this process's. */
export async function signInThroughBrowser(raw: string, options: BrowserSignInOptions): Promise<ServerSession> {
  const url = serverUrl(raw);
  const doFetch = options.fetch ?? fetch;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(24).toString('base64url');
  const loopback = await waitForBrowser(state, options.timeoutMs ?? BROWSER_MS);
  let code: string;
  try {
    const start = new URL(`${url}/auth/oidc/app`);
    start.searchParams.set('redirect_uri', `http://127.0.0.1:${loopback.port}/callback`);
    start.searchParams.set('state', state);
    start.searchParams.set('code_challenge', challenge);
    start.searchParams.set('code_challenge_method', 'S256');
    await options.openBrowser(start.href);
    code = await loopback.result;
  } finally {
    loopback.close();
  }
  let res: Response;
  try {
    res = await doFetch(`${url}/auth/app/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ code, code_verifier: verifier }).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw unreachableError(url, e);
  }
  return sessionFrom(url, res, { en: 'sign you in', da: 'loggede dig ikke ind' });
}
