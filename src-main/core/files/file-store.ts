// Attachment files, stored once by content hash under the data folder (<data>/files/<sha256>).
// The name is a promise about the content, so nothing here trusts it: a blob that is about to be
// kept because "it is already there" is checked first, and every read checks what it read.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database';
import { nowIso, sha256Hex } from '../util/canonical';
import { writeFileAtomic } from '../util/write-file';
import { blobDamaged, type AttachmentLabel } from './file-errors';
import { hashFile } from './hash-file';

export function filePath(filesDir: string, sha256: string): string {
  return path.join(filesDir, sha256.slice(0, 2), sha256);
}

/** What a stored blob is, compared with the hash it is stored under (size first: cheap). */
export function blobState(filesDir: string, sha256: string, expectedSize?: number): 'ok' | 'missing' | 'altered' {
  const p = filePath(filesDir, sha256);
  let size: number;
  try {
    const stat = fs.statSync(p);
    if (!stat.isFile()) return 'altered';
    size = stat.size;
  } catch {
    return 'missing';
  }
  if (expectedSize !== undefined && size !== expectedSize) return 'altered';
  return hashFile(p) === sha256 ? 'ok' : 'altered';
}

/**
 * Puts `bytes` (whose SHA-256 is `sha256`) in the store, durably. A file already under that name is
 * kept only when its size and hash are right; a truncated or altered one (an interrupted write, a
 * damaged disk) is written again from these bytes. Says what it did, so an import that fails can
 * remove only what it created.
 */
export function storeBlob(filesDir: string, sha256: string, bytes: Uint8Array): 'created' | 'repaired' | 'present' {
  const state = blobState(filesDir, sha256, bytes.byteLength);
  if (state === 'ok') return 'present';
  const target = filePath(filesDir, sha256);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (state === 'altered') fs.rmSync(target, { recursive: true, force: true });
  writeFileAtomic(target, bytes);
  return state === 'missing' ? 'created' : 'repaired';
}

/** Stores the bytes (see storeBlob) and records them in the files table; returns their SHA-256. */
export async function storeFile(db: Db, filesDir: string, bytes: Uint8Array): Promise<string> {
  const sha = sha256Hex(bytes);
  storeBlob(filesDir, sha, bytes);
  await db
    .insertInto('files')
    .values({ sha256: sha, size: bytes.byteLength, added_at: nowIso() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha;
}

/**
 * The one way stored bytes leave the store (download, open, bundle, publication): read, hashed,
 * and refused with a sentence naming the attachment and its meeting when missing or altered.
 */
export function readBlob(filesDir: string, sha256: string, label: AttachmentLabel): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath(filesDir, sha256));
  } catch {
    throw blobDamaged('missing', sha256, label);
  }
  if (sha256Hex(bytes) !== sha256) throw blobDamaged('altered', sha256, label);
  return bytes;
}
