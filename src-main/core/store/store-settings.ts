// The store's own settings, kept in the file's settings table: how many backups to keep, and the
// last background integrity check of the file.
import type { BackupKeep, StoreCheck } from '../../../src-shared/api/backups';
import type { Db } from './database';
import { DEFAULT_KEEP } from './sqlite/backups';

const KEEP = 'store.backupKeep';
const CHECK = 'store.lastCheck';

async function read<T>(db: Db, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

async function write(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: json }).onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute();
}

export async function readBackupKeep(db: Db): Promise<BackupKeep> {
  return { ...DEFAULT_KEEP, ...(await read<Partial<BackupKeep>>(db, KEEP)) };
}

export const writeBackupKeep = (db: Db, keep: BackupKeep): Promise<void> => write(db, KEEP, keep);

export const readLastCheck = (db: Db): Promise<StoreCheck | null> => read<StoreCheck>(db, CHECK);

export const writeLastCheck = (db: Db, check: StoreCheck): Promise<void> => write(db, CHECK, check);
