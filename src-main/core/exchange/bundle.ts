// The .referent.zip bundle: referent.json plus files/<sha256> for every attachment it names.
import { strFromU8, strToU8, Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import type { ReferentDocument } from '../../../src-shared/exchange';
import type { Db } from '../store/database';
import { AppError } from '../errors';
import { unzipBounded, type ZipLimits } from '../util/unzip-bounded';
import { blobFault, type AttachmentLabel } from '../files/file-errors';
import { readBlob, type FileStore } from '../files/file-store';
import { type ExportFilter } from './export';
import { writeExport } from './export-stream';
import { selectInBatches } from '../store/batches';
import { formatShortDa } from '../../../src-shared/dates';
import { documentEvents, JsonStreamError, type DocumentEvent } from './json-stream';

/**
 * The bundle of `doc` with every attachment file it names, each checked against its hash. A bundle
 * is a backup: when a file the store holds is missing or altered it is refused whole, naming each
 * one, rather than written without it. An attachment that came by plain JSON and never had its
 * file here (see hashOnlyAttachments) travels as its hash, as it arrived.
 */
export async function writeBundle(db: Db, doc: ReferentDocument, files: FileStore): Promise<Uint8Array> {
  const entries: Zippable = { 'referent.json': strToU8(JSON.stringify(doc, null, 2)) };
  const faults: { kind: 'missing' | 'altered'; en: string; da: string }[] = [];
  const labels = attachmentLabels(doc);
  const never = await neverStored(db, [...labels.keys()]);
  for (const [sha, label] of labels) {
    if (never.has(sha) && !(await files.has(db, sha))) continue;
    try {
      entries[`files/${sha}`] = [await readBlob(db, files, sha, label), { level: 0 }];
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const kind = e.code === 'Corrupt' ? 'altered' : 'missing';
      faults.push({ kind, ...blobFault(kind, sha, label) });
    }
  }
  if (faults.length > 0) throw incompleteBundle(faults);
  return zipSync(entries, { level: 6 });
}

/**
 * The same bundle written piece by piece to `write`: referent.json compressed as the store is read
 * a batch of meetings at a time, then the files. Memory holds one batch and one file, at any size
 * (a 250,000-item archive's JSON is longer than a JavaScript string may be). Every file is checked
 * against its hash as it is read; a missing or altered one fails the whole bundle, naming each (the
 * caller writes through a temporary name, so nothing is left). Returns the attachments that travel
 * as hashes only, "Title (committee, date)".
 */
export async function writeBundleStream(db: Db, filter: ExportFilter, files: FileStore, write: (chunk: Uint8Array) => void): Promise<string[]> {
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed ??= err;
    else write(chunk);
  });
  const check = (): void => {
    if (failed) throw failed;
  };
  const json = new ZipDeflate('referent.json', { level: 6 });
  zip.add(json);
  const labels = new Map<string, AttachmentLabel>();
  await writeExport(
    db,
    filter,
    (piece) => {
      json.push(strToU8(piece));
      check();
    },
    (m, committee) => {
      for (const i of m.items) for (const a of i.attachments ?? []) if (a.sha256 && !labels.has(a.sha256)) labels.set(a.sha256, { title: a.title, item: i.title, committee, start: m.start });
    },
  );
  json.push(new Uint8Array(0), true);
  const never = await neverStored(db, [...labels.keys()]);
  const faults: { kind: 'missing' | 'altered'; en: string; da: string }[] = [];
  const hashOnly: string[] = [];
  for (const [sha, label] of labels) {
    // A hash whose file never arrived (plain JSON import) travels as a hash only.
    if (never.has(sha) && !(await files.has(db, sha))) {
      hashOnly.push(`"${label.title}" (${label.committee}, ${formatShortDa(label.start)})`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readBlob(db, files, sha, label);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const kind = e.code === 'Corrupt' ? 'altered' : 'missing';
      faults.push({ kind, ...blobFault(kind, sha, label) });
      continue;
    }
    if (faults.length > 0) continue;
    const file = new ZipPassThrough(`files/${sha}`);
    zip.add(file);
    file.push(bytes, true);
    check();
  }
  if (faults.length > 0) throw incompleteBundle(faults);
  zip.end();
  check();
  return hashOnly;
}

