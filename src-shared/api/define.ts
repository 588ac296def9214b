// The building block of the contract: an operation is a zod input schema plus an output type.
import type { z } from 'zod';

export type Operation<I extends z.ZodType = z.ZodType, O = unknown> = {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
};

export function op<I extends z.ZodType>(input: I): { returns: <O>() => Operation<I, O> } {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}
