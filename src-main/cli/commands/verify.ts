// referent verify [--json]: recomputes the change log's chain and every approved meeting's
// content hash and every stored attachment file, after SQLite's integrity check of the file; exit 0
// when all holds, 1 naming the faults.
import { call } from '../../core/dispatch';
import { checkIntegrityNow } from '../../core/store/integrity';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';

const usage = 'referent verify [--json] [--db FILE]';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new UsageError(`verify takes no arguments\nusage: ${usage}`);
    return withContext(io, values.db, async (ctx) => {
      // The file itself first: SQLite's integrity_check reads every page.
      const integrity = checkIntegrityNow(ctx.store);
      if (integrity !== 'ok') {
        if (values.json) io.out(JSON.stringify({ ok: false, integrity }, null, 2));
        io.err(`referent verify: FAULT: the database file ${ctx.store.file} is damaged (${integrity}); restore a backup ("referent backup list", "referent backup restore FILE").`);
        return EXIT.failure;
      }
      const r = await call(ctx, 'meetingday.verify', {});
      if (values.json) io.out(JSON.stringify({ ...r, integrity }, null, 2));
      // Every damaged file is named, not only the first: each is one to restore.
      const faults = [...new Set([...(r.fault ? [r.fault] : []), ...(r.files?.faults ?? [])])];
      if (faults.length > 0) {
        for (const f of faults) io.err(`referent verify: FAULT: ${f}`);
        return EXIT.failure;
      }
      if (!values.json) io.out(`OK: the change log's ${r.entries} entries link up, and ${r.lockedMeetings} approved meeting(s) match their lock. ${r.files?.checked ?? 0} attachment file(s) match their hash.`);
      if (!values.json && r.files?.hashOnly) io.out(`Note: ${r.files.hashOnly} attachment(s) were imported as hashes only, without their files.`);
      if (!values.json) io.out(`OK: the database file passes SQLite's integrity check.`);
      return EXIT.ok;
    }, { readOnly: true });
  },
};