/** Every attachment file the document names, with the first attachment that names it. */
function attachmentLabels(doc: ReferentDocument): Map<string, AttachmentLabel> {
  const out = new Map<string, AttachmentLabel>();
  for (const c of doc.committees)
    for (const m of c.meetings)
      for (const i of m.items)
        for (const a of i.attachments ?? []) if (a.sha256 && !out.has(a.sha256)) out.set(a.sha256, { title: a.title, item: i.title, committee: c.name, start: m.start });
  return out;
}

/** The hashes, of those given, that the files table has never recorded (imported as plain JSON). */
async function neverStored(db: Db, hashes: string[]): Promise<Set<string>> {
  const out = new Set(hashes);
  const rows = await selectInBatches(hashes, (batch) => db.selectFrom('files').select('sha256').where('sha256', 'in', batch).execute());
  for (const r of rows) out.delete(r.sha256);
  return out;
}

/** The attachments of `doc` that travel as hashes only, "Title (committee, date)", for a note beside the bundle. */
export async function hashOnlyAttachments(db: Db, doc: ReferentDocument, files: FileStore): Promise<string[]> {
  const labels = attachmentLabels(doc);
  const never = await neverStored(db, [...labels.keys()]);
  const out: string[] = [];
  for (const [sha, l] of labels) if (never.has(sha) && !(await files.has(db, sha))) out.push(`"${l.title}" (${l.committee}, ${formatShortDa(l.start)})`);
  return out;
}

const SHOWN = 10;

function incompleteBundle(faults: { kind: 'missing' | 'altered'; en: string; da: string }[]): AppError {
  const more = faults.length > SHOWN ? faults.length - SHOWN : 0;
  const list = (texts: string[], tail: string): string => texts.slice(0, SHOWN).join(' ') + (more ? ` ${tail}` : '');
  return new AppError(
    faults.some((f) => f.kind === 'altered') ? 'Corrupt' : 'NotFound',
    `The bundle was not written: it would lack ${faults.length} attachment file(s). ${list(faults.map((f) => f.en), `(And ${more} more; referent verify lists them all.)`)} Restore them from a backup, or export plain JSON (hashes only).`,
    `Pakken blev ikke skrevet: den ville mangle ${faults.length} bilagsfil(er). ${list(faults.map((f) => f.da), `(Og ${more} mere; referent verify nævner dem alle.)`)} Gendan dem fra en sikkerhedskopi, eller eksportér almindelig JSON (kun hashværdier).`,
  );
}

/** An attachment is at most ~45 MB (the Api's base64 limit); the JSON of a whole archive may be large but compresses ~10x. */
export const BUNDLE_LIMITS: ZipLimits = { maxEntries: 200_000, maxEntryBytes: 1024 * 1024 * 1024, maxTotalBytes: 2047 * 1024 * 1024, maxRatio: 200 };

/** What a file that is no .referent.zip is not, given the zip reader's reason. */
const unreadableBundle = (reason: string): { en: string; da: string } => ({ en: `not a readable .referent.zip (${reason})`, da: `er ikke en læsbar .referent.zip (${reason})` });

const noReferentJson = (name: string): AppError => new AppError('Invalid', `${name}: the bundle has no referent.json`, `${name}: pakken indeholder ingen referent.json.`);

/** A bundle's attachment files by their SHA-256, from its inflated entries. */
function bundleFiles(entries: Record<string, Uint8Array>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) {
    const m = /^files\/([0-9a-f]{64})$/.exec(path);
    if (m) files.set(m[1]!, data);
  }
  return files;
}

