// Attachment files, stored once by content hash, behind one interface (FileStore): on the laptop in
// the data folder (<data>/files/<xx>/<sha256>), on a server in the database (file_blobs, written in
// the transaction of the rows naming them; store/postgres/pg-file-store.ts). The name is a promise
// about the content, so nothing here trusts it: a blob that is about to be kept because "it is
// already there" is checked first, and every read checks what it read.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/database';
import { nowIso, sha256Hex } from '../util/canonical';
import { writeFileAtomic } from '../util/write-file';
import { blobDamaged, type AttachmentLabel } from './file-errors';
import { hashFile } from './hash-file';

export type BlobState = 'ok' | 'missing' | 'altered';

/** Where a store keeps attachment bytes. Every method takes the caller's Db: a database keeps them in its transaction. */
export interface FileStore {
  /** For messages: the folder, or "the database". */
  readonly where: string;
  /** put() writes in the caller's transaction (a rollback takes the bytes back too); false: at once, durably, outside it. */
  readonly transactional: boolean;
  /** Keeps `bytes` (whose SHA-256 is `sha256`); one already there is kept only when whole, else written again. */
  put(db: Db, sha256: string, bytes: Uint8Array): Promise<'created' | 'repaired' | 'present'>;
  /** The bytes as stored (not checked: readBlob checks), or null when there are none. */
  get(db: Db, sha256: string): Promise<Buffer | null>;
  /** Whether bytes are stored under this hash at all (whole or not). */
  has(db: Db, sha256: string): Promise<boolean>;
  /** What the stored bytes are, compared with their hash (and size, when given). */
  check(db: Db, sha256: string, expectedSize?: number): Promise<BlobState>;
  /** Every hash bytes are stored under. */
  list(db: Db): Promise<string[]>;
  /** Takes back bytes a put() outside a transaction created, when the transaction that needed them failed. */
  discard(sha256: string): Promise<void>;
}

/** The laptop's FileStore: the data folder, written atomically and durably before the rows that name them. */
export function folderFileStore(filesDir: string): FileStore {
  return {
    where: filesDir,
    transactional: false,
    put: async (_db, sha256, bytes) => storeBlob(filesDir, sha256, bytes),
    get: async (_db, sha256) => {
      try {
        return fs.readFileSync(filePath(filesDir, sha256));
      } catch {
        return null;
      }
    },
    has: async (_db, sha256) => fs.existsSync(filePath(filesDir, sha256)),
    check: async (_db, sha256, expectedSize) => blobState(filesDir, sha256, expectedSize),
    list: async () => blobsInFolder(filesDir),
    discard: async (sha256) => fs.rmSync(filePath(filesDir, sha256), { force: true }),
  };
}

const SHA = /^[0-9a-f]{64}$/;

/** Every files/<xx>/<sha256> in the folder (temp files and anything else are not blobs). */
export function blobsInFolder(filesDir: string): string[] {
  if (!fs.existsSync(filesDir)) return [];
  const out: string[] = [];
  for (const dir of fs.readdirSync(filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    const full = path.join(filesDir, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const name of fs.readdirSync(full)) if (SHA.test(name) && name.startsWith(dir)) out.push(name);
  }
  return out;
}

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

/** Stores the bytes (see FileStore.put) and records them in the files table; returns their SHA-256. */
export async function storeFile(db: Db, files: FileStore, bytes: Uint8Array): Promise<string> {
  const sha = sha256Hex(bytes);
  await files.put(db, sha, bytes);
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
export async function readBlob(db: Db, files: FileStore, sha256: string, label: AttachmentLabel): Promise<Buffer> {
  const bytes = await files.get(db, sha256);
  if (!bytes) throw blobDamaged('missing', sha256, label);
  if (sha256Hex(bytes) !== sha256) throw blobDamaged('altered', sha256, label);
  return bytes;
}

/** Stored bytes read ahead, for code that takes them one at a time without waiting (publish/site.ts). */
export type ReadAhead = (sha256: string, label: AttachmentLabel) => Buffer;

/** Reads the given blobs now (hash-checked); the function it returns gives each, or throws readBlob's sentence. */
export async function readAhead(db: Db, files: FileStore, hashes: Iterable<string>): Promise<ReadAhead> {
  const read = new Map<string, Buffer | 'missing' | 'altered'>();
  for (const sha of new Set(hashes)) {
    const bytes = await files.get(db, sha);
    read.set(sha, !bytes ? 'missing' : sha256Hex(bytes) !== sha ? 'altered' : bytes);
  }
  return (sha256, label) => {
    const got = read.get(sha256) ?? 'missing';
    if (typeof got === 'string') throw blobDamaged(got, sha256, label);
    return got;
  };
}
