// Turns any failure into the one-line reason and exit code DESIGN.md asks for.
import type { ApiErrorCode } from '../../src-shared/result';
import { AppError } from '../core/errors';
import { EXIT } from './types';

export class UsageError extends Error {}

/** A refusal of bad input (what was named is wrong or missing) is exit 2; anything else 1. */
export const exitCodeForError = (code: ApiErrorCode): number => (code === 'Invalid' || code === 'NotFound' ? EXIT.badInput : EXIT.failure);

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.badInput;
  if (e instanceof AppError) return exitCodeForError(e.code);
  return EXIT.failure;
}

export function messageFor(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
