// Counts the calls in flight so that quitting can refuse new ones and wait for the rest.

export type CallTracker = {
  /** True once quitting has begun: no new call may start. */
  readonly closing: boolean;
  /** Counts the call as in flight until it settles. */
  track: <T>(call: Promise<T>) => Promise<T>;
  /** Refuses new calls and resolves when every call already started has settled. */
  drain: () => Promise<void>;
};

export function createCallTracker(): CallTracker {
  const pending = new Set<Promise<unknown>>();
  let closing = false;
  return {
    get closing() {
      return closing;
    },
    track: (call) => {
      pending.add(call);
      const forget = (): void => void pending.delete(call);
      call.then(forget, forget);
      return call;
    },
    drain: async () => {
      closing = true;
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
