// Typed errors: every failure a user can meet has a code the UI branches on and one clear sentence.
import { z } from 'zod';
import { describeFirstIssue } from '../../src-shared/exchange';

export const ERROR_CODES = ['NotFound', 'Invalid', 'Conflict', 'Locked', 'Forbidden', 'TooNew', 'Corrupt', 'Busy', 'ReadOnly', 'DiskFull', 'DiskError', 'Internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const DANISH = z.locales.da();

/**
 * The first fault of input a schema refused, as one sentence naming its path; `da` is the same
 * fault in Danish (zod's own Danish texts, our paths) for the Danish UI.
 */
export function describeRefusal(schema: z.ZodType, raw: unknown, error: z.ZodError): { message: string; da: string | undefined } {
  const da = schema.safeParse(raw, { error: DANISH.localeError });
  return { message: describeFirstIssue(error), da: da.success ? undefined : describeFirstIssue(da.error) };
}

/**
 * `message` is English (the CLI, logs); `da` is the same sentence in Danish, which the Danish UI
 * shows. A message without `da` is shown as it is.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly da?: string,
  ) {
    super(message);
    this.name = `AppError(${code})`;
  }
}

export const notFound = (what: string, whatDa?: string): AppError =>
  new AppError('NotFound', `${what} was not found.`, whatDa ? `${whatDa} findes ikke.` : undefined);
export const invalid = (message: string, da?: string): AppError => new AppError('Invalid', message, da);
export const conflict = (message: string, da?: string): AppError => new AppError('Conflict', message, da);
export const locked = (message: string, da?: string): AppError => new AppError('Locked', message, da);
