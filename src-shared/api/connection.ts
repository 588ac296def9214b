// Where the desktop app works: its own file, or a Referent server (`referent serve`) it signs in
// to (issue 14 §4). Like the folder dialog (shell.ts), these are not operations of the core: the
// shell that holds the session answers them (the Electron main process; the single user's browser
// shell stands in for it), on their own IPC channels and HTTP routes, so the page never sees the
// session's cookie. `referent serve` has none of them: there the browser itself signs in.
import { z } from 'zod';
import type { Notice } from '../result';
import type { AccountSummary } from './accounts';
import { op } from './define';

/** What the app works against now, and whether it must sign in first. */
export type ConnectionState = {
  mode: 'local' | 'server';
  /** The server's address: the one worked against, or the one entered last (kept while working locally). */
  url: string | null;
  /** `$REFERENT_SERVER` chose the server: an administrator's setting, which the screen shows but does not change. */
  override: boolean;
  /** Signed in to the server as (null when working locally or not signed in). */
  account: AccountSummary | null;
  /** Working against the server without a session: the sign-in screen shows. */
  signIn: null | {
    /** Why she must sign in again (the session expired, the server ended it), or null the first time. */
    reason: Notice | null;
    /** The login name used last on this computer (never the password). */
    login: string | null;
    /** The server offers sign-in through the municipality's identity provider. */
    oidc: boolean;
    /** The server has not yet said how one signs in (a slow answer): the page asks again shortly, and `oidc` may still turn true. */
    checking: boolean;
  };
};

/** A server that answered: what the settings screen shows before she chooses to work against it. */
export type ServerProbe = { url: string; version: string; organisation: string | null; passwords: boolean; oidc: boolean };

const Address = z.string().trim().min(1).max(2000);

export const connectionOps = {
  'connection.status': op(z.object({})).returns<ConnectionState>(),
  /** Does the server answer, and is it a Referent server? Refused with one sentence otherwise. */
  'connection.probe': op(z.strictObject({ url: Address })).returns<ServerProbe>(),
  /** Work against the server (after checking that it answers) or the own file; remembered between starts. */
  'connection.use': op(z.discriminatedUnion('mode', [z.strictObject({ mode: z.literal('local') }), z.strictObject({ mode: z.literal('server'), url: Address })])).returns<ConnectionState>(),
  'connection.signIn': op(z.strictObject({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(1000) })).returns<ConnectionState>(),
  /** Signs in through the municipality's identity provider in the system browser (RFC 8252). */
  'connection.signInWithProvider': op(z.object({})).returns<ConnectionState>(),
  'connection.signOut': op(z.object({})).returns<ConnectionState>(),
};

export type ConnectionOpName = keyof typeof connectionOps;
export const CONNECTION_OPS = Object.keys(connectionOps) as ConnectionOpName[];
export const isConnectionOp = (name: unknown): name is ConnectionOpName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(connectionOps, name);

/** The IPC channel of a connection operation (never an `api:` channel). */
export const connectionChannel = (name: ConnectionOpName): string => `shell:${name}`;
/** Its route in the single user's browser shell. */
export const connectionRoute = (name: ConnectionOpName): string => `/shell/${name}`;
