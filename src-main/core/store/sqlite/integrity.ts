// Integrity checks of the database file, off the open path: in the background once a day or per
// Referent version (recorded in the file), in `referent verify`, and on every backup's copy.
import type { BackupInfo, StoreCheck } from '../../../../src-shared/api/backups';
import type { Store } from '../open';
import type { SqliteStore } from './open';
import { runStoreJob } from './store-jobs';
import { sqliteCode } from './sqlite-errors';
import { readLastCheck, writeLastCheck } from '../store-settings';

const localDay = (iso: string | Date): string => new Date(iso).toLocaleDateString('sv-SE');

/** SQLite's integrity_check of the open file, on this thread: 'ok' or the first problems found. */
export function checkIntegrityNow(store: SqliteStore): string {
  try {
    const rows = store.sqlite.pragma('integrity_check(20)') as Record<string, unknown>[];
    const problems = rows.map((r) => String(Object.values(r)[0]));
    return problems.length === 1 && problems[0] === 'ok' ? 'ok' : problems.slice(0, 5).join('; ');
  } catch (e) {
    // Damage bad enough that the check cannot walk the file is its result too.
    const code = sqliteCode(e);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return (e as Error).message;
    throw e;
  }
}

export type MaintenanceReport = { backup: BackupInfo | null; check: StoreCheck | null };

/**
 * What a running app does once after it opens the file: the day's backup (checked) if there is
 * none yet, else a quick check of the file when none was made today or by this version. Runs on
 * a worker thread; the result is recorded in the file for the Backups panel.
 */
export async function runMaintenance(store: Store, appVersion: string, now = new Date()): Promise<MaintenanceReport> {
  if (!store.backups || store.readOnly) return { backup: null, check: null };
  const backup = await store.backups.dailyIfDue(now);
  let check: StoreCheck | null = null;
  if (backup) {
    check = { at: now.toISOString(), appVersion, result: backup.check };
  } else {
    const last = await readLastCheck(store.db);
    if (!last || last.appVersion !== appVersion || localDay(last.at) !== localDay(now)) {
      const r = await runStoreJob({ kind: 'check', file: store.file, check: 'quick' }, store.options.nativeBinding);
      check = { at: now.toISOString(), appVersion, result: r.check };
    }
  }
  if (check) {
    const record = check;
    await store.db.transaction().execute((db) => writeLastCheck(db, record));
  }
  return { backup, check };
}

/** Starts runMaintenance without waiting for it; a failure is logged, never thrown at the shell. */
export function startMaintenance(store: Store, appVersion: string): Promise<MaintenanceReport | null> {
  return runMaintenance(store, appVersion).catch((e: unknown) => {
    console.error('Referent: the background backup or check of the database failed:', e);
    return null;
  });
}
