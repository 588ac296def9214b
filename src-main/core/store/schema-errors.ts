// The sentence for a database written by a newer Referent, the same for a file and a server.
import { AppError } from '../errors';

export function tooNew(where: string, current: number, newest: number): AppError {
  return new AppError(
    'TooNew',
    `The database ${where} was written by a newer Referent (schema ${current}; this version knows up to ${newest}). Update Referent to open it.`,
    `Databasen ${where} er skrevet af en nyere Referent (skema ${current}; denne version kender op til ${newest}). Opdater Referent for at åbne den.`,
  );
}
