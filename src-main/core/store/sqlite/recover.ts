// What a window does when its database file does not open at all (overwritten, not a database,
// damaged where the schema is): it offers the newest backup whose check was ok, and restores it
// (the file as it is kept first as a 'pre-restore' copy) when the user says so. The shell asks.
import type { BackupInfo } from '../../../../src-shared/api/backups';
import { AppError } from '../../errors';
import { sqliteBackups } from './backups';
import type { OpenOptions } from '../open';

/** The newest backup of `file` whose integrity check was ok, or null. */
export function newestGoodBackup(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): BackupInfo | null {
  return sqliteBackups(file, { nativeBinding: options.nativeBinding }).list().find((b) => b.check === 'ok') ?? null;
}

/**
 * Opens the store with `open` (on this thread, or in a worker: anything that fails with an
 * AppError); when the file is damaged or not a database and a checked backup exists, `ask` is
 * shown the sentence and that backup, and on yes the backup is restored and `open` tried again.
 * Any other failure, a "no", or no backup to offer: the open's own error is thrown.
 */
export async function openOrRestore<T>(file: string, options: Pick<OpenOptions, 'nativeBinding' | 'appVersion' | 'keyFile'>, open: () => T | Promise<T>, ask: (error: AppError, backup: BackupInfo) => Promise<boolean>): Promise<T> {
  try {
    return await open();
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'Corrupt') throw e;
    const backup = newestGoodBackup(file, options);
    if (!backup || !(await ask(e, backup))) throw e;
    await sqliteBackups(file, { nativeBinding: options.nativeBinding, appVersion: options.appVersion, keyFile: options.keyFile }).restore(backup.name);
    return open();
  }
}

/** The desktop app's question (Danish, as its window): the sentence, the backup offered, two answers. */
export function restoreQuestion(error: AppError, backup: BackupInfo): { message: string; detail: string; buttons: [string, string] } {
  const made = new Date(backup.createdAt).toLocaleString('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  return {
    message: 'Referent kan ikke åbne sin database',
    detail: `${error.da ?? error.message}\n\nDen nyeste kontrollerede sikkerhedskopi er fra ${made} (${backup.name}). Gendanner du den, gemmes filen, som den er nu, først som sikkerhedskopi; ændringer efter ${made} er ikke med.`,
    buttons: ['Gendan sikkerhedskopien', 'Afslut'],
  };
}
