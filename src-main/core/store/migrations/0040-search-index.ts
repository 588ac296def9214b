// Version 4: the search index of migration 2 looked its rows up by an UNINDEXED item id (every
// trigger firing scanned the whole table: imports went quadratic) and kept a second copy of all
// text. Now: an FTS5 table without content (store/fts5-search-index.ts), keyed by search_keys, and
// triggers that only note a changed item in search_pending; the index is (re)built from there by
// the next refresh, in JavaScript, where the Danish stemmer runs.
import type { Migration } from './types';

/** Tables whose rows carry an item's searchable text, keyed by item_id. */
const ITEM_PARTS = ['item_sections', 'attachments', 'decisions', 'votes', 'dissents'];

export const searchIndex: Migration = {
  version: 4,
  name: '0040-search-index',
  up: (db) => {
    db.exec(`
      DROP TRIGGER items_search_ai;
      DROP TRIGGER items_search_au;
      DROP TRIGGER items_search_ad;
      DROP TRIGGER sections_search_ai;
      DROP TRIGGER sections_search_au;
      DROP TRIGGER sections_search_ad;
      DROP TABLE item_search;

      CREATE TABLE search_keys (
        key INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE search_pending (
        item_id TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;
      CREATE VIRTUAL TABLE item_search USING fts5(
        title, case_number, body, stems, facets,
        tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
      );

      CREATE TRIGGER items_search_ai AFTER INSERT ON items BEGIN INSERT OR IGNORE INTO search_pending VALUES (new.id); END;
      CREATE TRIGGER items_search_au AFTER UPDATE OF title, case_number, access, meeting_id ON items BEGIN INSERT OR IGNORE INTO search_pending VALUES (new.id); END;
      CREATE TRIGGER items_search_ad AFTER DELETE ON items BEGIN INSERT OR IGNORE INTO search_pending VALUES (old.id); END;
      CREATE TRIGGER meetings_search_au AFTER UPDATE OF start, committee_id ON meetings BEGIN
        INSERT OR IGNORE INTO search_pending SELECT id FROM items WHERE meeting_id = new.id;
      END;
      CREATE TRIGGER people_search_au AFTER UPDATE OF name ON people BEGIN
        INSERT OR IGNORE INTO search_pending SELECT item_id FROM votes WHERE person_id = new.id UNION SELECT item_id FROM dissents WHERE person_id = new.id;
      END;
      ${ITEM_PARTS.map(
        (t) => `
      CREATE TRIGGER ${t}_search_ai AFTER INSERT ON ${t} BEGIN INSERT OR IGNORE INTO search_pending VALUES (new.item_id); END;
      CREATE TRIGGER ${t}_search_au AFTER UPDATE ON ${t} BEGIN INSERT OR IGNORE INTO search_pending VALUES (new.item_id); END;
      CREATE TRIGGER ${t}_search_ad AFTER DELETE ON ${t} BEGIN INSERT OR IGNORE INTO search_pending VALUES (old.item_id); END;`,
      ).join('\n')}

      -- Lookups that a save or a view makes by these columns no longer scan the table.
      CREATE INDEX items_postponed_from ON items(postponed_from_meeting_id) WHERE postponed_from_meeting_id IS NOT NULL;

      INSERT INTO search_pending SELECT id FROM items;
    `);
  },
};
