// Version 14, the server only (issue 14; docs/server-design.md §3 and §6). Nothing changes in a file.
//
// 1. The server's search rows, reshaped so that a search reads small rows through its indexes.
//    Each item's words were two positional tsvectors of 3-5 kB, which PostgreSQL keeps out of line
//    (TOAST): its planner costs a scan by the table's own pages, sees a few dozen, and so filtered
//    every row, reading every vector out of line (16,000 buffers for one absent word at 2,000
//    items, 30-70 ms). Now:
//      lex     the words as written, without positions (strip), kept in the row (STORAGE MAIN)
//      stems   the Danish stems, likewise without positions, in the row
//      titles  the title (weight A) and case number (B) with positions: "title matches first" and
//              title phrases read this small vector, not the whole text
//      words   the whole text with positions, out of line and uncompressed (EXTERNAL): read only
//              to confirm a phrase in the rows lex already found holding all of its words
//    and the order of the results (newest meeting first, then agenda order) is an index of its
//    own, with the meeting and the item's position in the row: a common word reads the first
//    thousand rows in that order and stops, instead of matching and sorting the whole archive.
//    A trigger keeps the position in step with reorders (items_search_au leaves position out:
//    moving an item does not change its text).
// 2. Attachment bytes in the database (file_blobs), in the same transaction as their rows; stored
//    uncompressed (EXTERNAL): PDFs do not compress, and compressing them is wasted work.
import { sql } from 'kysely';
import type { Migration } from './types';

export const serverSearchFiles: Migration = {
  version: 14,
  name: '0140-server-search-files',
  // The file keeps its FTS5 index and its files folder.
  up: () => {},
  postgres: async (db) => {
    await sql
      .raw(
        `
      -- Storage first, so that the rows rewritten below are stored the new way; the vector indexes
      -- made afresh after the rows (faster than updating them row by row).
      DROP INDEX search_documents_words;
      DROP INDEX search_documents_stems;
      ALTER TABLE search_documents ADD COLUMN meeting_id text, ADD COLUMN position integer, ADD COLUMN lex tsvector, ADD COLUMN titles tsvector,
        ALTER COLUMN stems SET STORAGE MAIN, ALTER COLUMN words SET STORAGE EXTERNAL;
      ALTER TABLE search_documents ALTER COLUMN lex SET STORAGE MAIN, ALTER COLUMN titles SET STORAGE MAIN,
        -- Never out of line: with vectors of 3 kB in the row, PostgreSQL would otherwise move even
        -- these short values out of line to bring the row under 2 kB, and every sort by them read
        -- the TOAST table (70,000 pages to sort 2,000 rows by meeting).
        ALTER COLUMN item_id SET STORAGE PLAIN, ALTER COLUMN start SET STORAGE PLAIN, ALTER COLUMN committee_id SET STORAGE PLAIN,
        ALTER COLUMN meeting_id SET STORAGE PLAIN, ALTER COLUMN outcome SET STORAGE PLAIN, ALTER COLUMN access SET STORAGE PLAIN,
        ALTER COLUMN case_token SET STORAGE PLAIN;
      UPDATE search_documents d
        SET meeting_id = i.meeting_id, position = i.position, lex = strip(d.words), titles = ts_filter(d.words, '{a,b}'), stems = strip(d.stems)
        FROM items i WHERE i.id = d.item_id;
      ALTER TABLE search_documents
        ALTER COLUMN meeting_id SET NOT NULL, ALTER COLUMN position SET NOT NULL,
        ALTER COLUMN lex SET NOT NULL, ALTER COLUMN titles SET NOT NULL;
      -- A GIN index first writes new entries to a pending list that every search reads through
      -- whole until it is merged: 4 MB of it by default (500 pages a search), 256 kB here.
      CREATE INDEX search_documents_lex ON search_documents USING gin (lex) WITH (gin_pending_list_limit = 256);
      CREATE INDEX search_documents_stems ON search_documents USING gin (stems) WITH (gin_pending_list_limit = 256);
      CREATE INDEX search_documents_titles ON search_documents USING gin (titles) WITH (gin_pending_list_limit = 256);
      CREATE INDEX search_documents_order ON search_documents (left(start, 16) DESC, meeting_id, position);

      CREATE FUNCTION referent_search_position() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE search_documents SET position = NEW.position WHERE item_id = NEW.id; RETURN NULL; END $$;
      CREATE TRIGGER items_search_position AFTER UPDATE OF position ON items
        FOR EACH ROW WHEN (OLD.position IS DISTINCT FROM NEW.position) EXECUTE FUNCTION referent_search_position();

      CREATE TABLE file_blobs (
        sha256 text PRIMARY KEY,
        bytes bytea NOT NULL
      );
      ALTER TABLE file_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;
    `,
      )
      .execute(db);
    // The planner needs the new columns' statistics at once.
    await sql`ANALYZE search_documents`.execute(db);
  },
};
