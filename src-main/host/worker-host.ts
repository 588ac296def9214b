// The core in a worker thread (issue 12 §7): a shell's main thread keeps its windows, menus and
// sockets and hands every operation to the worker that owns the store, so no query, import,
// Markdown parse or document build ever holds up the main thread's event loop.
//
// worker_threads rather than Electron's utilityProcess: one host serves the desktop app, the
// browser shell (so the Playwright tests cover it), the tests and the bench alike; messages are
// structured clones or moved buffers, with no process boundary to serialise across. The printer
// and the file opener, which need the shell, stay on the main thread: the worker asks for them.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiFailure, Result } from '../../src-shared/result';
import type { FileOpener } from '../core/context';
import type { PdfPrinter } from '../core/documents/pdf';
import { AppError } from '../core/errors';
import { CLOSING_RESULT, closingError, failureOf, type ApiHost } from './api-host';
import { createCallTracker } from './call-tracker';
import { transferable, type CallMessage, type FromWorker, type MainRequest, type ToWorker, type WorkerSetup } from './protocol';

export type WorkerHostOptions = {
  dbFile: string;
  /** The Electron-ABI build of better-sqlite3 (the desktop app). */
  nativeBinding?: string | undefined;
  /** The key that signs the change log (seal/signing.ts); without one entries are written unsigned. */
  keyFile?: string | undefined;
  shell: 'electron' | 'web';
  version: string;
  /** The shell's printer (Electron's printToPDF); without one the worker prints through Chromium itself. */
  printer?: PdfPrinter | undefined;
  /** The shell's file opener (the desktop's shell.openPath). */
  opener?: FileOpener | undefined;
  /** Runs the day's backup and the file's integrity check in the worker once the store is open (the shells). */
  maintenance?: boolean | undefined;
  /** The built worker script (the desktop app's out/main/worker.js); by default the sources, through tsx. */
  workerFile?: string | undefined;
};

/** From the sources (browser shell, tests, bench) a bootstrap registers tsx in the worker, then loads the entry. */
const SOURCE_BOOTSTRAP = path.join(import.meta.dirname, 'worker-source.mjs');
const SOURCE_ENTRY = path.join(import.meta.dirname, 'worker-entry.ts');

function stopped(detail: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'Internal',
      message: `Referent's core stopped unexpectedly (${detail}); the operation may not have been carried out. Try again.`,
      messageDa: `Referents kerne stoppede uventet (${detail}); handlingen er måske ikke udført. Prøv igen.`,
    },
  };
}

const errorOf = (failure: ApiFailure): AppError => new AppError(failure.code, failure.message, failure.messageDa);

type Reply = Extract<FromWorker, { id: number; type: 'result' | 'json' }>;

/**
 * Starts the worker and waits until it has opened the store. Rejects with the store's own refusal
 * (a newer version, a damaged file, …) when it cannot, so the shell can say so and stop.
 */
