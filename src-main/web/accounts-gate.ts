// `referent serve`'s door: the sign-in page and its form, sign-out, the identity provider's
// round trip (oidc.ts), and for every request the account its session cookie belongs to. Sessions
// are made and looked up by the core (host tasks auth.*), which keeps them in the database.
import type http from 'node:http';
import type { AccountSummary } from '../../src-shared/api/accounts';
import type { ApiHost } from '../host/api-host';
import { AppError } from '../core/errors';
import { VERSION } from '../core/version';
import { cookieValue } from './security';
import { loginPage, LOGIN_PAGE_HEADERS, type LoginPageOptions } from './login-page';
import { clearedCookie, sessionCookie, sessionCookieJar } from './sessions-cookie';
import { loginThrottle } from './throttle';
import type { OidcLogin } from './oidc';
import { nullIfTooLarge, readBody, TOO_LARGE } from './read-body';
import { appRequestOf, backToApp, BAD_APP_REQUEST, BAD_HANDOFF, handoffStore } from './app-handoff';

export type AccountsOptions = {
  /** The address users open (behind the reverse proxy), e.g. https://referent.kommune.dk: requests must name it. */
  publicUrl?: string | undefined;
  /** Sign-in through the municipality's identity provider, when configured. */
  oidc?: OidcLogin | null | undefined;
  /** The clock of the desktop app's one-time codes (tests). */
  now?: (() => number) | undefined;
};

const FORM_LIMIT = 8 * 1024;

const THROTTLED = {
  message: 'Too many wrong passwords for this login name; wait a quarter of an hour, or ask an administrator to set a new password.',
  messageDa: 'For mange forkerte adgangskoder til dette brugernavn; vent et kvarter, eller bed en administrator om en ny adgangskode.',
};

/** The form's fields; null when the body passes FORM_LIMIT (answered 413 with TOO_LARGE). */
async function readForm(req: http.IncomingMessage): Promise<URLSearchParams | null> {
  const body = await readBody(req, FORM_LIMIT).catch(nullIfTooLarge);
  return body === null ? null : new URLSearchParams(body);
}

function html(res: http.ServerResponse, status: number, body: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...LOGIN_PAGE_HEADERS, ...extra });
  res.end(body);
}

function json(res: http.ServerResponse, status: number, body: unknown, cookies: string[] = []): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...(cookies.length ? { 'Set-Cookie': cookies } : {}) });
  res.end(JSON.stringify(body));
}

/** The desktop app signs in through the same form, asking for JSON: the sentence, not a page (docs/security.md, "The desktop app"). */
const wantsJson = (req: http.IncomingMessage): boolean => (req.headers.accept ?? '').includes('application/json');

function redirect(res: http.ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...(cookies.length ? { 'Set-Cookie': cookies } : {}) });
  res.end();
}

