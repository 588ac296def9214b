// Typed errors: every failure a user can meet has a code the UI branches on and one clear sentence.
export const ERROR_CODES = ['NotFound', 'Invalid', 'Conflict', 'Locked', 'Forbidden', 'TooNew', 'Corrupt', 'Internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = `AppError(${code})`;
  }
}

export const notFound = (what: string): AppError => new AppError('NotFound', `${what} was not found.`);
export const invalid = (message: string): AppError => new AppError('Invalid', message);
export const conflict = (message: string): AppError => new AppError('Conflict', message);
export const locked = (message: string): AppError => new AppError('Locked', message);
