// A meeting written again whole (an import of it, a check-in from offline work) gets new item ids:
// without this the proposals made from its items would go with the old rows (ON DELETE CASCADE) and
// the link to an item accepted onto it would be lost. Held before the rewrite, restored after it:
// a source item is found again by its stored number (frozen once the agenda was published, as it is
// when a decision is recorded) or else its position; an accepted item by where it came from
// (postponedFrom, which the exchange carries).
import type { Db } from '../store/database';

export async function holdProposals(db: Db, meetingId: string): Promise<() => Promise<void>> {
  const sources = await db
    .selectFrom('proposals as p')
    .innerJoin('items as i', 'i.id', 'p.source_item_id')
    .selectAll('p')
    .select(['i.number as old_number', 'i.position as old_position'])
    .where('i.meeting_id', '=', meetingId)
    .execute();
  const accepted = await db
    .selectFrom('proposals as p')
    .innerJoin('items as i', 'i.id', 'p.accepted_item_id')
    .select(['p.id', 'i.postponed_from_meeting_id', 'i.postponed_from_number'])
    .where('i.meeting_id', '=', meetingId)
    .execute();
  return async () => {
    if (sources.length === 0 && accepted.length === 0) return;
    const items = await db.selectFrom('items').select(['id', 'number', 'position', 'postponed_from_meeting_id', 'postponed_from_number']).where('meeting_id', '=', meetingId).execute();
    for (const { old_number, old_position, ...row } of sources) {
      const again = items.find((i) => (old_number !== null ? i.number === old_number : i.position === old_position));
      // The item is gone from the meeting (removed offline): its proposal goes with it, as a removal online does.
      if (!again) continue;
      await db.insertInto('proposals').values({ ...row, source_item_id: again.id }).onConflict((oc) => oc.column('id').doNothing()).execute();
    }
    for (const a of accepted) {
      const again = items.find((i) => i.postponed_from_meeting_id === a.postponed_from_meeting_id && i.postponed_from_number === a.postponed_from_number);
      await db.updateTable('proposals').set({ accepted_item_id: again?.id ?? null }).where('id', '=', a.id).execute();
    }
  };
}
