// Version 6: the words the search index holds, each once, so that a prefix typed in the search
// box is expanded to a few whole words (fts5-search-index.ts) instead of FTS5's own prefix query,
// which reads and merges the postings of every matching word: 1.9 s for `kommu*` at 250,000 items.
import type { Migration } from './types';

export const searchWords: Migration = {
  version: 6,
  name: '0060-search-words',
  up: (db) => {
    db.exec(`
      CREATE TABLE search_words (
        word TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;
      CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, item_search, 'row');
      INSERT INTO search_words SELECT term FROM temp.search_vocabulary WHERE length(term) >= 3 AND instr(term, char(448)) = 0;
      DROP TABLE temp.search_vocabulary;
    `);
  },
};
