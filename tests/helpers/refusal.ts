// The AppError a call was refused with; a call that was allowed fails the test.
import type { AppError } from '../../src-main/core/errors';

export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x as AppError,
  );
  if (!e) throw new Error('the call was allowed');
  return e;
}
