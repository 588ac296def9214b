import { describe, expect, test } from 'vitest';
import { ApiError } from '../../src-shared/result';
import { retryWhileBusy } from './retry';

const busy = new ApiError('Busy', 'Databasen er optaget af en anden ændring; intet blev ændret. Prøv igen om et øjeblik.');

describe('retryWhileBusy', () => {
  test('a call refused as Busy is made again, after longer and longer pauses, until it lands', async () => {
    const slept: number[] = [];
    let tries = 0;
    const value = await retryWhileBusy(
      async () => {
        tries++;
        if (tries < 3) throw busy;
        return 'gemt';
      },
      [10, 20, 40],
      async (ms) => void slept.push(ms),
    );
    expect(value).toBe('gemt');
    expect(tries).toBe(3);
    expect(slept).toEqual([10, 20]);
  });

  test('after the last try the user gets the Busy sentence', async () => {
    let tries = 0;
    const attempt = async (): Promise<never> => {
      tries++;
      throw busy;
    };
    await expect(retryWhileBusy(attempt, [1, 1, 1], async () => {})).rejects.toThrow('Databasen er optaget af en anden ændring; intet blev ændret. Prøv igen om et øjeblik.');
    expect(tries).toBe(4);
  });

  test('any other refusal is shown at once, never repeated', async () => {
    let tries = 0;
    const attempt = async (): Promise<never> => {
      tries++;
      throw new ApiError('Conflict', 'Forkortelsen "OBU" bruges allerede.');
    };
    await expect(retryWhileBusy(attempt, [1, 1, 1], async () => {})).rejects.toThrow('Forkortelsen "OBU" bruges allerede.');
    expect(tries).toBe(1);
  });
});
