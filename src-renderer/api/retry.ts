// A call the core refused as Busy (another process held the database file for longer than a write
// waits) changed nothing, so it is simply made again a few times, further apart each time. When it
// still cannot land, the user is asked (busy.ts shows the sentence with "Prøv igen"): each "try
// again" makes it once more; "cancel" hands the Busy sentence to the screen that made the call.
import { ApiError } from '../../src-shared/result';

/** Pauses before the 2nd, 3rd and 4th try; each try itself waits up to the core's busy timeout (5 s). */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [500, 1500, 4000];

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type RetryOptions = {
  delays?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Asked once the automatic tries are spent, with the Busy sentence: true to try once more. */
  ask?: (error: ApiError) => Promise<boolean>;
};

const isBusy = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'Busy';

export async function retryWhileBusy<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { delays = BUSY_RETRY_DELAYS_MS, sleep = pause, ask } = options;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (i < delays.length) await sleep(delays[i]!);
      else if (!ask || !(await ask(e))) throw e;
    }
  }
}
