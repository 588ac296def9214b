// referent migrate --from FILE --to postgres://…: moves a laptop's archive into an empty server
// database (core/store/move-to-server.ts), then proves the move: export-json of both sides must be
// identical, and verify must pass on the server. The last line says both held.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { writeExport } from '../../core/exchange/export-stream';
import { verifyFiles, withFilesReport } from '../../core/files/verify-files';
import { verifyStore } from '../../core/meetingday/verify';
import type { Db } from '../../core/store/database';
import { moveToServer } from '../../core/store/move-to-server';
import type { SqliteStore } from '../../core/store/sqlite/open';
import { isPostgresUrl } from '../../core/store/target';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';

const usage = 'referent migrate --from FILE.sqlite --to postgres://USER@HOST/DATABASE';

/** The whole export-json of a store, as its SHA-256 and length: compared without holding either in memory. */
async function exportDigest(db: Db): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await writeExport(db, {}, (piece) => {
    hash.update(piece);
    bytes += Buffer.byteLength(piece);
  });
  return { sha256: hash.digest('hex'), bytes };
}

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { from: { type: 'string' }, to: { type: 'string' } }, usage);
    if (positionals.length > 0 || !values.from || !values.to) throw new UsageError(`name the file to move and the server database to move it into\nusage: ${usage}`);
    if (isPostgresUrl(values.from)) throw new UsageError(`--from is a Referent database file (the laptop's archive)\nusage: ${usage}`);
    if (!isPostgresUrl(values.to)) throw new UsageError(`--to is a PostgreSQL database: postgres://…\nusage: ${usage}`);
    const from = path.resolve(io.cwd, values.from);
    return withContext(io, from, (source) =>
      withContext(io, values.to, async (target) => {
        if (source.store.dialect !== 'sqlite') throw new AppError('Invalid', `${from} is not a Referent database file.`, `${from} er ikke en Referent-databasefil.`);
        const moved = await moveToServer(source.store as SqliteStore, target.store);
        const r = moved.rows;
        io.out(`Moved ${r.committees} committee(s), ${r.meetings} meeting(s), ${r.items} item(s), ${r.change_log} change-log entries and ${moved.files} attachment file(s) from ${from} to ${target.store.file}.`);
        const [a, b] = [await exportDigest(source.store.db), await exportDigest(target.store.db)];
        const keyFiles = target.store.keyFile ? [target.store.keyFile] : [];
        const check = withFilesReport(await verifyStore(target.store.db, { keyFiles }), await verifyFiles(target.store.db, target.store.files));
        const faults = [...(check.fault ? [check.fault] : []), ...(check.files?.faults ?? [])];
        if (a.sha256 !== b.sha256) io.err(`referent migrate: FAULT: export-json differs between the file (${a.bytes} bytes, SHA-256 ${a.sha256}) and the server (${b.bytes} bytes, SHA-256 ${b.sha256}).`);
        for (const f of faults) io.err(`referent migrate: FAULT: verify on the server: ${f}`);
        if (a.sha256 !== b.sha256 || faults.length > 0) return EXIT.failure;
        io.out(`OK: export-json of the file and of the server are identical (${a.bytes} bytes, SHA-256 ${a.sha256}), and verify passes on the server (${check.entries} change-log entries, ${check.lockedMeetings} approved meeting(s), ${check.files?.checked ?? 0} attachment file(s)).`);
        return EXIT.ok;
      }),
      { readOnly: true },
    );
  },
};
