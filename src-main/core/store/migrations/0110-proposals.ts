// Version 11: items flow between committees. An item recommended onward ("Anbefales") to another
// committee waits as a proposal in that committee's inbox until its secretary accepts it into an
// agenda or rejects it with a reason; the sending committee's record is never touched. One row per
// recommended item (UNIQUE source_item_id): recording "Anbefales" again does not make a second.
import { sql } from 'kysely';
import type { Migration } from './types';

export const proposals: Migration = {
  version: 11,
  name: '0110-proposals',
  up: (db) => {
    db.exec(`
      CREATE TABLE proposals (
        id TEXT PRIMARY KEY,
        source_item_id TEXT NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
        target_committee_id TEXT NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        -- the target meeting starts after this (the sending meeting, or the route's date for the body)
        not_before TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        decided_at TEXT,
        decided_by TEXT,
        reason TEXT,
        accepted_item_id TEXT REFERENCES items(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX proposals_target ON proposals(target_committee_id, status);
      CREATE INDEX proposals_accepted ON proposals(accepted_item_id) WHERE accepted_item_id IS NOT NULL;
    `);
  },
  postgres: async (db) => {
    await sql`
      CREATE TABLE proposals (
        id text PRIMARY KEY,
        source_item_id text NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
        target_committee_id text NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        not_before text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
        created_at text NOT NULL,
        created_by text,
        decided_at text,
        decided_by text,
        reason text,
        accepted_item_id text REFERENCES items(id) ON DELETE SET NULL
      )`.execute(db);
    await sql`CREATE INDEX proposals_target ON proposals(target_committee_id, status)`.execute(db);
    await sql`CREATE INDEX proposals_accepted ON proposals(accepted_item_id) WHERE accepted_item_id IS NOT NULL`.execute(db);
  },
};
