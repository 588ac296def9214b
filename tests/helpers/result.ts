// What a call answered through a host's Result: its value (a refusal fails the test), or the
// Danish sentence it was refused with (an answer fails the test, and so does an empty English one).
import { expect } from 'vitest';
import type { Result } from '../../src-shared/result';

export async function accepted<T>(r: Promise<Result<unknown>>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.value as T;
}

export async function refusedDa(r: Promise<Result<unknown>>): Promise<string> {
  const result = await r;
  if (result.ok) throw new Error('was not refused');
  expect(result.error.message).not.toBe('');
  return result.error.messageDa ?? '';
}
