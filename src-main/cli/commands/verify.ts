// referent verify [--json] [--anchor HASH:LENGTH|FILE]... [--key FILE]...: SQLite's integrity
// check of the file, then the change log (links, MACs, anchors, the backups' anchors), every
// approved meeting's seal and every stored attachment file; exit 0 when all holds, 1 naming the
// faults. With --package FILE|FOLDER it checks an archive package instead, without the database.
// docs/security.md says what this proves and what it cannot.
import path from 'node:path';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, type CliIO, EXIT, withContext } from '../types';
import { readArchivePackage } from '../../core/archive/package-files';
import { verifyPackage } from '../../core/archive/verify-package';
import { formatShortDa } from '../../../src-shared/dates';
import { parseAnchor } from '../../core/seal/anchor';
import { readAnchorArgument } from '../anchor-argument';
import { verifyStore } from '../../core/meetingday/verify';
import { verifyFiles, withFilesReport } from '../../core/files/verify-files';

const usage = 'referent verify [--json] [--anchor HASH:LENGTH|FILE]... [--key FILE]... [--db FILE]\n       referent verify --package FILE.zip|FOLDER [--key FILE]... [--json]';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, anchor: { type: 'string', multiple: true }, key: { type: 'string', multiple: true }, package: { type: 'string' } }, usage);
    if (positionals.length > 0) throw new UsageError(`verify takes no arguments\nusage: ${usage}`);
    if (values.package !== undefined) {
      if (values.anchor || values.db) throw new UsageError(`--package is checked without the database and takes --key only\nusage: ${usage}`);
      return checkPackage(values.package, (values.key ?? []).map((k) => path.resolve(io.cwd, k)), values.json === true, io);
    }
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
      const r = withFilesReport(await verifyStore(ctx.store.db, { keyFiles, anchors, backups: ctx.store.backups?.anchors() ?? [] }), await verifyFiles(ctx.store.db, ctx.store.files));
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

function checkPackage(name: string, keyFiles: string[], json: boolean, io: CliIO): number {
  const r = verifyPackage(readArchivePackage(path.resolve(io.cwd, name)), keyFiles);
  if (json) io.out(JSON.stringify({ ok: r.ok, faults: r.faults, notes: r.notes, anchor: r.manifest?.anchor ?? null, contentHash: r.manifest?.contentHash ?? null }, null, 2));
  if (!r.ok) {
    for (const f of r.faults) io.err(`referent verify: FAULT: ${f}`);
    return EXIT.failure;
  }
  if (!json) {
    const m = r.manifest!;
    io.out(`OK: the archive package ${name} holds the approved minutes of ${m.meeting.committee} on ${formatShortDa(m.meeting.start)} as they were sealed: ${m.files.length} file(s) match the manifest, the meeting matches the sealed content (SHA-256 ${m.contentHash}), and the change-log entries that sealed it hold (anchor ${m.anchor}).`);
    for (const note of r.notes) io.out(note);
  }
  return EXIT.ok;
}
