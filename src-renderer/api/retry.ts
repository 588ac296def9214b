// A call the core refused as Busy (another process held the database file for longer than a write
// waits) changed nothing, so it is simply made again a few times, further apart each time, before
// the user sees the sentence.
import { ApiError } from '../../src-shared/result';

/** Pauses before the 2nd, 3rd and 4th try; each try itself waits up to the core's busy timeout (5 s). */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [500, 1500, 4000];

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function retryWhileBusy<T>(attempt: () => Promise<T>, delays: readonly number[] = BUSY_RETRY_DELAYS_MS, sleep: (ms: number) => Promise<void> = pause): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'Busy' || i >= delays.length) throw e;
      await sleep(delays[i]!);
    }
  }
}
