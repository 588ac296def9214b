// Every import (exchange document or calendar, from any shell) is preceded by a checked backup of
// the file, so an import that was the wrong file can be undone by a restore.
import type { BackupInfo } from '../../../src-shared/api/backups';
import type { Store } from '../store/open';

/** A 'pre-import' backup, when the file holds anything to lose (an empty file needs none). */
export async function backupBeforeImport(store: Store): Promise<BackupInfo | null> {
  if (!store.backups) return null;
  const anything = await store.db.selectFrom('committees').select('id').limit(1).executeTakeFirst();
  if (!anything) return null;
  return store.backups.create('pre-import');
}
