// The server's FileStore: attachment bytes in the database (file_blobs, migration 0140), written in
// the caller's transaction, so an attachment's row and its bytes land together or not at all, and
// pg_dump holds everything the protocol refers to. Hashes of stored bytes are taken by the server
// (sha256(bytea)), so checking a blob does not carry it over the connection. docs/server-design.md §6.
import { sql } from 'kysely';
import type { Db } from '../database';
import type { BlobState, FileStore } from '../../files/file-store';

type Stored = { size: number; hash: string };

async function stored(db: Db, sha256: string): Promise<Stored | null> {
  const r = await sql<{ size: number; hash: string }>`SELECT octet_length(bytes) AS size, encode(sha256(bytes), 'hex') AS hash FROM file_blobs WHERE sha256 = ${sha256}`.execute(db);
  return r.rows[0] ?? null;
}

const stateOf = (s: Stored | null, sha256: string, expectedSize?: number): BlobState =>
  !s ? 'missing' : (expectedSize !== undefined && Number(s.size) !== expectedSize) || s.hash !== sha256 ? 'altered' : 'ok';

export const pgFileStore: FileStore = {
  where: 'the database (file_blobs)',
  transactional: true,
  async put(db, sha256, bytes) {
    const state = stateOf(await stored(db, sha256), sha256, bytes.byteLength);
    if (state === 'ok') return 'present';
    await sql`INSERT INTO file_blobs (sha256, bytes) VALUES (${sha256}, ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)})
      ON CONFLICT (sha256) DO UPDATE SET bytes = EXCLUDED.bytes`.execute(db);
    return state === 'missing' ? 'created' : 'repaired';
  },
  async get(db, sha256) {
    const r = await sql<{ bytes: Buffer }>`SELECT bytes FROM file_blobs WHERE sha256 = ${sha256}`.execute(db);
    return r.rows[0]?.bytes ?? null;
  },
  async has(db, sha256) {
    const r = await sql<{ one: number }>`SELECT 1 AS one FROM file_blobs WHERE sha256 = ${sha256}`.execute(db);
    return r.rows.length > 0;
  },
  check: async (db, sha256, expectedSize) => stateOf(await stored(db, sha256), sha256, expectedSize),
  async list(db) {
    const r = await sql<{ sha256: string }>`SELECT sha256 FROM file_blobs ORDER BY sha256`.execute(db);
    return r.rows.map((x) => x.sha256);
  },
  // Nothing to take back: the bytes went in the transaction that failed.
  discard: async () => {},
};
