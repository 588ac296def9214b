// The .referent.zip bundle: referent.json plus files/<sha256> for every attachment it names.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ReferentDocument } from '../../../src-shared/exchange';
import { AppError } from '../errors';
import { readStoredFile } from '../files/file-store';
import { attachmentHashes } from './export';

export function writeBundle(doc: ReferentDocument, filesDir: string): Uint8Array {
  const entries: Zippable = { 'referent.json': strToU8(JSON.stringify(doc, null, 2)) };
  for (const sha of attachmentHashes(doc)) {
    const bytes = readStoredFile(filesDir, sha);
    // A hash whose file never arrived (plain JSON import) travels as a hash only.
    if (bytes) entries[`files/${sha}`] = [bytes, { level: 0 }];
  }
  return zipSync(entries, { level: 6 });
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
