// SQLite's own failures (busy, damaged, not a database, read-only, disk full, disk error) turned,
// in this one place, into one sentence naming the file and the way out. Every path to the file
// (the kysely driver, opening, migrations, backups, dispatch's safety net) goes through it.
import { AppError } from '../../errors';

/** Where a user finds the backups, named in every sentence that says "restore a backup". */
const RESTORE_EN = 'restore a backup (Settings → Backups in the app, or "referent backup list" and "referent backup restore FILE")';
const RESTORE_DA = 'gendan en sikkerhedskopi (Indstillinger → Sikkerhedskopier i programmet, eller "referent backup list" og "referent backup restore FIL")';

/** The SQLite result code of an error thrown by better-sqlite3 ('SQLITE_BUSY_SNAPSHOT' → 'SQLITE_BUSY'), or null. */
export function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const m = /^SQLITE_[A-Z]+/.exec(code);
  return m ? m[0] : null;
}

/**
 * The AppError a user should see for an environmental SQLite failure on `file`, or null when `e`
 * is something else (a constraint, a bug), which the caller handles as before.
 */
export function storeFailure(e: unknown, file: string): AppError | null {
  if (e instanceof AppError) return null;
  const code = sqliteCode(e);
  const detail = (e as Error).message;
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppError(
        'Busy',
        `The database ${file} is busy with another change (another Referent window or a "referent" command is writing to it); nothing was changed. Try again in a moment.`,
        `Databasen ${file} er optaget af en anden ændring (et andet Referent-vindue eller en referent-kommando skriver i den); intet blev ændret. Prøv igen om et øjeblik.`,
      );
    case 'SQLITE_NOTADB':
      return new AppError(
        'Corrupt',
        `${file} is not a Referent database (${detail}). Check that you named the right file, or ${RESTORE_EN}.`,
        `${file} er ikke en Referent-database (${detail}). Kontrollér, at det er den rigtige fil, eller ${RESTORE_DA}.`,
      );
    case 'SQLITE_CORRUPT':
      return corrupt(file, detail);
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return readOnly(file);
    case 'SQLITE_FULL':
      return new AppError(
        'DiskFull',
        `The disk holding ${file} is full; nothing was changed. Free some space on it and try again.`,
        `Disken med ${file} er fuld; intet blev ændret. Frigør plads på den, og prøv igen.`,
      );
    case 'SQLITE_IOERR':
      return new AppError(
        'DiskError',
        `The disk holding ${file} reported an error while Referent read or wrote it (${detail}); the last change was not saved. Check the disk or network drive; if the file is damaged, ${RESTORE_EN}.`,
        `Disken med ${file} meldte fejl, da Referent læste eller skrev filen (${detail}); den seneste ændring blev ikke gemt. Kontrollér disken eller netværksdrevet; er filen beskadiget, så ${RESTORE_DA}.`,
      );
    default:
      return null;
  }
}

export function corrupt(file: string, detail: string): AppError {
  return new AppError('Corrupt', `The database ${file} is damaged (${detail}). To go on, ${RESTORE_EN}.`, `Databasen ${file} er beskadiget (${detail}). For at arbejde videre: ${RESTORE_DA}.`);
}

export function readOnly(file: string): AppError {
  return new AppError(
    'ReadOnly',
    `Referent cannot write to ${file}: the file or its folder is read-only. Give your user write access to the folder, or copy the file to a folder you can write to and open it there.`,
    `Referent kan ikke skrive i ${file}: filen eller dens mappe er skrivebeskyttet. Giv din bruger skriveadgang til mappen, eller kopiér filen til en mappe, du kan skrive i, og åbn den dér.`,
  );
}

/** `e` as the sentence a user should see, when it is one of SQLite's own failures; otherwise `e` itself. */
export function asStoreError(e: unknown, file: string): unknown {
  return storeFailure(e, file) ?? e;
}
