// What a shell's adapter (IPC handler, HTTP route, menu) calls to run an operation of the contract,
// wherever the core runs: in a worker thread (desktop app, browser shell: worker-host.ts) or in
// this thread (in-process-host.ts: tests, where nothing else waits on the event loop). This file
// loads no part of the core, so a main thread that imports it stays light.
import type { ApiFailure, Result } from '../../src-shared/result';
import { AppError } from '../core/errors';
import type { TaskInput, TaskName, TaskOutput } from './tasks';
import type { AccountSummary } from '../../src-shared/api/accounts';

export type ApiHost = {
  /**
   * Parses the input with the contract's schema, runs the operation, answers with a Result.
   * `as`: the signed-in account making the call (`referent serve`): checked against its roles, and
   * named as the author of what it changes. Passed with each call, since one core serves many.
   */
  invoke(name: string, input: unknown, as?: AccountSummary): Promise<Result<unknown>>;
  /**
   * The same with the input and the Result as JSON (UTF-8 bytes), for the browser shell: parsing
   * and writing JSON then happens where the core runs, not on the main thread. Null when the
   * input is not valid JSON.
   */
  invokeJson(name: string, json: Uint8Array, as?: AccountSummary): Promise<Uint8Array | null>;
  /** A host task (tasks.ts); throws the AppError it failed with. */
  run<K extends TaskName>(task: K, input: TaskInput<K>): Promise<TaskOutput<K>>;
  /** Refuses new calls, lets the calls in flight finish, then closes the store. */
  close(): Promise<void>;
};

export const CLOSING_RESULT = {
  ok: false,
  error: { code: 'Internal', message: 'Referent is closing; nothing was changed.', messageDa: 'Referent lukker; intet blev ændret.' },
} as const satisfies Result<never>;

export const closingError = (): AppError => new AppError(CLOSING_RESULT.error.code, CLOSING_RESULT.error.message, CLOSING_RESULT.error.messageDa);

/** A failure on the main thread (the printer, the opener, a worker that will not start) as the contract's failure. */
export function failureOf(e: unknown): ApiFailure {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.da ? { messageDa: e.da } : {}) };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'Internal', message: `Something went wrong inside Referent: ${message}`, messageDa: `Der opstod en fejl inde i Referent: ${message}` };
}
