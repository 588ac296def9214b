// Where the desktop app works, held by its main process (issue 14 §4): its own file (the core's
// worker) or a `referent serve` it is signed in to. The session's cookie lives here and only here:
// the page asks through the connection operations (src-shared/api/connection.ts) and calls the Api
// as before; `host` sends each call to the file or, with the cookie, to the server. What she chose
// (file or server, the address, the last login name) is kept in connection.json beside the app's
// data, never the password nor the session. `$REFERENT_SERVER` (and `$REFERENT_SERVER_TOKEN`) is an
// administrator's override of that choice.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connectionOps, isConnectionOp, type ConnectionOpName, type ConnectionState, type ServerProbe } from '../../src-shared/api/connection';
import type { Notice, Result } from '../../src-shared/result';
import { AppError } from '../core/errors';
import { writeFileAtomic } from '../core/util/write-file';
import { failureOf, type ApiHost } from './api-host';
import { remoteApiHost } from './remote-host';
import { probeServer, signInWithPassword, signOutOfServer, type ServerSession } from './server-session';
import { secureServerUrl, serverUrl } from './server-url';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export const CONNECTION_FILE = 'connection.json';

/**
 * How long the first connection.status for an address waits for the server to say whether it offers
 * the municipality's login (/auth/info); then it answers from what it knows and the probe goes on
 * behind it (up to its own 15 s). Every screen asks the status: a silent server must not hold them up.
 */
export const STATUS_WAIT_MS = 1_500;

export type ConnectionOptions = {
  /** The folder of connection.json: the app's user-data folder (the browser shell: the database's folder). */
  dataDir: string;
  env: Record<string, string | undefined>;
  /** The own file's host (the core's worker), started when first needed. */
  startLocal: () => Promise<ApiHost>;
  /** The identity provider's round trip in the system browser (oidc-loopback.ts). */
  signInWithProvider?: ((url: string) => Promise<ServerSession>) | undefined;
  fetch?: typeof fetch;
  now?: () => number;
};

export type Connection = {
  /** What the adapters (IPC, HTTP, menu) call: the own file or the server, as chosen. */
  host: ApiHost;
  /** A connection operation from the page; always a Result, never a throw. */
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** The own file, whatever is chosen (checking a meeting out into it). */
  local(): Promise<ApiHost>;
  /** The server signed in to, or null. */
  remote(): ApiHost | null;
  /** What the app works against now. */
  mode(): 'local' | 'server';
  /** The server's address while the app works against one (signed in or not), else null. */
  server(): string | null;
  close(): Promise<void>;
};

type Saved = { mode: 'local' | 'server'; url: string | null; login: string | null };

function readSaved(file: string): Saved {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Saved>;
    const url = typeof raw.url === 'string' ? serverUrl(raw.url) : null;
    return { mode: raw.mode === 'server' && url ? 'server' : 'local', url, login: typeof raw.login === 'string' ? raw.login : null };
  } catch {
    // None yet, or not ours to read: the own file, as on a first start.
    return { mode: 'local', url: null, login: null };
  }
}

const SESSION_ENDED: Notice = {
  message: 'Your session on the server has ended (it expired, or the server ended it); sign in again. What you had not yet saved is saved once you are signed in.',
  messageDa: 'Din session på serveren er slut (den er udløbet, eller serveren har afsluttet den); log ind igen. Det, du ikke nåede at gemme, gemmes, når du er logget ind.',
};

const notSignedIn = (url: string): AppError =>
  new AppError('Forbidden', `Sign in to the server ${url} first.`, `Log ind på serveren ${url} først.`);

const overridden = (url: string): AppError =>
  new AppError('Forbidden', `The administrator has set this computer to work against ${url} ($REFERENT_SERVER); that cannot be changed here.`,
    `Administratoren har indstillet denne computer til at arbejde mod ${url} ($REFERENT_SERVER); det kan ikke ændres her.`);

