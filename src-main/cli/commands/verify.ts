// referent verify [--json] [--anchor HASH:LENGTH|FILE]... [--key FILE]...: SQLite's integrity
// check of the file, then the change log (links, MACs, anchors), every approved meeting's seal and
// every stored attachment file; exit 0 when all holds, 1 naming the faults. docs/security.md says
// what this proves and what it cannot.
import path from 'node:path';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';
import { parseAnchor } from '../../core/seal/anchor';
import { readAnchorArgument } from '../anchor-argument';
import { verifyStore } from '../../core/meetingday/verify';
import { verifyFiles, withFilesReport } from '../../core/files/verify-files';

const usage = 'referent verify [--json] [--anchor HASH:LENGTH|FILE]... [--key FILE]... [--db FILE]';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, anchor: { type: 'string', multiple: true }, key: { type: 'string', multiple: true } }, usage);
    if (positionals.length > 0) throw new UsageError(`verify takes no arguments\nusage: ${usage}`);
    const anchors = (values.anchor ?? []).map((a) => readAnchorArgument(parseAnchor(a) ? a : path.resolve(io.cwd, a)));
    return withContext(io, values.db, async (ctx) => {
      // The file itself first: SQLite's integrity_check reads every page (a server checks its own pages: null).
      const integrity = ctx.store.features.checkIntegrity?.() ?? null;
      if (integrity !== null && integrity !== 'ok') {
        if (values.json) io.out(JSON.stringify({ ok: false, integrity }, null, 2));
        io.err(`referent verify: FAULT: the database file ${ctx.store.file} is damaged (${integrity}); restore a backup ("referent backup list", "referent backup restore FILE").`);
        return EXIT.failure;
      }
      const keyFiles = [...(ctx.store.keyFile ? [ctx.store.keyFile] : []), ...(values.key ?? []).map((k) => path.resolve(io.cwd, k))];
      const r = withFilesReport(await verifyStore(ctx.store.db, { keyFiles, anchors, backups: ctx.store.backups?.anchors() ?? [] }), await verifyFiles(ctx.store.db, ctx.store.filesDir));
      if (values.json) io.out(JSON.stringify({ ...r, integrity }, null, 2));
      // Every damaged file is named, not only the first: each is one to restore.
      const faults = [...new Set([...(r.fault ? [r.fault] : []), ...(r.files?.faults ?? [])])];
      if (faults.length > 0) {
        for (const f of faults) io.err(`referent verify: FAULT: ${f}`);
        return EXIT.failure;
      }
      if (!values.json) {
        io.out(`OK: the change log's ${r.entries} entries link up, and ${r.lockedMeetings} approved meeting(s) match their lock. ${r.files?.checked ?? 0} attachment file(s) match their hash.`);
        if (r.files?.hashOnly) io.out(`Note: ${r.files.hashOnly} attachment(s) were imported as hashes only, without their files.`);
        if (integrity !== null) io.out(`OK: the database file passes SQLite's integrity check.`);
        for (const note of r.notes) io.out(note);
        if (r.anchor) io.out(`Anchor now: ${r.anchor} (keep it outside the database; "referent verify --anchor ${r.anchor}" proves later that the log still holds it).`);
      }
      return EXIT.ok;
    }, { readOnly: true });
  },
};
