// Version 7: the seal. Approved minutes keep a snapshot of everything their documents print (the
// document input as canonical JSON), and each change-log entry carries a MAC made with a key kept
// outside this file (src-main/core/seal/). docs/security.md says what this proves.
import { loadOrCreateKey, macOf } from '../../seal/signing';
import type { Migration } from './types';

export const seal: Migration = {
  version: 7,
  name: '0070-seal',
  up: (db, context) => {
    db.exec(`
      CREATE TABLE meeting_seals (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        -- canonical JSON of the document input at approval; NULL: locked before seals held a
        -- snapshot (checked by the meeting's content only, as that version did)
        content TEXT,
        -- the change-log entry that sealed it: its position and hash (the anchor printed on the minutes)
        entry INTEGER,
        entry_hash TEXT,
        sealed_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO meeting_seals (meeting_id, content, sealed_at)
        SELECT id, NULL, locked_at FROM meetings WHERE locked_at IS NOT NULL;

      ALTER TABLE change_log ADD COLUMN mac TEXT;
      ALTER TABLE change_log ADD COLUMN mac_key TEXT;
    `);
    // The entries written before the log was signed are signed now, by the app that upgrades the
    // file (the key is created here if need be): from here on an unsigned entry is a fault.
    const entries = db.prepare('SELECT seq, hash FROM change_log ORDER BY seq').all() as { seq: number; hash: string }[];
    if (entries.length === 0 || !context.keyFile) return;
    const key = loadOrCreateKey(context.keyFile);
    db.exec('DROP TRIGGER change_log_no_update');
    const sign = db.prepare('UPDATE change_log SET mac = ?, mac_key = ? WHERE seq = ?');
    for (const e of entries) sign.run(macOf(key, e.hash), key.id, e.seq);
    db.exec(`CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;`);
  },
};
