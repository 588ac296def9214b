// Version 1: the whole domain of DESIGN.md. Frozen once landed: later changes are new migrations.
import type { Migration } from './types';

export const init: Migration = {
  version: 1,
  name: '0010-init',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE committees (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        short_name TEXT,
        numbering TEXT NOT NULL CHECK (numbering IN ('per-meeting', 'per-year')),
        default_location TEXT,
        default_start TEXT,
        default_end TEXT,
        template TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX committees_short_name ON committees(short_name) WHERE short_name IS NOT NULL;

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE memberships (
        id TEXT PRIMARY KEY,
        committee_id TEXT NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id),
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair', 'member', 'substitute', 'secretary', 'observer')),
        title TEXT,
        party TEXT,
        valid_from TEXT,
        valid_until TEXT,
        UNIQUE (committee_id, person_id)
      ) STRICT;

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        committee_id TEXT NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
        start TEXT NOT NULL,
        end TEXT,
        location TEXT,
        calendar_uid TEXT,
        status TEXT NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'agenda-published', 'held', 'minutes-approved', 'cancelled')),
        content_hash TEXT,
        locked_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (committee_id, start)
      ) STRICT;
      CREATE INDEX meetings_calendar_uid ON meetings(calendar_uid) WHERE calendar_uid IS NOT NULL;

      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number INTEGER,
        title TEXT NOT NULL,
        case_number TEXT,
        access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'closed')),
        role TEXT CHECK (role IN ('agenda-approval', 'mutual-information', 'signature')),
        supplementary INTEGER NOT NULL DEFAULT 0,
        postponed_from_meeting_id TEXT,
        postponed_from_number INTEGER,
        UNIQUE (meeting_id, position)
      ) STRICT;

      CREATE TABLE item_route_steps (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        body TEXT NOT NULL,
        date TEXT,
        PRIMARY KEY (item_id, position)
      ) STRICT;

      CREATE TABLE item_sections (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('summary', 'recommendation', 'presentation', 'legal', 'economy', 'procedure', 'history', 'custom')),
        heading TEXT,
        body TEXT NOT NULL,
        UNIQUE (item_id, position)
      ) STRICT;

      -- Attachment files live under <data>/files/<sha256>; this row records that one is there.
      CREATE TABLE files (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'closed')),
        sha256 TEXT, -- the file may be absent (plain JSON import carries hashes only)
        file_name TEXT,
        UNIQUE (item_id, position)
      ) STRICT;

      CREATE TABLE attendance (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id),
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
        substitute_id TEXT REFERENCES people(id),
        from_item INTEGER,
        until_item INTEGER,
        PRIMARY KEY (meeting_id, person_id)
      ) STRICT;

      CREATE TABLE guests (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        title TEXT,
        items TEXT -- JSON array of item numbers; NULL: the whole meeting
      ) STRICT;

      CREATE TABLE item_absences (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id),
        position INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('absent', 'disqualified')),
        PRIMARY KEY (item_id, person_id)
      ) STRICT;

      CREATE TABLE decisions (
        item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'noted', 'discussed', 'postponed', 'rejected', 'recommended', 'other')),
        text TEXT,
        public INTEGER NOT NULL DEFAULT 0,
        has_votes INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE votes (
        item_id TEXT NOT NULL REFERENCES decisions(item_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstained')),
        person_id TEXT REFERENCES people(id),
        party TEXT,
        count INTEGER,
        CHECK ((person_id IS NULL) <> (party IS NULL)),
        PRIMARY KEY (item_id, choice, position)
      ) STRICT;

      CREATE TABLE dissents (
        item_id TEXT NOT NULL REFERENCES decisions(item_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        text TEXT NOT NULL,
        PRIMARY KEY (item_id, position)
      ) STRICT;

      CREATE TABLE approvals (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES people(id),
        at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, person_id)
      ) STRICT;

      CREATE TABLE addenda (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;

      -- Append-only: each entry holds the hash of the previous one; \`referent verify\` walks the chain.
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        meeting_id TEXT,
        committee_id TEXT,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX change_log_meeting ON change_log(meeting_id);
      CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
      CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
    `);
  },
};
