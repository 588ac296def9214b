// Items that travel between meetings: copied from an earlier meeting, or moved to another one
// (postponed, or taken off a meeting that is cancelled).
import type { AgendaItemDetail } from '../../../src-shared/api/agenda';
import { appendChange } from '../changelog/changelog';
import { justChanged } from '../changelog/recent';
import { AppError, notFound } from '../errors';
import type { Db } from '../store/database';
import { newId } from '../util/canonical';
import { itemsRepository as repo } from './items.repository';
import { arrivingNumber, assertAgendaEditable, defaultPosition, defaultRoute, getItem, itemAndMeeting, placeItem } from './items.service';

/** Copies title, case number, access (with a closed item's public title and reason), role, sections and attachments; the route starts afresh. */
export async function copyItem(db: Db, sourceItemId: string, targetMeetingId: string): Promise<AgendaItemDetail> {
  const source = await repo.byId(db, sourceItemId);
  if (!source) throw notFound('The agenda item to copy', 'Punktet, der skulle kopieres,');
  const target = await assertAgendaEditable(db, targetMeetingId);
  // The same item copied to the same agenda within a second is a double submit; later, a second copy is deliberate.
  if ((await justChanged(db, target.id, 'item.copy'))?.from === source.id) {
    throw new AppError('Conflict', `The item "${source.title}" was copied to this agenda a moment ago; it was not copied twice.`, `Punktet »${source.title}« blev kopieret til dagsordenen for et øjeblik siden; det er ikke kopieret to gange.`);
  }
  const id = await placeItem(db, target, {
    title: source.title,
    case_number: source.case_number,
    access: source.access,
    role: source.role,
    public_title: source.public_title,
    closed_reason: source.closed_reason,
    closed_reason_text: source.closed_reason_text,
  });
  const sections = await repo.sections(db, source.id);
  await repo.replaceSections(db, id, sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body })));
  for (const a of await repo.attachments(db, source.id)) {
    await db.insertInto('attachments').values({ id: newId(), item_id: id, position: a.position, title: a.title, access: a.access, sha256: a.sha256, file_name: a.file_name }).execute();
  }
  await repo.replaceRoute(db, id, await defaultRoute(db, target));
  await appendChange(db, { meetingId: target.id, committeeId: target.committee_id, action: 'item.copy', payload: { itemId: id, from: source.id } });
  return getItem(db, id);
}

export async function moveItem(db: Db, itemId: string, targetMeetingId: string): Promise<AgendaItemDetail> {
  const { item, meeting: source } = await itemAndMeeting(db, itemId, { leaving: true });
  if (source.id === targetMeetingId) throw new AppError('Invalid', 'The item is already on that meeting’s agenda.', 'Punktet står allerede på det mødes dagsorden.');
  const target = await assertAgendaEditable(db, targetMeetingId);
  const at = defaultPosition(await repo.ofMeeting(db, target.id));
  const number = await arrivingNumber(db, target);
  await repo.openGap(db, target.id, at);
  // Park the item outside both meetings' positions, then place it.
  await repo.update(db, item.id, { meeting_id: target.id, position: -1_000_000, number, supplementary: number !== null });
  await repo.update(db, item.id, { position: at });
  await repo.compact(db, source.id);
  await appendChange(db, { meetingId: source.id, committeeId: source.committee_id, action: 'item.move', payload: { itemId, to: target.id }, alsoMeetings: [target.id] });
  return getItem(db, item.id);
}
