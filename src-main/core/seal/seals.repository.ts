// The meeting_seals table: one row per approved meeting, holding its sealed content and the
// change-log entry (position and hash) that sealed it.
import type { Db, MeetingSealTable } from '../store/database';
import type { Selectable } from 'kysely';

export type SealRow = Selectable<MeetingSealTable>;

export const sealsRepository = {
  byMeeting: (db: Db, meetingId: string): Promise<SealRow | undefined> =>
    db.selectFrom('meeting_seals').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst(),

  put: async (db: Db, row: SealRow): Promise<void> => {
    const { content, entry, entry_hash, sealed_at } = row;
    await db
      .insertInto('meeting_seals')
      .values(row)
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet({ content, entry, entry_hash, sealed_at }))
      .execute();
  },
};
