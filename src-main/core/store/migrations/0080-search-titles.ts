// Version 8: a small FTS5 table of the items' titles and case numbers only, keyed as item_search.
// "Title and case-number matches first" asked the big index for a match in those columns, and
// FTS5 walks a word's whole list of places in every column to find the few in a title: 27 ms for
// a common word at 250,000 items, 100 ms for a prefix. The titles' own lists are short. Filled
// here from the rows the index already keys, so no re-index of the archive's text is needed.
import type { Access, Outcome } from '../../../../src-shared/domain';
import { titleColumns } from '../sqlite/fts5-search-index';
import type { Migration } from './types';

type Row = { key: number; title: string; case_number: string | null; access: Access; committee_id: string; outcome: Outcome | null };

export const searchTitles: Migration = {
  version: 8,
  name: '0080-search-titles',
  up: (db) => {
    db.exec(`
      CREATE VIRTUAL TABLE item_titles USING fts5(
        title, case_number, facets,
        tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
      );
    `);
    const insert = db.prepare('INSERT INTO item_titles (rowid, title, case_number, facets) VALUES (?, ?, ?, ?)');
    // A page of rows at a time: better-sqlite3 cannot write while a read is open, and the archive
    // need not be held in memory at once.
    const page = db.prepare(
      `SELECT k.key, i.title, i.case_number, i.access, m.committee_id, d.outcome
       FROM search_keys k JOIN items i ON i.id = k.item_id JOIN meetings m ON m.id = i.meeting_id
       LEFT JOIN decisions d ON d.item_id = i.id WHERE k.key > ? ORDER BY k.key LIMIT 2000`,
    );
    for (let after = -1; ; ) {
      const rows = page.all(after) as Row[];
      if (rows.length === 0) break;
      for (const r of rows) {
        const c = titleColumns({ title: r.title, caseNumber: r.case_number, committeeId: r.committee_id, outcome: r.outcome, access: r.access });
        insert.run(r.key, c.title, c.caseNumber, c.facets);
      }
      after = rows.at(-1)!.key;
    }
  },
  // Nothing to do on the server: its index (postgres/pg-search-index.ts) keeps each item's title and
  // case number in their own weighted vector and column already, so title matches need no table of their own.
  postgres: async () => {},
};
