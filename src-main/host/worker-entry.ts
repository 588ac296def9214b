// The core's worker thread: opens the store, then serves what the main thread sends (the
// contract's operations, raw JSON from the browser shell, host tasks) until told to close. What
// only the shell can do, printing and opening a file in its program, it asks the main thread for.
import { parentPort, workerData } from 'node:worker_threads';
import type { Result } from '../../src-shared/result';
import { asAccount, type CoreContext } from '../core/context';
import { invoke, toFailure } from '../core/dispatch';
import type { PdfPrinter } from '../core/documents/pdf';
import { closeSharedPrinterIfStarted } from '../core/documents/shared-printer';
import { AppError } from '../core/errors';
import { startMaintenance } from '../core/store/sqlite/integrity';
import { openStore, type Store } from '../core/store/open';
import { createCallTracker } from './call-tracker';
import { invokeJson } from './json-call';
import { transferable, type FromWorker, type MainRequest, type ToWorker, type WorkerSetup } from './protocol';
import { runTask } from './tasks';

const port = parentPort!;
const setup = (workerData as { setup: WorkerSetup }).setup;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

let store: Store;
try {
  store = await openStore(setup.dbFile, { appVersion: setup.version, keyFile: setup.keyFile, ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}) });
} catch (e) {
  post({ type: 'failed', error: toFailure(e) });
  port.close();
  // End the thread, not throw: a thrown error reaches the host by another port and could overtake
  // 'failed', leaving "not started" where the store's own sentence belongs; the host drains this
  // port's messages before it sees 'exit'.
  process.exit(1);
}

let asked = 0;
const answers = new Map<number, (result: Result<unknown>) => void>();

/** Asks the main thread to do what only the shell can, and waits for its answer. */
function ask(request: MainRequest): Promise<unknown> {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    answers.set(id, (result) => (result.ok ? resolve(result.value) : reject(new AppError(result.error.code, result.error.message, result.error.messageDa))));
    post({ type: 'ask', id, request });
  });
}

/**
 * The main thread's printer as the core sees it: each call a question to the main thread. Measuring
 * is forwarded only when the shell's printer measures; otherwise the core measures with a print.
 */
function mainThreadPrinter({ tagged, measures }: NonNullable<WorkerSetup['printer']>): PdfPrinter {
  const print: PdfPrinter['print'] = (html, { final }) => ask({ kind: 'print', html, final }) as Promise<Uint8Array>;
  if (!measures) return { tagged, print };
  return {
    tagged,
    print,
    measure: (html) => ask({ kind: 'measure', html }) as Promise<[string, number][]>,
    printMeasured: (pages, { final }) => ask({ kind: 'printMeasured', pages, final }) as Promise<Uint8Array>,
  };
}

const ctx: CoreContext = {
  store,
  shell: setup.shell,
  version: setup.version,
  printer: setup.printer ? mainThreadPrinter(setup.printer) : undefined,
  opener: setup.opener ? { openFile: async (path) => void (await ask({ kind: 'openFile', path })) } : undefined,
};

const tracker = createCallTracker();

async function serve(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'invoke':
      post({ type: 'result', id: message.id, result: await tracker.track(invoke(asAccount(ctx, message.as), message.name, message.input)) });
      return;
    case 'invokeJson': {
      const json = await tracker.track(invokeJson(asAccount(ctx, message.as), message.name, message.json));
      if (json === null) return post({ type: 'json', id: message.id, json: null });
      const moved = transferable(json);
      return post({ type: 'json', id: message.id, json: moved.bytes }, moved.transfer);
    }
    case 'task': {
      const result = await tracker.track(
        runTask(ctx, message.name, message.input).then(
          (value): Result<unknown> => ({ ok: true, value }),
          (e: unknown): Result<unknown> => ({ ok: false, error: toFailure(e) }),
        ),
      );
      return post({ type: 'result', id: message.id, result });
    }
    case 'answer': {
      const settle = answers.get(message.id);
      answers.delete(message.id);
      settle?.(message.result);
      return;
    }
    case 'close':
      // Calls in flight finish, then the store closes cleanly (SQLite folds its log back in).
      await tracker.drain();
      // Whatever printed through this thread's own Chromium (documents, the website, an archive
      // package) started it; left open, it would keep the thread alive.
      if (!setup.printer) await closeSharedPrinterIfStarted();
      await store.close();
      port.close();
  }
}

port.on('message', (message: ToWorker) => void serve(message));
post({ type: 'ready' });
// Counted as a call in flight, so that closing waits for a backup being written.
if (setup.maintenance) void tracker.track(startMaintenance(store, setup.version));
