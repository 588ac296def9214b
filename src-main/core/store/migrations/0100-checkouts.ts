// Version 10: a meeting can be checked out for offline work (issue 14 §4). The server keeps one
// row per meeting held by someone (who, since when, the change log's head at that moment); the
// laptop keeps one row per checked-out copy it holds (role 'copy'), so it can refuse changes the
// server could not merge and knows which of its change-log entries were made offline.
// docs/server-design.md §9.
import { sql } from 'kysely';
import type { Migration } from './types';

export const checkouts: Migration = {
  version: 10,
  name: '0100-checkouts',
  up: (db) => {
    db.exec(`
      CREATE TABLE checkouts (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('server', 'copy')),
        committee_id TEXT NOT NULL,
        holder TEXT NOT NULL,
        since TEXT NOT NULL,
        head TEXT NOT NULL,
        head_seq INTEGER NOT NULL
      );
    `);
  },
  postgres: async (db) => {
    await sql`CREATE TABLE checkouts (
      meeting_id text PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
      id text NOT NULL,
      role text NOT NULL CHECK (role IN ('server', 'copy')),
      committee_id text NOT NULL,
      holder text NOT NULL,
      since text NOT NULL,
      head text NOT NULL,
      head_seq bigint NOT NULL
    )`.execute(db);
  },
};
