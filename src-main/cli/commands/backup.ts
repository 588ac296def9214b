// referent backup list [--json] | backup create | backup restore NAME|FILE
// list and restore work on the backups folder beside the file, so they work when the database
// itself no longer opens (that is when a restore is wanted).
import type { BackupInfo } from '../../../src-shared/api/backups';
import { serverBackups } from '../../core/backups/server-backups';
import { isPostgresUrl } from '../../core/store/target';
import { resolveDbFile } from '../../core/paths';
import { sqliteBackups } from '../../core/store/sqlite/backups';
import { readBackupKeep } from '../../core/store/store-settings';
import { VERSION } from '../../core/version';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, type CliIO, withContext } from '../types';

const usage = 'referent backup list [--json] | referent backup create | referent backup restore NAME|FILE   [--db FILE]';

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
const local = (iso: string): string => new Date(iso).toLocaleString('sv-SE').slice(0, 16);

function line(b: BackupInfo): string {
  return `${local(b.createdAt)}  ${b.reason.padEnd(13)}  ${megabytes(b.size).padStart(9)}  ${b.check === 'ok' ? 'checked ok' : `CHECK: ${b.check}`}  ${b.name}`;
}

async function list(io: CliIO, dbFlag: string | undefined, json: boolean): Promise<number> {
  const backups = sqliteBackups(dbFile(io, dbFlag));
  const all = backups.list();
  if (json) {
    io.out(JSON.stringify({ folder: backups.folder, backups: all }, null, 2));
    return 0;
  }
  if (all.length === 0) io.out(`No backups in ${backups.folder}.`);
  else io.out(`Backups in ${backups.folder} (newest first):`);
  for (const b of all) io.out(line(b));
  return 0;
}

const dbFile = (io: CliIO, dbFlag: string | undefined): string => (io.dbFile ?? resolveDbFile)(dbFlag);

export const backupCommand: CliCommand = {
  name: 'backup',
  usage,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, usage);
    // A server database is backed up by the server (pg_dump), not by copies of a file beside it.
    if (isPostgresUrl(dbFile(io, values.db))) throw serverBackups();
    if (sub === 'list') {
      if (positionals.length) throw new UsageError(`backup list takes no arguments\nusage: ${usage}`);
      return list(io, values.db, values.json === true);
    }
    if (sub === 'create') {
      if (positionals.length) throw new UsageError(`backup create takes no arguments\nusage: ${usage}`);
      return withContext(io, values.db, async (ctx) => {
        const made = await ctx.store.backups!.create('manual');
        io.out(`Made ${made.name} in ${ctx.store.backups!.folder} (${megabytes(made.size)}, ${made.check === 'ok' ? 'checked ok' : `CHECK: ${made.check}`}).`);
        return made.check === 'ok' ? 0 : 1;
      });
    }
    if (sub === 'restore') {
      const [name] = positionals;
      if (!name || positionals.length > 1) throw new UsageError(`name the backup to restore ("referent backup list" shows them)\nusage: ${usage}`);
      const file = dbFile(io, values.db);
      // The setting of how many to keep is read if the file still opens; restoring needs no more.
      const backups = sqliteBackups(file, { appVersion: VERSION, keyFile: io.keyFile, keep: () => withContext(io, values.db, (ctx) => readBackupKeep(ctx.store.db), { readOnly: true }) });
      const { restored, safetyCopy } = await backups.restore(name);
      // Opened once as on a start: an older backup is brought up to this version's schema.
      await withContext(io, values.db, async () => {});
      io.out(`Restored ${file} from ${restored.name} (${local(restored.createdAt)}).`);
      if (safetyCopy) io.out(`The file as it was before is kept as ${safetyCopy.name}.`);
      return 0;
    }
    throw new UsageError(`${sub ? `unknown subcommand "${sub}"` : 'name a subcommand'}\nusage: ${usage}`);
  },
};
