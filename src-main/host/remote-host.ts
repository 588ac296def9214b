// The Api of a Referent server over HTTP, behind the same ApiHost as the worker and in-process
// hosts: the desktop app connected to a server (issue 14 §4) and `referent checkout|checkin` call
// it instead of a local store. It loads no part of the core, only fetch. Signing in: a bearer token
// today (the browser shell's and `referent serve`'s access token), or headers a login gave (a
// session cookie).
import path from 'node:path';
import type { ApiFailure, Result } from '../../src-shared/result';
import { isOpName } from '../../src-shared/api';
import { AppError } from '../core/errors';
import type { ApiHost } from './api-host';
import type { TaskInput, TaskName, TaskOutput } from './tasks';
import { readExchangeJson, writeExchangeFile } from './exchange-file';
import { networkCause, signInWithPassword } from './server-session';
import { serverUrl } from './server-url';
import { MAX_REQUEST_BYTES } from '../web/read-body';
import { EXPORT_PATH } from '../web/paths';

export type RemoteOptions = {
  /** The server's address, e.g. https://referent.kommune.dk or http://127.0.0.1:4100. */
  url: string;
  /** The access token the server printed, sent as `Authorization: Bearer`. */
  token?: string | undefined;
  /** Further headers of each call (a session cookie after signing in). */
  headers?: (() => Record<string, string>) | undefined;
  /** The server said the session has ended (expired, signed out elsewhere, account disabled): sign in again. */
  onSessionEnded?: (() => void) | undefined;
  fetch?: typeof fetch;
};

export { serverUrl } from './server-url';

export function unreachable(url: string, e: unknown): ApiFailure {
  const cause = networkCause(e);
  return {
    code: 'Busy',
    message: `The server ${url} cannot be reached (${cause.en}); nothing was changed. Check the network and try again.`,
    messageDa: `Serveren ${url} kan ikke nås (${cause.da}); intet blev ændret. Kontrollér netværket, og prøv igen.`,
  };
}

/**
 * The server the desktop app works against instead of its own file, when one is configured:
 * `$REFERENT_SERVER` (its address) and `$REFERENT_SERVER_TOKEN` (a browser shell's token; a
 * `referent serve` with accounts takes a session instead, see signIn). Null: the app's own file.
 */
export function serverFromEnv(env: Record<string, string | undefined>): RemoteOptions | null {
  const url = env.REFERENT_SERVER?.trim();
  if (!url) return null;
  return { url: serverUrl(url), token: env.REFERENT_SERVER_TOKEN?.trim() || undefined };
}

/** Signs in to a `referent serve` with a local account: the session cookie to send with each call (server-session.ts). */
export async function signIn(url: string, login: string, password: string, doFetch: typeof fetch = fetch): Promise<string> {
  return (await signInWithPassword(url, login, password, doFetch)).cookie;
}

export function remoteApiHost(options: RemoteOptions): ApiHost {
  const base = serverUrl(options.url);
  const doFetch = options.fetch ?? fetch;
  const headers = (): Record<string, string> => ({
    'Content-Type': 'application/json',
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...(options.headers?.() ?? {}),
  });

  async function post(name: string, body: string | Uint8Array): Promise<Result<unknown>> {
    if (!isOpName(name)) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${name}".`, messageDa: `Der findes ingen handling ved navn "${name}".` } };
    let res: Response;
    try {
      res = await doFetch(`${base}/api/${name}`, { method: 'POST', headers: headers(), body: typeof body === 'string' ? body : Buffer.from(body) });
    } catch (e) {
      return { ok: false, error: unreachable(base, e) };
    }
    return answerOf(res);
  }

  /** The server's Result in its answer, or a sentence saying the answer is not a Referent server's. */
  async function answerOf(res: Response): Promise<Result<unknown>> {
    if (res.status === 401 && res.headers.get('X-Referent-Sign-In')) options.onSessionEnded?.();
    const text = await res.text();
    try {
      const r = JSON.parse(text) as Result<unknown>;
      if (typeof r === 'object' && r !== null && typeof r.ok === 'boolean') return r;
    } catch {
      // Not ours: said below.
    }
    return {
      ok: false,
      error: { code: 'Internal', message: `${base} answered ${res.status} with something that is not a Referent server's answer.`, messageDa: `${base} svarede ${res.status} med noget, der ikke er et svar fra en Referent-server.` },
    };
  }

  /**
   * The server's whole archive as it writes it to a file, passed on to `write` as it arrives: an
   * archive of any size, where the Api's exchange.export answers with one document (longer than a
   * JavaScript string may be at 250,000 items).
   */
  async function fetchExport(write: (piece: Uint8Array) => void): Promise<void> {
    let res: Response;
    try {
      res = await doFetch(`${base}${EXPORT_PATH}`, { method: 'POST', headers: headers() });
    } catch (e) {
      const f = unreachable(base, e);
      throw new AppError(f.code, f.message, f.messageDa);
    }
    if (!res.ok || !res.body) {
      const r = await answerOf(res);
      throw r.ok ? new AppError('Internal', `${base} answered ${res.status} without the archive.`, `${base} svarede ${res.status} uden arkivet.`) : new AppError(r.error.code, r.error.message, r.error.messageDa);
    }
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) write(chunk);
  }

  return {
    invoke: (name, input) => post(name, JSON.stringify(input ?? {})),
    invokeJson: async (name, json) => Buffer.from(JSON.stringify(await post(name, json))),
    run: async <K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>> => {
      // The menu's whole-file tasks, as the server's operations: plain JSON both ways.
      if (task === 'exchange.exportFile') {
        const { filePath } = input as TaskInput<'exchange.exportFile'>;
        return (await writeExchangeFile(filePath, { json: (write) => fetchExport(write), bundle: null })) as TaskOutput<K>;
      }
      const file = input as TaskInput<'exchange.importFile'>;
      const fileName = path.basename(file.filePath);
      // One request carries the document: a file the server would refuse is told here, before it is read whole.
      const refuse = (size: number): AppError => tooLargeForServer(fileName, size);
      const document = await readExchangeJson(file.filePath, { bytes: MAX_REQUEST_BYTES, refuse });
      const body = JSON.stringify({ document, ...(file.adoptOrganization ? { adoptOrganization: true } : {}) });
      if (Buffer.byteLength(body) > MAX_REQUEST_BYTES) throw refuse(Buffer.byteLength(body));
      return value(await post('exchange.import', body)) as TaskOutput<K>;
    },
    close: async () => {},
  };
}

/** The server's answer, or its refusal thrown as the sentence it gave. */
function value(r: Result<unknown>): unknown {
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.messageDa);
  return r.value;
}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** A document larger than one request to the server may be: imported on the server itself instead. */
const tooLargeForServer = (fileName: string, size: number): AppError =>
  new AppError(
    'Invalid',
    `${fileName} is too large to import through the connection to the server (${megabytes(size)}; one request carries at most ${megabytes(MAX_REQUEST_BYTES)}). Nothing was imported. Import it on the server itself: referent import ${fileName}.`,
    `${fileName} er for stor til at blive importeret gennem forbindelsen til serveren (${megabytes(size)}; én forespørgsel kan højst rumme ${megabytes(MAX_REQUEST_BYTES)}). Intet blev importeret. Importér den på selve serveren: referent import ${fileName}.`,
  );