export function accountsGate(host: ApiHost, options: AccountsOptions, bindHost: string, port: () => number) {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  const jar = sessionCookieJar(publicUrl);
  const throttle = loginThrottle();
  const handoffs = handoffStore(options.now);
  const hosts = (): string[] => [`127.0.0.1:${port()}`, `localhost:${port()}`, `${bindHost}:${port()}`, ...(publicUrl ? [publicUrl.host] : [])];
  const origins = (): string[] => [`http://127.0.0.1:${port()}`, `http://localhost:${port()}`, `http://${bindHost}:${port()}`, ...(publicUrl ? [publicUrl.origin] : [])];
  const tokenOf = (req: http.IncomingMessage): string | undefined => cookieValue(req.headers.cookie, jar.name) || undefined;

  async function page(o: Omit<LoginPageOptions, 'oidc' | 'passwords' | 'organisation'>): Promise<string> {
    const settings = await host.invoke('settings.get', {});
    return loginPage({ ...o, oidc: Boolean(options.oidc), passwords: true, organisation: settings.ok ? (settings.value as { name: string | null }).name : null });
  }

  const gate = {
    /** Against DNS rebinding: the Host must be one of ours. */
    hostAllowed: (hostHeader: string | undefined): boolean => hostHeader !== undefined && hosts().includes(hostHeader),
    /** Against cross-site requests: a browser's Origin must be ours (SameSite=Lax keeps the cookie off others' POSTs too). */
    originAllowed: (origin: string | undefined): boolean => origin === undefined || origins().includes(origin),

    /** The account signed in with this request's session cookie, or null. */
    account: async (req: http.IncomingMessage): Promise<AccountSummary | null> => {
      const token = tokenOf(req);
      if (!token) return null;
      return host.run('auth.session', { token });
    },

    /** Answers the sign-in routes; false for any other path. */
    handleRoute: async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
      if (url.pathname === '/login' && (req.method === 'GET' || req.method === 'HEAD')) {
        if (await gate.account(req)) redirect(res, '/');
        else html(res, 200, await page({ signedOut: url.searchParams.has('signed-out') }));
        return true;
      }
      // What the desktop app asks before it offers to work against this server.
      if (url.pathname === '/auth/info' && (req.method === 'GET' || req.method === 'HEAD')) {
        const settings = await host.invoke('settings.get', {});
        json(res, 200, { referent: 1, version: VERSION, organisation: settings.ok ? (settings.value as { name: string | null }).name : null, passwords: true, oidc: Boolean(options.oidc) });
        return true;
      }
      if (url.pathname === '/auth/login' && req.method === 'POST') {
        const asJson = wantsJson(req);
        const refuse = async (status: number, error: { code?: string; message: string; messageDa?: string | undefined }, login?: string): Promise<void> =>
          asJson
            ? json(res, status, { ok: false, error: { code: error.code ?? 'Forbidden', message: error.message, ...(error.messageDa ? { messageDa: error.messageDa } : {}) } })
            : html(res, status, await page({ ...(login !== undefined ? { login } : {}), error }));
        if (!gate.originAllowed(req.headers.origin)) return (await refuse(403, { message: 'Requests from other web pages are refused.', messageDa: 'Forespørgsler fra andre websider afvises.' }), true);
        const form = await readForm(req);
        if (!form) return (await refuse(413, { code: 'Invalid', ...TOO_LARGE }), true);
        const login = (form.get('login') ?? '').trim().toLowerCase();
        const password = form.get('password') ?? '';
        if (throttle.blocked(login)) return (await refuse(429, THROTTLED, login), true);
        try {
          const session = await host.run('auth.signIn', { login, password, previous: tokenOf(req) });
          throttle.succeeded(login);
          if (asJson) json(res, 200, { ok: true, value: { account: session.account, expiresAt: session.expiresAt } }, [sessionCookie(jar, session.token)]);
          else redirect(res, '/', [sessionCookie(jar, session.token)]);
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError('Internal', String(e));
          if (err.code === 'Forbidden') throttle.failed(login);
          await refuse(err.code === 'Forbidden' ? 401 : 500, { code: err.code, message: err.message, messageDa: err.da }, login);
        }
        return true;
      }
      if (url.pathname === '/auth/logout' && req.method === 'POST') {
        if (!gate.originAllowed(req.headers.origin)) return (html(res, 403, 'Forbidden'), true);
        const token = tokenOf(req);
        if (token) await host.run('auth.signOut', { token });
        redirect(res, '/login?signed-out', [clearedCookie(jar)]);
        return true;
      }
      if (options.oidc && url.pathname === '/auth/oidc' && req.method === 'GET') {
        await options.oidc.start(req, res);
        return true;
      }
      // The desktop app's round trip (app-handoff.ts): the browser comes back to the app with a one-time code.
      if (options.oidc && url.pathname === '/auth/oidc/app' && req.method === 'GET') {
        const app = appRequestOf(url);
        if (!app) html(res, 400, await page({ error: BAD_APP_REQUEST }));
        else await options.oidc.start(req, res, app);
        return true;
      }
      if (options.oidc && url.pathname === '/auth/oidc/callback' && req.method === 'GET') {
        const app = options.oidc.appRequest(req);
        try {
          const who = await options.oidc.finish(req, url);
          if (app) return (backToApp(res, app, { code: handoffs.issue(who, app) }, options.oidc.clearCookies()), true);
          const session = await host.run('auth.signInOidc', { ...who, previous: tokenOf(req) });
          redirect(res, '/', [sessionCookie(jar, session.token), ...options.oidc.clearCookies()]);
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError('Forbidden', `The identity provider did not sign you in (${(e as Error).message}).`, `Identitetsudbyderen loggede dig ikke ind (${(e as Error).message}).`);
          if (app) backToApp(res, app, { error: { message: err.message, messageDa: err.da ?? err.message } }, options.oidc.clearCookies());
          else html(res, 401, await page({ error: { message: err.message, messageDa: err.da } }), { 'Set-Cookie': options.oidc.clearCookies() });
        }
        return true;
      }
      // The app redeems its one-time code with its PKCE verifier: the session is the app's, never the browser's.
      if (options.oidc && url.pathname === '/auth/app/token' && req.method === 'POST') {
        if (!gate.originAllowed(req.headers.origin)) return (json(res, 403, { ok: false, error: { code: 'Forbidden', message: 'Requests from other web pages are refused.', messageDa: 'Forespørgsler fra andre websider afvises.' } }), true);
        const form = await readForm(req);
        if (!form) return (json(res, 413, { ok: false, error: { code: 'Invalid', ...TOO_LARGE } }), true);
        const who = handoffs.redeem(form.get('code') ?? '', form.get('code_verifier') ?? '');
        if (!who) return (json(res, 401, { ok: false, error: { code: 'Forbidden', ...BAD_HANDOFF } }), true);
        try {
          const session = await host.run('auth.signInOidc', who);
          json(res, 200, { ok: true, value: { account: session.account, expiresAt: session.expiresAt } }, [sessionCookie(jar, session.token)]);
        } catch (e) {
          const err = e instanceof AppError ? e : new AppError('Internal', String(e));
          json(res, err.code === 'Forbidden' ? 401 : 500, { ok: false, error: { code: err.code, message: err.message, ...(err.da ? { messageDa: err.da } : {}) } });
        }
        return true;
      }
      return false;
    },
  };
  return gate;
}
