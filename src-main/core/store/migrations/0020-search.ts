// Version 2: full-text search over item titles, case numbers and section text (FTS5), kept in
// step by triggers so that no service has to remember it.
import type { Migration } from './types';

export const search: Migration = {
  version: 2,
  name: '0020-search',
  up: (db) => {
    db.exec(`
      CREATE VIRTUAL TABLE item_search USING fts5(
        item_id UNINDEXED, title, case_number, body,
        tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE TRIGGER items_search_ai AFTER INSERT ON items BEGIN
        INSERT INTO item_search(item_id, title, case_number, body) VALUES (new.id, new.title, coalesce(new.case_number, ''), '');
      END;
      CREATE TRIGGER items_search_au AFTER UPDATE OF title, case_number ON items BEGIN
        UPDATE item_search SET title = new.title, case_number = coalesce(new.case_number, '') WHERE item_id = new.id;
      END;
      CREATE TRIGGER items_search_ad AFTER DELETE ON items BEGIN
        DELETE FROM item_search WHERE item_id = old.id;
      END;
      CREATE TRIGGER sections_search_ai AFTER INSERT ON item_sections BEGIN
        UPDATE item_search SET body = (SELECT group_concat(body, char(10)) FROM item_sections WHERE item_id = new.item_id) WHERE item_id = new.item_id;
      END;
      CREATE TRIGGER sections_search_au AFTER UPDATE OF body ON item_sections BEGIN
        UPDATE item_search SET body = (SELECT group_concat(body, char(10)) FROM item_sections WHERE item_id = new.item_id) WHERE item_id = new.item_id;
      END;
      CREATE TRIGGER sections_search_ad AFTER DELETE ON item_sections BEGIN
        UPDATE item_search SET body = coalesce((SELECT group_concat(body, char(10)) FROM item_sections WHERE item_id = old.item_id), '') WHERE item_id = old.item_id;
      END;
      INSERT INTO item_search(item_id, title, case_number, body)
        SELECT i.id, i.title, coalesce(i.case_number, ''),
               coalesce((SELECT group_concat(body, char(10)) FROM item_sections s WHERE s.item_id = i.id), '')
        FROM items i;
    `);
  },
};
