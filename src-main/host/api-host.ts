// What a shell's adapter (IPC handler, HTTP route) calls to run an operation of the contract,
// wherever the core runs: in this thread (CLI, tests) or in a worker (desktop app, browser shell).
import type { Result } from '../../src-shared/result';
import type { CoreContext } from '../core/context';
import { invoke } from '../core/dispatch';
import { createCallTracker } from './call-tracker';

export type ApiHost = {
  /** Parses the input with the contract's schema, runs the operation, answers with a Result. */
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  /** Refuses new calls, lets the calls in flight finish, then closes the store. */
  close(): Promise<void>;
};

export const CLOSING_RESULT: Result<never> = {
  ok: false,
  error: { code: 'Internal', message: 'Referent is closing; nothing was changed.', messageDa: 'Referent lukker; intet blev ændret.' },
};

/** The core in this thread: for the CLI and tests, where nothing else waits on the event loop. */
export function inProcessHost(ctx: CoreContext): ApiHost {
  const tracker = createCallTracker();
  return {
    invoke: (name, input) => (tracker.closing ? Promise.resolve(CLOSING_RESULT) : tracker.track(invoke(ctx, name, input))),
    close: async () => {
      await tracker.drain();
      await ctx.store.close();
    },
  };
}
