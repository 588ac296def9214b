// Version 12: who may use a served archive (`referent serve`, issue 14 §3). Accounts sign in with a
// password (argon2id hash) or through the municipality's identity provider (OIDC issuer + subject);
// each holds a role per committee; sessions live here, not in the server's memory, so a restart or
// a second server keeps them, and a disabled account's sessions can be ended at once. The desktop
// app never reads these tables.
import { sql } from 'kysely';
import type { Migration } from './types';

export const accounts: Migration = {
  version: 12,
  name: '0120-accounts',
  up: (db) => {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT,
        oidc_issuer TEXT,
        oidc_subject TEXT,
        admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (oidc_issuer, oidc_subject)
      );
      CREATE TABLE account_roles (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        committee_id TEXT NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('secretary', 'member', 'reader')),
        member_key TEXT,
        PRIMARY KEY (account_id, committee_id)
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_account ON sessions(account_id);
    `);
  },
  postgres: async (db) => {
    await sql`
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        login text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text,
        oidc_issuer text,
        oidc_subject text,
        admin boolean NOT NULL DEFAULT false,
        disabled_at text,
        created_at text NOT NULL,
        UNIQUE (oidc_issuer, oidc_subject)
      )`.execute(db);
    await sql`
      CREATE TABLE account_roles (
        account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        committee_id text NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('secretary', 'member', 'reader')),
        member_key text,
        PRIMARY KEY (account_id, committee_id)
      )`.execute(db);
    await sql`
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at text NOT NULL,
        expires_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX sessions_account ON sessions(account_id)`.execute(db);
  },
};