export async function startWorkerHost(options: WorkerHostOptions): Promise<ApiHost> {
  const tracker = createCallTracker();
  const setup: WorkerSetup = {
    dbFile: options.dbFile,
    nativeBinding: options.nativeBinding,
    keyFile: options.keyFile,
    shell: options.shell,
    version: options.version,
    printer: options.printer ? { tagged: options.printer.tagged, measures: options.printer.measure !== undefined && options.printer.printMeasured !== undefined } : null,
    opener: options.opener !== undefined,
    maintenance: options.maintenance === true,
  };
  let nextId = 1;
  /** Calls sent to the worker and not yet answered. */
  const waiting = new Map<number, (reply: Reply) => void>();
  let worker: Worker | null = null;
  let starting: Promise<Worker> | null = null;

  function spawn(): Promise<Worker> {
    const w = options.workerFile ? new Worker(options.workerFile, { workerData: { setup } }) : new Worker(SOURCE_BOOTSTRAP, { workerData: { setup, entry: SOURCE_ENTRY } });
    return new Promise((resolve, reject) => {
      let ready = false;
      w.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          resolve(w);
        } else if (message.type === 'failed') reject(errorOf(message.error));
        else if (message.type === 'ask') void answer(w, message.id, message.request);
        else if (message.type === 'result' || message.type === 'json') {
          const settle = waiting.get(message.id);
          waiting.delete(message.id);
          settle?.(message);
        }
      });
      w.on('error', (e) => {
        if (!ready) reject(e);
        else console.error("Referent's core failed:", e);
      });
      w.on('exit', (code) => {
        if (worker === w) worker = null;
        if (!ready) reject(new Error(`Referent's core stopped before it was ready (exit code ${code}).`));
        // Every call it held fails with one sentence; the next call starts a new worker.
        for (const [id, settle] of waiting) {
          waiting.delete(id);
          settle({ type: 'result', id, result: stopped(`exit code ${code}`) });
        }
      });
    });
  }

  /** The running worker, or a new one if the last one stopped. */
  function running(): Promise<Worker> {
    if (worker) return Promise.resolve(worker);
    starting ??= spawn().then(
      (w) => {
        worker = w;
        starting = null;
        return w;
      },
      (e: unknown) => {
        starting = null;
        throw e;
      },
    );
    return starting;
  }

  /** The shell printer's PDF for a print or a print of the page it measured. */
  function printed(request: Extract<MainRequest, { kind: 'print' | 'printMeasured' }>): Promise<Uint8Array> {
    const printer = options.printer;
    if (!printer) throw new Error('This shell has no printer.');
    if (request.kind === 'print') return printer.print(request.html, { final: request.final });
    if (!printer.printMeasured) throw new Error('This shell has no printer that measures.');
    return printer.printMeasured(request.pages, { final: request.final });
  }

  /** Does what the core in the worker asked of the shell, and sends the outcome back. */
  async function answer(w: Worker, id: number, request: MainRequest): Promise<void> {
    let result: Result<unknown>;
    let transfer: ArrayBuffer[] = [];
    try {
      if (request.kind === 'print' || request.kind === 'printMeasured') {
        const moved = transferable(await printed(request));
        result = { ok: true, value: moved.bytes };
        transfer = moved.transfer;
      } else if (request.kind === 'measure') {
        const printer = options.printer;
        if (!printer?.measure) throw new Error('This shell has no printer that measures.');
        result = { ok: true, value: await printer.measure(request.html) };
      } else {
        if (!options.opener) throw new Error('This shell opens no files.');
        await options.opener.openFile(request.path);
        result = { ok: true, value: null };
      }
    } catch (e) {
      result = { ok: false, error: failureOf(e) };
    }
    w.postMessage({ type: 'answer', id, result } satisfies ToWorker, transfer);
  }

  function send(w: Worker, message: CallMessage, transfer: ArrayBuffer[]): Promise<Reply> {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      w.postMessage({ ...message, id } satisfies ToWorker, transfer);
    });
  }

  /** Posts the call at once when the worker runs (the worker starts on it even if this thread is then busy). */
  function call(message: CallMessage, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (worker) return send(worker, message, transfer);
    return running().then(
      (w) => send(w, message, transfer),
      (e: unknown): Reply => ({ type: 'result', id: 0, result: { ok: false, error: failureOf(e) } }),
    );
  }

  const resultOf = (reply: Reply): Result<unknown> => (reply.type === 'result' ? reply.result : stopped('a result of the wrong kind'));

  await running();
  return {
    invoke: (name, input, as) => (tracker.closing ? Promise.resolve(CLOSING_RESULT) : tracker.track(call({ type: 'invoke', name, input, as }).then(resultOf))),
    invokeJson: (name, json, as) => {
      if (tracker.closing) return Promise.resolve(Buffer.from(JSON.stringify(CLOSING_RESULT)));
      const moved = transferable(json);
      return tracker.track(
        call({ type: 'invokeJson', name, json: moved.bytes, as }, moved.transfer).then((reply) => (reply.type === 'json' ? reply.json : Buffer.from(JSON.stringify(resultOf(reply))))),
      );
    },
    run: async (task, input) => {
      if (tracker.closing) throw closingError();
      const result = resultOf(await tracker.track(call({ type: 'task', name: task, input })));
      if (!result.ok) throw errorOf(result.error);
      return result.value as never;
    },
    close: async () => {
      await tracker.drain();
      const w = worker ?? (starting ? await starting.catch(() => null) : null);
      if (!w) return;
      // The worker closes the store (and its Chromium, if it started one), then stops.
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage({ type: 'close' } satisfies ToWorker);
      });
    },
  };
}
