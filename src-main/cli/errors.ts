// Turns any failure into the one-line reason and exit code DESIGN.md asks for.
import { AppError } from '../core/errors';
import { EXIT } from './types';

export class UsageError extends Error {}

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.badInput;
  if (e instanceof AppError) return e.code === 'Invalid' || e.code === 'NotFound' ? EXIT.badInput : EXIT.failure;
  return EXIT.failure;
}

export function messageFor(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
