import { afterEach, describe, expect, test } from 'vitest';
import { ApiError } from '../../src-shared/result';
import { answerBusy, askToRetry, busyQuestion, subscribeBusy } from './busy';
import { retryWhileBusy } from './retry';

const SENTENCE = 'Databasen er optaget af en anden ændring; intet blev ændret. Prøv igen om et øjeblik.';
const busy = new ApiError('Busy', SENTENCE);
const noSleep = async (): Promise<void> => {};

/** An attempt refused as Busy `times` times, then landing; counts its tries. */
function busyFor(times: number) {
  const counter = { tries: 0 };
  const attempt = async (): Promise<string> => {
    counter.tries++;
    if (counter.tries <= times) throw busy;
    return 'gemt';
  };
  return { counter, attempt };
}

describe('retryWhileBusy', () => {
  test('a call refused as Busy is made again, after longer and longer pauses, until it lands', async () => {
    const slept: number[] = [];
    const { counter, attempt } = busyFor(2);
    const value = await retryWhileBusy(attempt, { delays: [10, 20, 40], sleep: async (ms) => void slept.push(ms) });
    expect(value).toBe('gemt');
    expect(counter.tries).toBe(3);
    expect(slept).toEqual([10, 20]);
  });

  test('after the last automatic try, with nobody to ask, the user gets the Busy sentence', async () => {
    const { counter, attempt } = busyFor(Infinity);
    await expect(retryWhileBusy(attempt, { delays: [1, 1, 1], sleep: noSleep })).rejects.toThrow(SENTENCE);
    expect(counter.tries).toBe(4);
  });

  test('then the user is asked with the sentence: each "try again" makes the call once more until it lands', async () => {
    const asked: string[] = [];
    const { counter, attempt } = busyFor(5);
    const value = await retryWhileBusy(attempt, { delays: [1, 1, 1], sleep: noSleep, ask: async (e) => (asked.push(e.message), true) });
    expect(value).toBe('gemt');
    // Four automatic tries, then one question per refused try: the 5th is refused, the 6th lands.
    expect(counter.tries).toBe(6);
    expect(asked).toEqual([SENTENCE, SENTENCE]);
  });

  test('"cancel" hands the Busy sentence to the screen that made the call, with no further try', async () => {
    const { counter, attempt } = busyFor(Infinity);
    await expect(retryWhileBusy(attempt, { delays: [1], sleep: noSleep, ask: async () => false })).rejects.toThrow(SENTENCE);
    expect(counter.tries).toBe(2);
  });

  test('any other refusal is shown at once, never repeated nor asked about', async () => {
    let tries = 0;
    let asked = 0;
    const attempt = async (): Promise<never> => {
      tries++;
      throw new ApiError('Conflict', 'Forkortelsen "OBU" bruges allerede.');
    };
    await expect(retryWhileBusy(attempt, { delays: [1, 1, 1], sleep: noSleep, ask: async () => (asked++, true) })).rejects.toThrow('Forkortelsen "OBU" bruges allerede.');
    expect([tries, asked]).toEqual([1, 0]);
  });
});

describe('the busy question', () => {
  let unsubscribe: (() => void) | undefined;
  afterEach(() => unsubscribe?.());

  test('with no prompt on screen the answer is "cancel" at once', async () => {
    expect(await askToRetry(busy)).toBe(false);
    expect(busyQuestion()).toBeNull();
  });

  test('calls busy at the same time share one question and its answer', async () => {
    let changes = 0;
    unsubscribe = subscribeBusy(() => changes++);
    const first = askToRetry(busy);
    const second = askToRetry(new ApiError('Busy', SENTENCE));
    expect(busyQuestion()).toEqual({ message: SENTENCE });
    answerBusy(true);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(busyQuestion()).toBeNull();
    expect(changes).toBe(3);
  });
});
