// The messages between a shell's main thread and the core's worker (worker-host.ts, worker-entry.ts).
import type { ApiFailure, Result } from '../../src-shared/result';
import type { AccountSummary } from '../../src-shared/api/accounts';

/** What the worker needs to open the store and build its context. */
export type WorkerSetup = {
  dbFile: string;
  /** The Electron-ABI build of better-sqlite3 in the desktop app. */
  nativeBinding?: string | undefined;
  /** The key that signs the change log. */
  keyFile?: string | undefined;
  shell: 'electron' | 'web';
  version: string;
  /**
   * Set when the main thread prints (Electron's printToPDF): the worker asks it for each PDF, and,
   * when `measures`, for where chapters land on screen and a print of the page it measured.
   */
  printer: { tagged: boolean; measures: boolean } | null;
  /** True when the main thread opens files in their program (the desktop's shell.openPath). */
  opener: boolean;
  /** The day's backup and integrity check once the store is open (the shells; not tests). */
  maintenance: boolean;
};

/** A call the main thread sends; the worker answers it with a `result` (or `json`) of the same id. */
export type CallMessage =
  | { type: 'invoke'; name: string; input: unknown; as?: AccountSummary | undefined }
  | { type: 'invokeJson'; name: string; json: Uint8Array; as?: AccountSummary | undefined }
  | { type: 'task'; name: string; input: unknown };

/** From the main thread: calls, answers to what the worker asked, and close. */
export type ToWorker = (CallMessage & { id: number }) | { type: 'answer'; id: number; result: Result<unknown> } | { type: 'close' };

/** From the worker: started (or could not open the store), results, and what it asks of the main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiFailure }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'json'; id: number; json: Uint8Array | null }
  | { type: 'ask'; id: number; request: MainRequest };

/** What the core in the worker asks of the main thread: what only the shell can do. */
export type MainRequest =
  | { kind: 'print'; html: string; final: boolean }
  | { kind: 'measure'; html: string }
  | { kind: 'printMeasured'; pages: [string, number][]; final: boolean }
  | { kind: 'openFile'; path: string };

/** The bytes of a Uint8Array as their own ArrayBuffer, so they can be moved to the other thread instead of copied. */
export function transferable(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  // A Buffer may be a slice of Node's shared pool: moving that pool would empty every other Buffer in it.
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return { bytes, transfer: [bytes.buffer] };
  const copy = new Uint8Array(bytes);
  return { bytes: copy, transfer: [copy.buffer] };
}
