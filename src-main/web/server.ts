// The browser shell: the same Api over HTTP, and the built renderer beside it. Two ways in:
// - single user (`npm run web`, `npm start` without Electron): 127.0.0.1 only, an access token
//   from the launch address, then kept as an HttpOnly cookie;
// - accounts (`referent serve`): a sign-in page, sessions in HttpOnly cookies, and every call
//   made as the signed-in account (checked against its roles in the core: core/access).
// Both check the Origin of every Api call and the Host of every request. The single user's shell,
// connected to a server, also answers the offline operations (/shell/offline.*: host/laptop-hosts.ts).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { isOpName } from '../../src-shared/api';
import type { AccountSummary } from '../../src-shared/api/accounts';
import { failureOf, type ApiHost } from '../host/api-host';
import type { Result } from '../../src-shared/result';
import { isOfflineOpName } from '../../src-shared/api/offline';
import type { OfflineShell } from '../host/laptop-hosts';
import { pageHeaders, staticContentType } from '../../src-shared/static-files';
import { bearer, cookieName, cookieValue, hostAllowed, isLoopback, launchCookie, newToken, originAllowed, tokenMatches } from './security';
import { missingTokenPage } from './missing-token-page';
import { accountsGate, type AccountsOptions } from './accounts-gate';
import { EXPORT_PATH } from './paths';
import { MAX_REQUEST_BYTES, nullIfTooLarge, readBody, readBytes, TOO_LARGE } from './read-body';

export type WebServer = { url: string; port: number; token: string; close: () => Promise<void> };

export type WebServerOptions = {
  /** Runs the operations (the worker host in the shell, an in-process one in tests); the server does not close it. */
  host: ApiHost;
  /** The built renderer (vite build --config vite.web.config.ts). */
  staticDir: string;
  port?: number;
  /** The address to listen on; 127.0.0.1 unless accounts are configured (then anything the proxy reaches). */
  bindHost?: string;
  token?: string;
  maxBodyBytes?: number;
  /** `referent serve`: accounts and sessions instead of the single user's token. */
  accounts?: AccountsOptions;
  /**
   * The single user's shell standing in for the desktop app's main process: the connection
   * operations (src-shared/api/connection.ts) on /shell/NAME, the server's session held here.
   */
  connection?: { call(name: string, input: unknown): Promise<Result<unknown>> } | undefined;
  /** The offline operations (src-shared/api/offline.ts) on /shell/offline.*: taking meetings between the server and this file. */
  offline?: OfflineShell | undefined;
};

/** Headers of every page and asset served: the same for each, so built once. */
const PAGE_HEADERS = pageHeaders({ dev: false });

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

export const failure = (code: string, message: string, messageDa?: string): string => JSON.stringify({ ok: false, error: { code, message, ...(messageDa ? { messageDa } : {}) } });

