// Version 13: the receiving committee is told when the sender changes a decision it already took
// onto its agenda (issue 14 §5). A proposal keeps the sending decision as it was accepted (the
// paragraph "Sagens forløb" got) and, while the sender's decision differs from it and the receiving
// secretary has not answered, the change: when, by whom, and the decision now.
import { sql } from 'kysely';
import type { Migration } from './types';

export const proposalChanges: Migration = {
  version: 13,
  name: '0130-proposal-changes',
  up: (db) => {
    db.exec(`
      ALTER TABLE proposals ADD COLUMN accepted_decision TEXT;
      ALTER TABLE proposals ADD COLUMN change_at TEXT;
      ALTER TABLE proposals ADD COLUMN change_by TEXT;
      ALTER TABLE proposals ADD COLUMN change_now TEXT;
    `);
  },
  postgres: async (db) => {
    await sql`ALTER TABLE proposals ADD COLUMN accepted_decision text`.execute(db);
    await sql`ALTER TABLE proposals ADD COLUMN change_at text`.execute(db);
    await sql`ALTER TABLE proposals ADD COLUMN change_by text`.execute(db);
    await sql`ALTER TABLE proposals ADD COLUMN change_now text`.execute(db);
  },
};
