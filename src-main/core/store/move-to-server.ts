// `referent migrate`: moves a laptop's archive (a SQLite file) into an empty PostgreSQL database,
// row for row. The change log keeps its seq, times, hashes and MACs, so `verify` passes on the
// server without re-hashing; attachment files are copied hash-checked. One transaction on the
// server: a failure leaves it as empty as it was. docs/server-design.md §7.
import { sql, type Kysely } from 'kysely';
import { AppError } from '../errors';
import fs from 'node:fs';
import { filePath } from '../files/file-store';
import { sha256Hex } from '../util/canonical';
import type { Database, Db } from './database';
import type { Store } from './open';
import type { SqliteStore } from './sqlite/open';
import { BOOLEAN_COLUMNS } from './sqlite/booleans';

/**
 * Every table holding the archive, parents before children. Left out: what the server derives
 * again (the search index and its pending marks, the documents' page cache).
 */
export const MOVED_TABLES = [
  'settings', 'committees', 'people', 'memberships', 'meetings', 'items', 'item_route_steps', 'item_sections', 'files', 'attachments',
  'attendance', 'guests', 'item_absences', 'decisions', 'votes', 'dissents', 'approvals', 'addenda', 'change_log', 'meeting_seals', 'proposals',
] as const;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

export type MoveReport = { rows: Record<string, number>; files: number };

async function serverColumns(db: Db, table: string): Promise<Set<string>> {
  const r = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db);
  return new Set(r.rows.map((c) => c.column_name));
}

/** The server holds nothing of an archive yet (a database made by `openStore`, or by migrate run before and failed). */
async function assertEmpty(db: Kysely<Database>, target: string): Promise<void> {
  for (const table of ['committees', 'change_log'] as const) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) {
      throw new AppError('Conflict', `${target} already holds an archive (its ${table === 'committees' ? 'committees' : 'change log'} is not empty); referent migrate moves a file into an empty database only.`,
        `${target} indeholder allerede et arkiv (dets ${table === 'committees' ? 'udvalg' : 'ændringslog'} er ikke tom); referent migrate flytter kun en fil ind i en tom database.`);
    }
  }
}

/** Copies the archive of `from` (a SQLite store) into `to` (an empty PostgreSQL store). */
export async function moveToServer(from: SqliteStore, to: Store): Promise<MoveReport> {
  if (to.dialect !== 'postgres') throw new AppError('Invalid', 'referent migrate moves a file into a PostgreSQL database: give --to postgres://…', 'referent migrate flytter en fil ind i en PostgreSQL-database: angiv --to postgres://…');
  await assertEmpty(to.db, to.file);
  const rows: Record<string, number> = {};
  let files = 0;
  await to.write(async (trx) => {
    // Without the store's plugins: the change log's MACs are carried over as the file has them, not made again.
    const db = trx.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const table of MOVED_TABLES) {
      const keep = await serverColumns(trx, table);
      const fileColumns = (from.sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
      const columns = fileColumns.filter((c) => keep.has(c));
      const booleans = columns.filter((c) => (BOOLEAN_COLUMNS as readonly string[]).includes(c));
      // The settings a fresh server database writes for itself give way to the file's.
      if (table === 'settings') await db.deleteFrom('settings').execute();
      let batch: Record<string, unknown>[] = [];
      let n = 0;
      const flush = async (): Promise<void> => {
        if (batch.length > 0) await db.insertInto(table).values(batch).execute();
        n += batch.length;
        batch = [];
      };
      // In the order the rows were written (committees keep the document's order by it: insertion-order.ts).
      const order = table === 'change_log' ? 'seq' : 'rowid';
      for (const raw of from.sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${order}`).iterate() as IterableIterator<Record<string, unknown>>) {
        for (const c of booleans) raw[c] = raw[c] === 1;
        batch.push(raw);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      rows[table] = n;
    }
    // The next entry the server writes follows the copied ones.
    await sql`SELECT setval(pg_get_serial_sequence('change_log', 'seq'), COALESCE((SELECT max(seq) FROM change_log), 0) + 1, false)`.execute(trx);
    // The attachment files, each read hash-checked from the file's folder into the server's store
    // (its database), in this transaction: a missing or altered one fails the move.
    for (const f of from.sqlite.prepare('SELECT sha256 FROM files ORDER BY sha256').all() as { sha256: string }[]) {
      await to.files.put(trx, f.sha256, readStoredFile(from.filesDir, f.sha256));
      files++;
    }
  });
  return { rows, files };
}

function readStoredFile(filesDir: string, sha256: string): Buffer {
  const file = filePath(filesDir, sha256);
  const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
  if (bytes && sha256Hex(bytes) === sha256) return bytes;
  throw new AppError('Corrupt', `The attachment file ${file} is ${bytes ? 'altered (its content no longer matches its hash)' : 'missing'}; nothing was moved. "referent verify" on the file names the attachment it belongs to.`,
    `Bilagsfilen ${file} ${bytes ? 'er ændret (indholdet passer ikke længere til dens hash)' : 'mangler'}; intet er flyttet. »referent verify« på filen nævner det bilag, den hører til.`);
}
