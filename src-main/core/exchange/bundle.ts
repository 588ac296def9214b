// The .referent.zip bundle: referent.json plus files/<sha256> for every attachment it names.
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import type { ReferentDocument } from '../../../src-shared/exchange';
import type { Db } from '../store/database';
import { AppError } from '../errors';
import { readStoredFile } from '../files/file-store';
import { attachmentHashes, type ExportFilter } from './export';
import { writeExport } from './export-stream';

export function writeBundle(doc: ReferentDocument, filesDir: string): Uint8Array {
  const entries: Zippable = { 'referent.json': strToU8(JSON.stringify(doc, null, 2)) };
  for (const sha of attachmentHashes(doc)) {
    const bytes = readStoredFile(filesDir, sha);
    // A hash whose file never arrived (plain JSON import) travels as a hash only.
    if (bytes) entries[`files/${sha}`] = [bytes, { level: 0 }];
  }
  return zipSync(entries, { level: 6 });
}

/**
 * The same bundle written piece by piece to `write`: referent.json compressed as the store is read
 * a batch of meetings at a time, then the files. Memory holds one batch and one file, at any size
 * (a 250,000-item archive's JSON is longer than a JavaScript string may be).
 */
export async function writeBundleStream(db: Db, filter: ExportFilter, filesDir: string, write: (chunk: Uint8Array) => void): Promise<void> {
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
  const hashes = new Set<string>();
  await writeExport(
    db,
    filter,
    (piece) => {
      json.push(strToU8(piece));
      check();
    },
    (m) => {
      for (const i of m.items) for (const a of i.attachments ?? []) if (a.sha256) hashes.add(a.sha256);
    },
  );
  json.push(new Uint8Array(0), true);
  for (const sha of hashes) {
    const bytes = readStoredFile(filesDir, sha);
    // A hash whose file never arrived (plain JSON import) travels as a hash only.
    if (!bytes) continue;
    const file = new ZipPassThrough(`files/${sha}`);
    zip.add(file);
    file.push(bytes, true);
    check();
  }
  zip.end();
  check();
}

export function readBundle(bytes: Uint8Array, name: string): { document: unknown; files: Map<string, Uint8Array> } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new AppError('Invalid', `${name}: not a readable .referent.zip (${(e as Error).message})`, `${name}: er ikke en læsbar .referent.zip (${(e as Error).message}).`);
  }
  const json = entries['referent.json'];
  if (!json) throw new AppError('Invalid', `${name}: the bundle has no referent.json`, `${name}: pakken indeholder ingen referent.json.`);
  let document: unknown;
  try {
    document = JSON.parse(strFromU8(json));
  } catch (e) {
    throw new AppError('Invalid', `${name}: referent.json is not valid JSON (${(e as Error).message})`, `${name}: referent.json er ikke gyldig JSON (${(e as Error).message}).`);
  }
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) {
    const m = /^files\/([0-9a-f]{64})$/.exec(path);
    if (m) files.set(m[1]!, data);
  }
  return { document, files };
}
