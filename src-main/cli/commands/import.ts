// referent import FILE.json|FILE.referent.zip
// A .json file is read as a stream, a committee at a time: an archive larger than memory imports.
import fs from 'node:fs';
import path from 'node:path';
import { readBundleStream } from '../../core/exchange/bundle';
import { importDocumentStream } from '../../core/exchange/import';
import { documentEvents, JsonStreamError } from '../../core/exchange/json-stream';
import { AppError } from '../../core/errors';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';
import { reportNotes } from '../../../src-shared/import-report';
import { isBundle } from '../../host/exchange-file';

const usage = 'referent import FILE.json|FILE.referent.zip [--adopt-organization] [--db FILE]';

export const importCommand: CliCommand = {
  name: 'import',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { 'adopt-organization': { type: 'boolean' } }, usage);
    // Keep this store's settings where the file's differ, unless told to take the file's.
    const adoptOrganization = values['adopt-organization'] === true;
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`name one file to import\nusage: ${usage}`);
    const full = path.resolve(io.cwd, file);
    if (!fs.existsSync(full)) throw new UsageError(`${file}: no such file`);
    const r = await withContext(io, values.db, (ctx) => {
      // A bundle's referent.json is read a meeting at a time too (its files come whole).
      const run = isBundle(file)
        ? (() => {
            const { events, files } = readBundleStream(fs.readFileSync(full), file);
            return importDocumentStream(ctx.store, events, { files, adoptOrganization });
          })()
        : importDocumentStream(ctx.store, documentEvents(fs.createReadStream(full, { highWaterMark: 1 << 20 })), { adoptOrganization });
      return run.catch((e: unknown) => {
        if (e instanceof JsonStreamError) throw new UsageError(`${file}: not valid JSON (${e.message} at byte ${e.offset})`);
        if (e instanceof AppError) throw e.message.startsWith(`${file}: `) ? e : new AppError(e.code, `${file}: ${e.message}`);
        throw e;
      });
    });
    io.out(
      `Imported ${file}: committees ${r.committees.added} added, ${r.committees.updated} updated; ` +
        `meetings ${r.meetings.added} added, ${r.meetings.replaced} replaced, ${r.meetings.unchanged} unchanged; ` +
        `${r.items} items; ${r.files} files${r.proposals ? `; proposals ${r.proposals.kept} kept, ${r.proposals.skipped.length} not kept` : ''}.`,
    );
    // Settings the file would have changed, and members stored under a new key: one line each.
    for (const line of reportNotes(r, 'en')) io.out(line);
    for (const f of r.renamedFiles ?? []) io.err(`Note: the attachment file "${f.from}" is not a document type Referent opens; it is kept as "${f.to}", which opens nothing.`);
    return 0;
  },
};
