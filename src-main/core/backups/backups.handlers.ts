// Handlers of the "backups" operations (src-shared/api/backups.ts): list, make and restore the
// rolling backups of the database file, and set how many are kept.
import type { backupOps } from '../../../src-shared/api/backups';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { FeatureHandlers } from '../handler-types';
import { tx } from '../handler-types';
import { serverBackups } from './server-backups';
import { DEFAULT_KEEP, type StoreBackups } from '../store/sqlite/backups';
import { readBackupKeep, readLastCheck, writeBackupKeep } from '../store/store-settings';

function backupsOf(ctx: CoreContext): StoreBackups {
  if (ctx.store.backups) return ctx.store.backups;
  if (ctx.store.dialect === 'postgres') throw serverBackups();
  throw new AppError('Invalid', 'This database keeps no backups beside it (it is not a file).', 'Denne database har ingen sikkerhedskopier ved siden af sig (den er ikke en fil).');
}

export const backupHandlers: FeatureHandlers<typeof backupOps> = {
  'backups.list': async (ctx) => {
    const backups = backupsOf(ctx);
    // Listed from the folder: a damaged database must not keep its own backups out of reach.
    const keep = await readBackupKeep(ctx.store.db).catch(() => DEFAULT_KEEP);
    const lastCheck = await readLastCheck(ctx.store.db).catch(() => null);
    return { folder: backups.folder, backups: backups.list(), keep, lastCheck };
  },
  'backups.create': (ctx) => backupsOf(ctx).create('manual'),
  'backups.restore': async (ctx, { name }) => {
    const r = await backupsOf(ctx).restore(name);
    // Opened again as on a start: an older backup is migrated, every later call sees the restored file.
    await ctx.store.reopen();
    return r;
  },
  'backups.setKeep': (ctx, keep) =>
    tx(ctx, async (db) => {
      await writeBackupKeep(db, keep);
      return readBackupKeep(db);
    }),
};
