// What a window does when its database file does not open at all (overwritten, not a database,
// damaged where the schema is): it offers the newest backup whose check was ok, and restores it
// (the file as it is kept first as a 'pre-restore' copy) when the user says so. The shell asks.
import type { BackupInfo } from '../../../src-shared/api/backups';
import { AppError } from '../errors';
import { sqliteBackups } from './backups';
import { openStore, type OpenOptions, type Store } from './open';

/** The newest backup of `file` whose integrity check was ok, or null. */
export function newestGoodBackup(file: string, options: OpenOptions = {}): BackupInfo | null {
  return sqliteBackups(file, { nativeBinding: options.nativeBinding }).list().find((b) => b.check === 'ok') ?? null;
}

/**
 * Opens `file`; when it is damaged or not a database and a checked backup exists, `ask` is shown
 * the sentence and that backup, and on yes the backup is restored and the file opened again. Any
 * other failure, a "no", or no backup to offer: the open's own error is thrown.
 */
export async function openOrRestore(file: string, options: OpenOptions, ask: (error: AppError, backup: BackupInfo) => Promise<boolean>): Promise<Store> {
  try {
    return openStore(file, options);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'Corrupt') throw e;
    const backup = newestGoodBackup(file, options);
    if (!backup || !(await ask(e, backup))) throw e;
    await sqliteBackups(file, { nativeBinding: options.nativeBinding, appVersion: options.appVersion }).restore(backup.name);
    return openStore(file, options);
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
