// Damage done to a stored attachment file, on either dialect: the file in the folder beside a
// SQLite file, or its row in the server's file_blobs. For the tests of what readers and verify do then.
import fs from 'node:fs';
import { sql } from 'kysely';
import { filePath } from '../../src-main/core/files/file-store';
import type { Store } from '../../src-main/core/store/open';

/** Makes it 100 bytes long (cut, or filled with zeros as fs.truncate does), as an interrupted write or a damaged disk would. */
export async function truncateBlob(store: Store, sha256: string): Promise<void> {
  if (store.dialect === 'sqlite') fs.truncateSync(filePath(store.filesDir, sha256), 100);
  else await sql`UPDATE file_blobs SET bytes = substring(bytes || decode(repeat('00', 100), 'hex') FROM 1 FOR 100) WHERE sha256 = ${sha256}`.execute(store.db);
}

export async function removeBlob(store: Store, sha256: string): Promise<void> {
  if (store.dialect === 'sqlite') fs.rmSync(filePath(store.filesDir, sha256));
  else await sql`DELETE FROM file_blobs WHERE sha256 = ${sha256}`.execute(store.db);
}

/** The bytes stored under the hash, unchecked, or null. */
export const storedBlob = (store: Store, sha256: string): Promise<Buffer | null> => store.files.get(store.db, sha256);
