// Version 9: stale edits are refused, not silently overwritten. Items and meetings carry a version
// that every edit through the Api bumps (an editor sends the one it loaded), and each change-log
// entry can name its author (`referent serve` fills it from the signed-in account; the desktop
// leaves it empty). docs/server-design.md §5.
import { sql } from 'kysely';
import type { Migration } from './types';

export const versions: Migration = {
  version: 9,
  name: '0090-versions',
  up: (db) => {
    db.exec(`
      ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE change_log ADD COLUMN author TEXT;
    `);
  },
  postgres: async (db) => {
    await sql`ALTER TABLE items ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
    await sql`ALTER TABLE meetings ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
    await sql`ALTER TABLE change_log ADD COLUMN author text`.execute(db);
  },
};
