// Version 16: the file's search lists a meeting's hits in agenda order after its items move. The
// FTS5 key ordered a meeting's items by when each was indexed, and moving an item changes no text,
// so nothing re-indexed it: after a reorder the hits came in the old order. Now a trigger notes
// the meeting whose positions change in search_rekey, and the next refresh lays out that meeting's
// keys again where they left agenda order (sqlite/fts5-keys.ts). A file's meetings already out of
// order are noted here, found by comparing the order of their keys with their agenda order.
// (0150 is kept for another change of this session.)
import { SEQ } from '../sqlite/fts5-keys';
import type { Migration } from './types';

export const searchAgendaOrder: Migration = {
  version: 16,
  name: '0160-search-agenda-order',
  up: (db) => {
    db.exec(`
      CREATE TABLE search_rekey (
        meeting_id TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER items_search_position AFTER UPDATE OF position ON items WHEN old.position IS NOT new.position BEGIN
        INSERT OR IGNORE INTO search_rekey VALUES (new.meeting_id);
      END;
      INSERT OR IGNORE INTO search_rekey
        SELECT meeting_id FROM (
          SELECT i.meeting_id,
            row_number() OVER (PARTITION BY k.key / ${SEQ} ORDER BY k.key) AS by_key,
            row_number() OVER (PARTITION BY k.key / ${SEQ} ORDER BY i.meeting_id, i.position) AS by_agenda
          FROM search_keys k JOIN items i ON i.id = k.item_id)
        WHERE by_key <> by_agenda;
    `);
  },
  // The server keeps each item's position in its search row by a trigger of its own (migration 0140).
  postgres: async () => {},
};