export class BindRefused extends Error {}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
  const staticRoot = path.resolve(options.staticDir);
  const bindHost = options.bindHost ?? '127.0.0.1';
  // The single user's token is a key to the whole archive for anyone who can reach the port.
  if (!options.accounts && !isLoopback(bindHost))
    throw new BindRefused(`Referent will not listen on ${bindHost} without accounts: beyond this machine it runs only as \`referent serve\`, where everyone signs in.`);
  let port = 0;
  const gate = options.accounts ? accountsGate(options.host, options.accounts, bindHost, () => port) : null;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      // Past the headers (a file cut off while sent), the client can only be told by the cut.
      if (res.headersSent) res.destroy(e as Error);
      else send(res, 500, failure('Internal', (e as Error).message));
    });
  });

  const tokenAuthorized = (req: http.IncomingMessage): boolean =>
    tokenMatches(token, bearer(req.headers.authorization)) || tokenMatches(token, cookieValue(req.headers.cookie, cookieName(port)));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hostOk = gate ? gate.hostAllowed(req.headers.host) : hostAllowed(req.headers.host, port);
    if (!hostOk) return send(res, 421, failure('Forbidden', gate ? 'This server answers only at its own address.' : 'This server answers only on 127.0.0.1.'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (url.pathname === EXPORT_PATH) return handleExport(req, res);
    if (!gate && (options.connection || options.offline) && url.pathname.startsWith('/shell/')) return handleConnection(req, res, url.pathname.slice('/shell/'.length));
    if (gate && (await gate.handleRoute(req, res, url))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, failure('Invalid', 'Only GET here.'));
    const launch = gate ? null : url.searchParams.get('token');
    if (launch !== null) {
      // The launch address: keep the token as a cookie and take it out of the address bar.
      if (!tokenMatches(token, launch)) return send(res, 401, missingTokenPage(port, 'wrong'), 'text/html; charset=utf-8', PAGE_HEADERS);
      return send(res, 303, '', 'text/plain', { Location: '/', 'Set-Cookie': launchCookie(port, token) });
    }
    return serveStatic(req, res, url.pathname);
  }

  /**
   * Who asks, for the Api and the export: the signed-in account (with accounts), or the launch
   * token's holder (the browser shell: no account). Null when refused; the answer is then sent.
   */
  async function caller(req: http.IncomingMessage, res: http.ServerResponse): Promise<{ account?: AccountSummary } | null> {
    const originOk = gate ? gate.originAllowed(req.headers.origin) : originAllowed(req.headers.origin, port);
    const refuse = (status: number, body: string, extra: Record<string, string> = {}): null => {
      send(res, status, body, undefined, extra);
      return null;
    };
    if (!originOk) return refuse(403, failure('Forbidden', 'Requests from other web pages are refused.', 'Forespørgsler fra andre websider afvises.'));
    if (gate) {
      const signedIn = await gate.account(req);
      // The header tells the app's page to go to the sign-in page (the session ended meanwhile).
      if (!signedIn) return refuse(401, failure('Forbidden', 'You are not signed in, or your session has ended; sign in again.', 'Du er ikke logget ind, eller din session er udløbet; log ind igen.'), { 'X-Referent-Sign-In': '/login' });
      return { account: signedIn };
    }
    if (!tokenAuthorized(req))
      return refuse(401, failure('Forbidden', 'The access token is missing or wrong; open Referent with the address it printed when it started.', 'Adgangsnøglen mangler eller er forkert. Åbn Referent med den adresse, programmet skrev, da det startede.'));
    return {};
  }

  /**
   * The whole archive as an exchange document, for a client's Filer > Eksportér…: the core writes it
   * a batch of meetings at a time to a temporary file, which is sent as it is read, so an archive of
   * any size goes out in bounded memory (the Api's exchange.export answers with one document, which at
   * 250,000 items is longer than a JavaScript string may be). Refused as that operation is.
   */
  async function handleExport(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const who = await caller(req, res);
    if (!who) return;
    if (req.method !== 'POST') return send(res, 405, failure('Invalid', 'The export is asked for with POST.'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-export-'));
    try {
      const file = path.join(dir, 'referent.json');
      try {
        await options.host.run('exchange.exportFile', { filePath: file, ...(who.account ? { as: who.account } : {}) });
      } catch (e) {
        const f = failureOf(e);
        return send(res, f.code === 'Forbidden' ? 403 : f.code === 'Busy' ? 503 : 500, JSON.stringify({ ok: false, error: f }));
      }
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(fs.statSync(file).size), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
      await finished(fs.createReadStream(file).pipe(res));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const who = await caller(req, res);
    if (!who) return;
    const { account } = who;
    if (req.method !== 'POST') return send(res, 405, failure('Invalid', 'Api operations are called with POST.'));
    if (!isOpName(name)) return send(res, 404, failure('NotFound', `There is no operation called "${name}".`));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, failure('Invalid', 'The body must be JSON.'));
    const body = await readBytes(req, maxBody).catch(nullIfTooLarge);
    if (body === null) return send(res, 413, failure('Invalid', TOO_LARGE.message, TOO_LARGE.messageDa));
    // The body goes to the core as it came: JSON is parsed, and the Result written, off this thread.
    const result = await options.host.invokeJson(name, body, account);
    if (result === null) return send(res, 400, failure('Invalid', 'The body is not valid JSON.'));
    send(res, 200, Buffer.from(result.buffer, result.byteOffset, result.byteLength));
  }

  async function handleConnection(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (!originAllowed(req.headers.origin, port)) return send(res, 403, failure('Forbidden', 'Requests from other web pages are refused.', 'Forespørgsler fra andre websider afvises.'));
    if (!tokenAuthorized(req)) return send(res, 401, failure('Forbidden', 'The access token is missing or wrong.', 'Adgangsnøglen mangler eller er forkert.'));
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 405, failure('Invalid', 'Shell operations are called with POST and JSON.'));
    const body = await readBody(req, 64 * 1024).catch(nullIfTooLarge);
    if (body === null) return send(res, 413, failure('Invalid', TOO_LARGE.message, TOO_LARGE.messageDa));
    let input: unknown;
    try {
      input = JSON.parse(body || '{}');
    } catch {
      return send(res, 400, failure('Invalid', 'The body is not valid JSON.'));
    }
    const offline = options.offline;
    if (offline && isOfflineOpName(name)) return send(res, 200, JSON.stringify(await offline.invoke(name, input)));
    if (!options.connection) return send(res, 404, failure('NotFound', `There is no operation called "${name}".`, `Der findes ingen handling ved navn "${name}".`));
    send(res, 200, JSON.stringify(await options.connection.call(name, input)));
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticRoot, `.${rel}`);
    if (!file.startsWith(staticRoot + path.sep)) return send(res, 404, 'Not found', 'text/plain');
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticRoot, 'index.html');
    // Scripts and styles are the same for everyone; the app's page only to whom may use it, so that
    // a tab without it says what to do instead of showing an app that cannot load anything.
    if (path.basename(target) === 'index.html') {
      if (gate) {
        if (!(await gate.account(req))) return send(res, 303, '', 'text/plain', { Location: '/login' });
      } else if (!tokenAuthorized(req)) return send(res, 401, missingTokenPage(port, 'missing'), 'text/html; charset=utf-8', PAGE_HEADERS);
    }
    if (!fs.existsSync(target)) return send(res, 404, 'The renderer is not built: run "npm run build:web".', 'text/plain; charset=utf-8');
    send(res, 200, fs.readFileSync(target), staticContentType(target), PAGE_HEADERS);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shown = isLoopback(bindHost) || bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost;
  return {
    url: gate ? `http://${shown}:${port}/` : `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
