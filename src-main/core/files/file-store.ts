// Attachment files, stored once by content hash under the data folder (<data>/files/<sha256>).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database';
import { nowIso, sha256Hex } from '../util/canonical';

export function filePath(filesDir: string, sha256: string): string {
  return path.join(filesDir, sha256.slice(0, 2), sha256);
}

/** Writes the bytes (atomically: temp file, then rename) unless they are already there. */
export async function storeFile(db: Db, filesDir: string, bytes: Uint8Array): Promise<string> {
  const sha = sha256Hex(bytes);
  const target = filePath(filesDir, sha);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  }
  await db
    .insertInto('files')
    .values({ sha256: sha, size: bytes.byteLength, added_at: nowIso() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha;
}

export function readStoredFile(filesDir: string, sha256: string): Buffer | null {
  const p = filePath(filesDir, sha256);
  return fs.existsSync(p) ? fs.readFileSync(p) : null;
}
