// The core in the caller's own thread, behind the same ApiHost as the worker: for tests and
// tools where nothing else waits on the event loop.
import type { Result } from '../../src-shared/result';
import { asAccount, type CoreContext } from '../core/context';
import type { AccountSummary } from '../../src-shared/api/accounts';
import { invoke } from '../core/dispatch';
import { CLOSING_RESULT, closingError, type ApiHost } from './api-host';
import { createCallTracker } from './call-tracker';
import { invokeJson } from './json-call';
import { runTask } from './tasks';

export function inProcessHost(ctx: CoreContext): ApiHost {
  const tracker = createCallTracker();
  const call = (name: string, input: unknown, as?: AccountSummary): Promise<Result<unknown>> => (tracker.closing ? Promise.resolve(CLOSING_RESULT) : tracker.track(invoke(asAccount(ctx, as), name, input)));
  return {
    invoke: call,
    invokeJson: (name, json, as) => (tracker.closing ? Promise.resolve(Buffer.from(JSON.stringify(CLOSING_RESULT))) : tracker.track(invokeJson(asAccount(ctx, as), name, json))),
    run: async (task, input) => {
      if (tracker.closing) throw closingError();
      return (await tracker.track(runTask(ctx, task, input))) as never;
    },
    close: async () => {
      await tracker.drain();
      await ctx.store.close();
    },
  };
}
