// Version 15: a word's inflections are found through the word list, not through a column of stems.
// The index held, per item, the Danish stem of each of its words (item_search.stems), which an
// import computed word by word in JavaScript: 4-6 s of CPU per 26,000 items, the largest cost of
// indexing. Now search_words keeps each word's stem (where it differs from the word), and a query
// for a word also asks for the words of its stem (sqlite/fts5-search-index.ts): the same matches.
// The index is made again without the column: every item is noted for the next refresh, which
// fills it from the items' rows under the keys they have (item_titles keeps its rows meanwhile).
import { stemOf } from '../../search/analysis';
import type { Migration } from './types';

export const searchWordStems: Migration = {
  version: 15,
  name: '0150-search-word-stems',
  up: (db) => {
    const words = db.prepare('SELECT word FROM search_words').pluck().all() as string[];
    db.exec(`
      DROP TABLE search_words;
      CREATE TABLE search_words (
        word TEXT PRIMARY KEY,
        stem TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX search_words_stem ON search_words(stem) WHERE stem IS NOT NULL;
    `);
    const insert = db.prepare('INSERT INTO search_words (word, stem) VALUES (?, ?)');
    for (const w of words) {
      const s = stemOf(w);
      insert.run(w, s === w ? null : s);
    }
    db.exec(`
      DROP TABLE item_search;
      CREATE VIRTUAL TABLE item_search USING fts5(
        title, case_number, body, facets,
        tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1
      );
      INSERT OR IGNORE INTO search_pending SELECT id FROM items;
    `);
  },
  // The server's stems are a vector of its own, made by PostgreSQL's Danish stemmer (postgres/pg-search-index.ts).
  postgres: async () => {},
};
