// The desktop app signs in through the identity provider in the system browser (RFC 8252), and the
// session must end up in the app, not in that browser. The app opens /auth/oidc/app with its
// loopback address (http://127.0.0.1:PORT/…), a state and a PKCE challenge of its own; the server
// runs its usual round trip with the provider; at the callback, instead of a cookie, it makes a
// one-time code bound to the app's challenge and sends the browser to the app's loopback address
// with it. The app redeems the code with its verifier at POST /auth/app/token for a session.
// The code is 256 random bits, lives 60 seconds, is good once (consumed by the first attempt, right
// or wrong), and only with the verifier whose SHA-256 the app sent before the browser left:
// whoever sees the code on its way (another program on this machine listening on the port, the
// browser's history, a log) cannot use it. docs/security.md, "The identity provider, from the app".
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AppRequest } from './oidc';

export const HANDOFF_MS = 60_000;
const MAX_PENDING = 1000;

export type Handoff = { issuer: string; subject: string; codeChallenge: string; at: number };

type Sentence = { message: string; messageDa: string };

export const BAD_APP_REQUEST: Sentence = {
  message: 'This sign-in was not started by the Referent app as it must be (a loopback address on 127.0.0.1, a state and a PKCE challenge); start it again from the app.',
  messageDa: 'Dette login er ikke startet af Referent-programmet, som det skal (en loopback-adresse på 127.0.0.1, en state og en PKCE-udfordring); start det igen fra programmet.',
};

export const BAD_HANDOFF: Sentence = {
  message: 'The sign-in could not be handed to the app: its code is unknown, used or older than a minute, or it was not this app’s; sign in again.',
  messageDa: 'Login kunne ikke overdrages til programmet: koden er ukendt, brugt eller over et minut gammel, eller den tilhørte ikke dette program; log ind igen.',
};

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The app's request, or null when it is not one the server will send a code to. Only a loopback
 * IP literal over http (RFC 8252 §7.3, §8.3: not "localhost", which a resolver might send elsewhere),
 * any port, no user, password or fragment; S256 only.
 */
export function appRequestOf(url: URL): AppRequest | null {
  const q = url.searchParams;
  const redirect = q.get('redirect_uri') ?? '';
  const state = q.get('state') ?? '';
  const codeChallenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || codeChallenge.length !== 43 || !B64URL.test(codeChallenge)) return null;
  if (state.length < 16 || state.length > 200 || !B64URL.test(state)) return null;
  let target: URL;
  try {
    target = new URL(redirect);
  } catch {
    return null;
  }
  if (target.protocol !== 'http:' || !['127.0.0.1', '[::1]'].includes(target.hostname) || !target.port || target.username || target.password || target.hash || target.search) return null;
  return { redirectUri: target.href, state, codeChallenge };
}

const digest = (code: string): string => createHash('sha256').update(code).digest('hex');
const challengeOf = (verifier: string): Buffer => createHash('sha256').update(verifier).digest();

export function handoffStore(now: () => number = Date.now) {
  const codes = new Map<string, Handoff>();
  return {
    /** A new one-time code for (issuer, subject), bound to the app's challenge. Only its hash is kept. */
    issue(who: { issuer: string; subject: string }, app: AppRequest): string {
      const t = now();
      for (const [k, v] of codes) if (t - v.at > HANDOFF_MS) codes.delete(k);
      if (codes.size >= MAX_PENDING) codes.delete(codes.keys().next().value!);
      const code = randomBytes(32).toString('base64url');
      codes.set(digest(code), { ...who, codeChallenge: app.codeChallenge, at: t });
      return code;
    },
    /** Who the code was issued for, if it is known, fresh and the verifier matches; null otherwise. Consumed either way. */
    redeem(code: string, verifier: string): { issuer: string; subject: string } | null {
      const key = digest(code);
      const h = codes.get(key);
      codes.delete(key);
      if (!h || now() - h.at > HANDOFF_MS) return null;
      // RFC 7636: a verifier is 43-128 characters.
      if (verifier.length < 43 || verifier.length > 128) return null;
      const expected = Buffer.from(h.codeChallenge, 'base64url');
      const given = challengeOf(verifier);
      return expected.length === given.length && timingSafeEqual(expected, given) ? { issuer: h.issuer, subject: h.subject } : null;
    },
  };
}

/** Sends the browser back to the app with the code, or with the refusal's sentence. */
export function backToApp(res: http.ServerResponse, app: AppRequest, answer: { code: string } | { error: Sentence }, cookies: string[] = []): void {
  const target = new URL(app.redirectUri);
  if ('code' in answer) target.searchParams.set('code', answer.code);
  else {
    target.searchParams.set('error', 'access_denied');
    target.searchParams.set('error_description', answer.error.message);
    target.searchParams.set('error_description_da', answer.error.messageDa);
  }
  target.searchParams.set('state', app.state);
  res.writeHead(303, { Location: target.href, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', ...(cookies.length ? { 'Set-Cookie': cookies } : {}) });
  res.end();
}
