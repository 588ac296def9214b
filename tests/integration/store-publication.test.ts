// Migration 5 (publication): a decision published under the old 0/1 column stays published, one
// that was not becomes "as the committee's profile says", and every committee starts with the
// committee profile (a stub only), which prints what the old public version printed.
import path from 'node:path';
import { expect, test } from 'vitest';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';
import { readMeetings } from '../../src-main/core/meetings/meeting-content';
import { publication } from '../../src-main/core/store/migrations/0050-publication';

test('migrating to the publication schema keeps which closed decisions were published', async () => {
  const file = path.join(tempDir(), 'referent.sqlite');
  const old = openSqliteStore(file, { targetVersion: publication.version - 1 });
  old.sqlite.exec(`
    INSERT INTO committees (id, name, numbering, created_at, updated_at) VALUES ('c-1', 'Økonomiudvalget', 'per-meeting', 't', 't');
    INSERT INTO meetings (id, committee_id, start, created_at, updated_at) VALUES ('m-1', 'c-1', '2026-03-03T15:00', 't', 't');
    INSERT INTO items (id, meeting_id, position, title, access) VALUES ('i-1', 'm-1', 0, 'Køb af Storegade 5', 'closed'), ('i-2', 'm-1', 1, 'Personalesag', 'closed');
    INSERT INTO decisions (item_id, outcome, text, public) VALUES ('i-1', 'approved', 'Købet godkendes.', 1), ('i-2', 'noted', NULL, 0);
  `);
  await old.close();

  const store = openSqliteStore(file);
  const [m] = await readMeetings(store.db, { meetingIds: ['m-1'] });
  expect(m!.meeting.items.map((i) => i.decision?.public)).toEqual([true, undefined]);
  const c = await store.db.selectFrom('committees').select('publication_profile').executeTakeFirstOrThrow();
  expect(c.publication_profile).toBe('committee');
  const cols = store.sqlite.prepare("SELECT name FROM pragma_table_info('decisions')").pluck().all();
  expect(cols).not.toContain('public');
  await store.close();
});