export function createConnection(options: ConnectionOptions): Connection {
  const file = path.join(options.dataDir, CONNECTION_FILE);
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const envUrl = options.env.REFERENT_SERVER?.trim() ? serverUrl(options.env.REFERENT_SERVER) : null;
  const envToken = options.env.REFERENT_SERVER_TOKEN?.trim() || undefined;
  let saved = readSaved(file);
  let session: ServerSession | null = null;
  let ended: Notice | null = null;
  let probe: ServerProbe | null = null;
  // The probe on its way (of which address), and the address whose last probe has come back,
  // answered or given up: until one has, the status's first look waits for it a little.
  let probing: { url: string; done: Promise<void> } | null = null;
  let looked: string | null = null;
  const probeBehind = (u: string): Promise<void> => {
    if (probing?.url === u) return probing.done;
    const done: Promise<void> = probeServer(u, doFetch)
      .then((p) => {
        if (url() === u) probe = p;
      }, () => undefined)
      .finally(() => {
        looked = u;
        if (probing?.done === done) probing = null;
      });
    probing = { url: u, done };
    return done;
  };
  /** Nothing is known yet of how the address signs in (its first probe is out): the page asks again until it is. Derived, never stored. */
  const checking = (): boolean => probe?.url !== url() && looked !== url();
  let localHost: Promise<ApiHost> | null = null;
  let remoteHost: ApiHost | null = null;

  const mode = (): 'local' | 'server' => (envUrl ? 'server' : saved.mode);
  const url = (): string | null => envUrl ?? saved.url;

  const save = (next: Saved): void => {
    saved = next;
    fs.mkdirSync(options.dataDir, { recursive: true });
    writeFileAtomic(file, `${JSON.stringify(saved, null, 2)}\n`);
  };
  const local = (): Promise<ApiHost> => {
    localHost ??= options.startLocal().catch((e: unknown) => {
      localHost = null;
      throw e;
    });
    return localHost;
  };

  /** The session ends: the next call, and the page, go to the sign-in screen with the sentence. */
  const endSession = (): void => {
    if (!session) return;
    session = null;
    remoteHost = null;
    ended = SESSION_ENDED;
  };
  const begin = (s: ServerSession): void => {
    const cookie = s.cookie;
    session = s;
    ended = null;
    remoteHost = remoteApiHost({ url: url()!, headers: () => ({ Cookie: cookie }), onSessionEnded: endSession, fetch: doFetch });
  };
  // An administrator's token (a browser shell's) needs no session.
  const tokenHost = envUrl && envToken ? remoteApiHost({ url: envUrl, token: envToken, fetch: doFetch }) : null;

  /** The host the next call goes to, or the reason it cannot go anywhere yet. */
  async function target(): Promise<ApiHost> {
    if (mode() === 'local') return local();
    if (tokenHost) return tokenHost;
    // Known to be over without asking the server: the page goes to the sign-in screen at once.
    if (session && Date.parse(session.expiresAt) <= now()) endSession();
    if (!remoteHost) throw notSignedIn(url()!);
    return remoteHost;
  }

  async function state(): Promise<ConnectionState> {
    const needsSignIn = mode() === 'server' && !tokenHost && (!session || Date.parse(session.expiresAt) <= now());
    if (needsSignIn && session) endSession();
    if (needsSignIn && probe?.url !== url()) {
      // Only the look that sends the address's first probe waits for it; every later one answers at once.
      const first = checking() && probing?.url !== url();
      const done = probeBehind(url()!);
      if (first) await Promise.race([done, delay(STATUS_WAIT_MS, undefined, { ref: false })]);
    }
    return {
      mode: mode(),
      url: url(),
      override: envUrl !== null,
      account: mode() === 'server' ? (session?.account ?? null) : null,
      signIn: needsSignIn ? { reason: ended, login: saved.login, oidc: probe?.oidc === true && options.signInWithProvider !== undefined, checking: checking() } : null,
    };
  }

  const handlers: Record<ConnectionOpName, (input: never) => Promise<ConnectionState | ServerProbe>> = {
    'connection.status': () => state(),
    'connection.probe': (input: { url: string }) => probeServer(secureServerUrl(input.url), doFetch),
    'connection.use': async (input: { mode: 'local' } | { mode: 'server'; url: string }) => {
      if (envUrl) throw overridden(envUrl);
      if (input.mode === 'local') {
        save({ ...saved, mode: 'local' });
        await local();
        return state();
      }
      // Only a server that answers as Referent is remembered.
      probe = await probeServer(secureServerUrl(input.url), doFetch);
      if (probe.url !== saved.url) {
        session = null;
        remoteHost = null;
      }
      ended = null;
      save({ ...saved, mode: 'server', url: probe.url });
      return state();
    },
    'connection.signIn': async (input: { login: string; password: string }) => {
      if (mode() !== 'server') throw new AppError('Invalid', 'Choose a server to work against before signing in.', 'Vælg en server at arbejde mod, før du logger ind.');
      begin(await signInWithPassword(url()!, input.login, input.password, doFetch));
      save({ ...saved, login: input.login.trim().toLowerCase() });
      return state();
    },
    'connection.signInWithProvider': async () => {
      if (mode() !== 'server' || !options.signInWithProvider) throw new AppError('Invalid', 'Choose a server to work against before signing in.', 'Vælg en server at arbejde mod, før du logger ind.');
      begin(await options.signInWithProvider(url()!));
      return state();
    },
    'connection.signOut': async () => {
      const s = session;
      session = null;
      remoteHost = null;
      ended = null;
      if (s && url()) await signOutOfServer(url()!, s.cookie, doFetch);
      return state();
    },
  };

  const host: ApiHost = {
    invoke: async (name, input, as) => {
      let h: ApiHost;
      try {
        h = await target();
      } catch (e) {
        return { ok: false, error: failureOf(e) };
      }
      return h.invoke(name, input, as);
    },
    invokeJson: async (name, json, as) => {
      let h: ApiHost;
      try {
        h = await target();
      } catch (e) {
        return Buffer.from(JSON.stringify({ ok: false, error: failureOf(e) }));
      }
      return h.invokeJson(name, json, as);
    },
    run: async <K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>> => (await target()).run(task, input),
    close: async () => {
      if (localHost) await (await localHost.catch(() => null))?.close();
    },
  };

  return {
    host,
    call: async (name, input) => {
      if (!isConnectionOp(name)) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${String(name)}".`, messageDa: `Der findes ingen handling ved navn "${String(name)}".` } };
      const parsed = connectionOps[name].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: { code: 'Invalid', message: `The input of ${name} is not valid.`, messageDa: `Input til ${name} er ikke gyldigt.` } };
      try {
        return { ok: true, value: await handlers[name](parsed.data as never) };
      } catch (e) {
        return { ok: false, error: failureOf(e) };
      }
    },
    local,
    remote: () => (mode() === 'server' ? (tokenHost ?? remoteHost) : null),
    mode,
    server: () => (mode() === 'server' ? url() : null),
    close: host.close,
  };
}
