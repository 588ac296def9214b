// PostgreSQL's own failures (SQLSTATE codes, a dropped connection) told as one sentence naming the
// database (never its password), as sqlite/sqlite-errors.ts does for the file.
import { AppError } from '../../errors';

const sqlState = (e: unknown): string | null => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** The AppError a user should see for `e` on the database `where`, or null when it is not the database's own failure. */
export function postgresFailure(e: unknown, where: string): AppError | null {
  if (e instanceof AppError) return null;
  const code = sqlState(e);
  const detail = (e as Error | null)?.message ?? String(e);
  if (code === null) return null;
  if (code.startsWith('23')) {
    // A constraint (unique, foreign key, check): the same sentence as on the file (core/dispatch.ts).
    return new AppError('Conflict', `The change conflicts with what is stored (${detail}).`, `Ændringen strider mod det, der allerede er gemt (${detail}).`);
  }
  if (code === '40001' || code === '40P01' || code === '55P03') {
    return new AppError(
      'Busy',
      `The database ${where} is busy with another change made at the same moment; nothing was changed. Try again in a moment.`,
      `Databasen ${where} er optaget af en anden ændring foretaget i samme øjeblik; intet blev ændret. Prøv igen om et øjeblik.`,
    );
  }
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE') {
    return new AppError(
      'DiskError',
      `The connection to the database ${where} was lost (${detail}); the last change was not saved. Check that the server is running and reachable, then try again.`,
      `Forbindelsen til databasen ${where} blev afbrudt (${detail}); den seneste ændring blev ikke gemt. Kontrollér, at serveren kører og kan nås, og prøv igen.`,
    );
  }
  if (code === '53100') {
    return new AppError('DiskFull', `The disk of the database server for ${where} is full; nothing was changed. Ask its administrator to free space.`,
      `Disken på databaseserveren for ${where} er fuld; intet blev ændret. Bed dens administrator om at frigøre plads.`);
  }
  if (code === '25006' || code === '42501') {
    return new AppError('ReadOnly', `Referent may not write to the database ${where} (${detail}). Ask its administrator for write access.`,
      `Referent må ikke skrive i databasen ${where} (${detail}). Bed dens administrator om skriveadgang.`);
  }
  return null;
}

/** Failures after which the whole transaction is run again (two writers met; one of them yields). */
export function isRetryable(e: unknown): boolean {
  const code = sqlState(e);
  return code === '40001' || code === '40P01';
}
