// Sign-in through the municipality's identity provider (OpenID Connect, authorization code with
// PKCE) with openid-client. The provider vouches for (issuer, subject); the account linked to them
// (`referent user add … --oidc-issuer … --oidc-subject …`) is signed in. What a round trip needs
// between leaving and coming back (PKCE verifier, state, nonce) stays in this process, keyed by a
// random id in a short-lived HttpOnly cookie, so a callback only completes in the browser that started it.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import * as client from 'openid-client';
import { cookieValue, isLoopback } from './security';

/** The desktop app that asked for this round trip (app-handoff.ts): where to send the browser back, and what binds the handoff. */
export type AppRequest = { redirectUri: string; state: string; codeChallenge: string };

export type OidcLogin = {
  /** `app`: the round trip is the desktop app's; the callback then hands off to it instead of setting a cookie. */
  start(req: http.IncomingMessage, res: http.ServerResponse, app?: AppRequest): Promise<void>;
  finish(req: http.IncomingMessage, url: URL): Promise<{ issuer: string; subject: string }>;
  /** The desktop app's request behind this browser's round trip, if it is one (read before finish, which ends the round trip). */
  appRequest(req: http.IncomingMessage): AppRequest | null;
  clearCookies(): string[];
};

export type OidcOptions = { issuer: string; clientId: string; clientSecret?: string | undefined; redirectBase: string };

const PENDING_MS = 10 * 60_000;
const COOKIE = 'referent-oidc';

export async function oidcLogin(o: OidcOptions): Promise<OidcLogin> {
  const issuerUrl = new URL(o.issuer);
  // Plain http only to a provider on this machine (the tests' own); a real one is https.
  const insecure = issuerUrl.protocol === 'http:' && isLoopback(issuerUrl.hostname);
  const config = await client.discovery(issuerUrl, o.clientId, o.clientSecret, o.clientSecret ? undefined : client.None(), insecure ? { execute: [client.allowInsecureRequests] } : undefined);
  const redirectUri = new URL('/auth/oidc/callback', o.redirectBase).href;
  const secure = new URL(o.redirectBase).protocol === 'https:';
  const pending = new Map<string, { verifier: string; state: string; nonce: string; at: number; app: AppRequest | null }>();

  return {
    start: async (_req, res, app) => {
      const now = Date.now();
      for (const [k, v] of pending) if (now - v.at > PENDING_MS) pending.delete(k);
      const id = randomBytes(24).toString('base64url');
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      pending.set(id, { verifier, state, nonce, at: now, app: app ?? null });
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.writeHead(303, {
        Location: target.href,
        'Cache-Control': 'no-store',
        'Set-Cookie': `${COOKIE}=${id}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${PENDING_MS / 1000}${secure ? '; Secure' : ''}`,
      });
      res.end();
    },
    finish: async (req, url) => {
      const id = cookieValue(req.headers.cookie, COOKIE);
      const p = id ? pending.get(id) : undefined;
      if (!p || Date.now() - p.at > PENDING_MS) throw new Error('the sign-in was not started in this browser, or took longer than ten minutes');
      pending.delete(id!);
      const current = new URL(url.pathname + url.search, o.redirectBase);
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: p.verifier, expectedState: p.state, expectedNonce: p.nonce });
      const claims = tokens.claims();
      if (!claims?.sub) throw new Error('the provider named no subject');
      return { issuer: claims.iss, subject: claims.sub };
    },
    appRequest: (req) => {
      const id = cookieValue(req.headers.cookie, COOKIE);
      return (id ? pending.get(id)?.app : null) ?? null;
    },
    clearCookies: () => [`${COOKIE}=; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`],
  };
}
