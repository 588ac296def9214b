// Approval: each member's approval of the minutes (the signature page), the secretary's step
// "Referat godkendt" that locks the meeting and seals everything its documents print
// (seal/seal.service.ts), and dated addenda to approved minutes, which extend the seal.
import type { ExMeeting, ExMember } from '../../../src-shared/exchange';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { newId, nowIso } from '../util/canonical';
import { numbersOfMeetingIds } from '../meetings/meeting-numbers';
import { extendSeal, sealBreach, sealMeeting } from '../seal/seal.service';
import { presenceByItem, seats } from '../meetings/presence';
import { formatShortDa } from '../../../src-shared/dates';
import { plainToMarkdown } from '../documents/plain-text';
import { capital, loadForChange, loadMeeting, personId, STATUS_DA } from './meeting-context';

/** Everyone who took part in at least one item, in seat order: who signs the minutes. */
export function signatories(members: readonly ExMember[], meeting: ExMeeting): string[] {
  const took = new Set<string>();
  for (const p of presenceByItem(members, meeting).values()) for (const k of p.participants) took.add(k);
  const ordered = seats(members, meeting)
    .map((s) => s.sitting)
    .filter((k): k is string => k !== null && (took.has(k) || meeting.items.length === 0));
  return [...new Set(ordered)];
}

export async function approve(db: Db, meetingId: string, member: string): Promise<void> {
  const m = await loadForChange(db, meetingId);
  const pid = personId(m, member);
  if (!signatories(m.members, m.meeting).includes(member)) {
    throw new AppError('Invalid', `${m.name(member)} did not take part in ${m.label}, so has no minutes to approve.`, `${m.name(member)} deltog ikke i ${m.labelDa} og har derfor intet referat at godkende.`);
  }
  const prior = (m.meeting.approvals ?? []).find((a) => a.member === member);
  if (prior) throw new AppError('Conflict', `${m.name(member)} already approved the minutes (${prior.at}).`, `${m.name(member)} har allerede godkendt referatet (den ${formatShortDa(prior.at)}).`);
  const at = nowIso();
  await db.insertInto('approvals').values({ meeting_id: meetingId, person_id: pid, at }).execute();
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.approve', payload: { member, at } });
}

export async function withdrawApproval(db: Db, meetingId: string, member: string): Promise<void> {
  const m = await loadForChange(db, meetingId);
  const r = await db.deleteFrom('approvals').where('meeting_id', '=', meetingId).where('person_id', '=', personId(m, member)).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('NotFound', `${m.name(member)} has not approved the minutes.`, `${m.name(member)} har ikke godkendt referatet.`);
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.withdrawApproval', payload: { member } });
}


/**
 * Stores every item's effective number in the item, so that a later change to an earlier meeting
 * of the year cannot renumber approved minutes (and break their content hash).
 */
export async function freezeItemNumbers(db: Db, meetingId: string): Promise<void> {
  const items = await db.selectFrom('items').select('id').where('meeting_id', '=', meetingId).where('number', 'is', null).execute();
  if (items.length === 0) return;
  const numbers = await numbersOfMeetingIds(db, [meetingId]);
  for (const { id } of items) await db.updateTable('items').set({ number: numbers.get(id) ?? null }).where('id', '=', id).execute();
}

export async function approveMinutes(db: Db, meetingId: string): Promise<void> {
  const m = await loadForChange(db, meetingId);
  if (m.row.status !== 'held') {
    throw new AppError('Conflict', `${capital(m.label)} must be marked as held before its minutes are approved (its status is "${m.row.status}").`,
      `${capital(m.labelDa)} skal være markeret som afholdt, før referatet kan godkendes (status er nu "${STATUS_DA[m.row.status] ?? m.row.status}").`,
    );
  }
  for (const [index, item] of m.meeting.items.entries()) {
    if (item.role === 'signature' || item.decision) continue;
    throw new AppError('Invalid', `Item ${item.number ?? index + 1} (${item.title}) has no decision yet; record one before approving the minutes.`,
      `Punkt ${item.number ?? index + 1} (${item.title}) har endnu ingen beslutning; registrér en, før referatet godkendes.`,
    );
  }
  await freezeItemNumbers(db, meetingId);
  const lockedAt = nowIso();
  await db.updateTable('meetings').set({ status: 'minutes-approved', updated_at: lockedAt }).where('id', '=', meetingId).execute();
  await db.updateTable('meetings').set({ locked_at: lockedAt }).where('id', '=', meetingId).execute();
  await sealMeeting(db, meetingId, 'meetingday.approveMinutes', { lockedAt });
}

export async function addAddendum(db: Db, meetingId: string, text: string): Promise<void> {
  const m = await loadMeeting(db, meetingId);
  if (m.row.locked_at === null) {
    throw new AppError('Conflict', `The minutes of ${m.label} are not approved yet; correct them directly instead of adding an addendum.`,
      `Referatet af ${m.labelDa} er ikke godkendt endnu; ret det direkte i stedet for at tilføje et tillæg.`,
    );
  }
  // An addendum extends the seal, so it must never seal over content changed behind its back.
  if ((await sealBreach(db, meetingId)) !== null) {
    throw new AppError('Corrupt', `The approved minutes of ${m.label} no longer match their lock; run "referent verify" before adding an addendum.`,
      `Det godkendte referat af ${m.labelDa} passer ikke længere med sin låsning; kør "referent verify", før der tilføjes et tillæg.`,
    );
  }
  // An addendum is a dated correction that can never be taken back: the same words twice are a slip.
  if (m.meeting.addenda?.some((a) => a.text.trim() === text.trim())) {
    throw new AppError('Conflict', `The minutes of ${m.label} already have this addendum; it was not added twice.`, `Referatet af ${m.labelDa} har allerede denne tilføjelse; den er ikke tilføjet to gange.`);
  }
  const at = nowIso();
  // Typed as plain text; stored as Markdown that prints exactly that.
  const stored = plainToMarkdown(text.trim());
  await db.insertInto('addenda').values({ id: newId(), meeting_id: meetingId, at, text: stored }).execute();
  await db.updateTable('meetings').set({ updated_at: at }).where('id', '=', meetingId).execute();
  await extendSeal(db, meetingId, { at, text: stored }, m.row.content_hash);
}