export function readBundle(bytes: Uint8Array, name: string): { document: unknown; files: Map<string, Uint8Array> } {
  const entries = unzipBounded(bytes, name, BUNDLE_LIMITS, unreadableBundle);
  const json = entries['referent.json'];
  if (!json) throw noReferentJson(name);
  let document: unknown;
  try {
    document = JSON.parse(strFromU8(json));
  } catch (e) {
    throw new AppError('Invalid', `${name}: referent.json is not valid JSON (${(e as Error).message})`, `${name}: referent.json er ikke gyldig JSON (${(e as Error).message}).`);
  }
  return { document, files: bundleFiles(entries) };
}

/** How much of the compressed bundle is inflated at a time while its referent.json is read. */
const STREAM_SLICE = 1 << 16;

/**
 * The bundle with its referent.json read as a stream, a meeting at a time (for importDocumentStream):
 * an archive of any size imports, where readBundle's one string stops at V8's longest (a 250,000-item
 * archive's JSON is 550 MB). Every entry is checked against the same limits first; the attachment
 * files come whole, as from readBundle. A JSON fault names its byte.
 */
export function readBundleStream(bytes: Uint8Array, name: string): { events: AsyncIterable<DocumentEvent>; files: Map<string, Uint8Array> } {
  let declared = -1;
  const entries = unzipBounded(bytes, name, BUNDLE_LIMITS, unreadableBundle, (entry, size) => {
    if (entry !== 'referent.json') return false;
    declared = size;
    return true;
  });
  if (declared < 0) throw noReferentJson(name);
  return { events: jsonEvents(bytes, name, declared), files: bundleFiles(entries) };
}

/**
 * referent.json's inflated bytes, a slice of the bundle at a time; the entries after it are not
 * read. `declared`: its size as the bundle's directory gives it (checked against the limits); it
 * may not inflate past it.
 */
function* referentJsonChunks(bytes: Uint8Array, name: string, declared = Infinity): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let inflated = 0;
  let failed: Error | null = null;
  let found = false;
  let done = false;
  const unzip = new Unzip((file) => {
    if (file.name !== 'referent.json' || found) return;
    found = true;
    file.ondata = (err, chunk, final) => {
      if (err) failed ??= err;
      else ready.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const unreadable = (e: Error): AppError => {
    const { en, da } = unreadableBundle(e.message);
    return new AppError('Invalid', `${name}: ${en}`, `${name}: ${da}.`);
  };
  for (let at = 0; at < bytes.length && !done; at += STREAM_SLICE) {
    try {
      unzip.push(bytes.subarray(at, at + STREAM_SLICE), at + STREAM_SLICE >= bytes.length);
    } catch (e) {
      failed ??= e as Error;
    }
    if (failed) throw unreadable(failed);
    while (ready.length > 0) {
      const chunk = ready.shift()!;
      inflated += chunk.length;
      if (inflated > declared)
        throw new AppError('Invalid', `${name}: "referent.json" unpacks to more than the ${declared} bytes it declares (a zip bomb?)`, `${name}: "referent.json" fylder mere end de ${declared} byte, den angiver, udpakket (en zip-bombe?).`);
      yield chunk;
    }
  }
  if (!done) throw unreadable(new Error('referent.json ends before its last byte'));
}

/**
 * The first `limit` bytes (or more) of a bundle's referent.json, inflated no further, and whether
 * that is all of it: enough to find an export's anchor, which its writers put at the start.
 */
export function bundleJsonHead(bytes: Uint8Array, name: string, limit: number): { head: Buffer; whole: boolean } {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const chunks = referentJsonChunks(bytes, name);
  for (const chunk of chunks) {
    pieces.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      chunks.return(undefined);
      return { head: Buffer.concat(pieces), whole: false };
    }
  }
  return { head: Buffer.concat(pieces), whole: true };
}

async function* jsonEvents(bytes: Uint8Array, name: string, declared: number): AsyncGenerator<DocumentEvent> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* referentJsonChunks(bytes, name, declared);
  }
  try {
    yield* documentEvents(chunks());
  } catch (e) {
    if (!(e instanceof JsonStreamError)) throw e;
    throw new AppError('Invalid', `${name}: referent.json is not valid JSON (${e.message} at byte ${e.offset})`, `${name}: referent.json er ikke gyldig JSON (${e.message} ved byte ${e.offset}).`);
  }
}
