// Opening the database at archive size: openSqliteStore (what every start and every CLI command pays)
// against a plain better-sqlite3 open of the same file in the same run, and the quick_check that
// opening used to run, for scale. The file is built once from the archive generator by bulk
// inserts (import speed is measured elsewhere) and cached beside the generated archives.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { benchDir, archiveName, writeOnce } from './archive/files';
import { generateArchive, type ArchiveSpec } from './archive/generate';
import { medianMs, type Bench } from './lib';
import { openSqliteStore, SCHEMA_VERSION } from '../src-main/core/store/open';

const ITEMS = Number(process.env.REFERENT_BENCH_OPEN_ITEMS ?? 250_000);

/** A database file holding the archive's committees, meetings, items and sections. */
async function archiveDatabase(spec: ArchiveSpec): Promise<string> {
  const file = path.join(benchDir(), `${archiveName(spec)}-schema${SCHEMA_VERSION}.sqlite`);
  return writeOnce(file, async (tmp) => {
    await openSqliteStore(tmp).close();
    const db = new BetterSqlite3(tmp);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    // The search triggers look rows up one by one; the index is rebuilt once at the end instead.
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('items', 'item_sections')").pluck().all() as string[];
    for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('items', 'item_sections')").pluck().all() as string[]) db.exec(`DROP TRIGGER "${name}"`);
    const now = '2026-06-15T00:00:00.000Z';
    const committee = db.prepare('INSERT INTO committees (id, name, short_name, numbering, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const meeting = db.prepare('INSERT INTO meetings (id, committee_id, start, location, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const item = db.prepare('INSERT INTO items (id, meeting_id, position, number, title, case_number, access) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const section = db.prepare('INSERT INTO item_sections (id, item_id, position, kind, heading, body) VALUES (?, ?, ?, ?, NULL, ?)');
    let n = 0;
    db.transaction(() => {
      for (const [ci, c] of generateArchive(spec).committees.entries()) {
        const cid = `c${ci}`;
        committee.run(cid, c.header.name, c.header.shortName ?? null, c.header.numbering, now, now);
        for (const m of c.meetings()) {
          meeting.run(m.id!, cid, m.start, m.location ?? null, m.status ?? 'planned', now, now);
          for (const [ii, it] of m.items.entries()) {
            const iid = `i${n++}`;
            item.run(iid, m.id!, ii, it.number ?? null, it.title, it.caseNumber ?? null, it.access ?? 'open');
            for (const [si, s] of (it.sections ?? []).entries()) section.run(`${iid}s${si}`, iid, si, s.kind, s.body);
          }
        }
      }
    })();
    for (const sql of triggers) db.exec(sql);
    // Fill the search index the way its migration does for rows that were there before it.
    const rebuild = db.prepare("SELECT name FROM sqlite_master WHERE name = 'item_search'").get();
    if (rebuild) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('item_search') as string[]).join(',');
      if (columns === 'item_id,title,case_number,body') {
        db.exec(`INSERT INTO item_search(item_id, title, case_number, body)
          SELECT i.id, i.title, coalesce(i.case_number, ''), coalesce((SELECT group_concat(body, char(10)) FROM item_sections s WHERE s.item_id = i.id), '') FROM items i`);
      } else {
        db.exec("INSERT INTO item_search(item_search) VALUES ('rebuild')");
      }
    }
    db.pragma('journal_mode = WAL');
    db.close();
  });
}

const bench: Bench = async (report) => {
  const file = await archiveDatabase({ items: ITEMS });
  const mb = fs.statSync(file).size / 1_048_576;
  const label = `${Math.round(ITEMS / 1000)}k items, ${Math.round(mb)} MB`;

  const plain = await medianMs(() => {
    const db = new BetterSqlite3(file);
    db.pragma('user_version');
    db.close();
  }, 15);
  const store = await medianMs(async () => {
    const s = openSqliteStore(file);
    s.sqlite.pragma('user_version');
    await s.close();
  }, 15);
  const readOnly = await medianMs(async () => {
    const s = openSqliteStore(file, { readOnly: true });
    s.sqlite.pragma('user_version');
    await s.close();
  }, 15);
  const check = await medianMs(() => {
    const db = new BetterSqlite3(file, { readonly: true });
    db.pragma('quick_check');
    db.close();
  }, 1, 0);

  report({ name: `open, ${label} (openSqliteStore)`, value: store, unit: 'ms', target: '≤ 100 ms at 250k', met: ITEMS < 250_000 ? undefined : store <= 100 });
  report({ name: `open read-only (verify, search, export), ${label}`, value: readOnly, unit: 'ms' });
  report({ name: 'plain better-sqlite3 open, same file', value: plain, unit: 'ms' });
  report({ name: 'open ÷ plain open', value: store / plain, unit: 'x', note: 'peek at the schema read-only, pragmas, migration check' });
  report({ name: 'quick_check of the file (ran on every open before)', value: check, unit: 'ms', note: `${(check / store).toFixed(0)}× today's open` });
};

export default bench;
