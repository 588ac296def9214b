// Proposals between committees (issue 14 §5): recording "Anbefales" proposes the item to the next
// body on its route when that body is a committee of this archive; nothing lands on its agenda until
// its secretary accepts the proposal (at a position she chooses) or rejects it with a reason. The
// sending committee's record is never written here: only the proposals table and the target's agenda.
import type { ProposalSummary } from '../../../src-shared/api/proposals';
import { OUTCOME_LABEL_DA } from '../../../src-shared/domain';
import { formatShortDa } from '../../../src-shared/dates';
import { AppError, notFound } from '../errors';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { currentAuthor } from '../changelog/author';
import { newId, nowIso } from '../util/canonical';
import { numbersOfItems } from '../meetings/meeting-numbers';
import { closureColumns, writeItemContent } from '../meetings/meeting-write';
import { assertAgendaEditable, placeItem } from '../agenda/items.service';
import { itemOf, loadMeeting, meetingOfItem } from '../meetingday/meeting-context';
import { historyEntry, withHistory } from './history';
import { NOT_YET_HELD, recommendationTarget } from './target';
import { proposalSummary, proposedItem } from './proposals.read';
import { noteSourceChange } from './source-change';

/**
 * The proposal of an item decided "Anbefales", made if it has none: idempotent. `strict` (the
 * explicit Api call) refuses with a sentence when there is nowhere to propose it; the quiet form
 * (recording the decision) then makes none, and meeting mode says why.
 */
export async function ensureProposal(db: Db, itemId: string, strict: boolean): Promise<string | null> {
  const source = await loadMeeting(db, await meetingOfItem(db, itemId));
  const { item, number } = itemOf(source, itemId);
  const outcome = item.decision?.outcome;
  if (outcome !== 'recommended') {
    if (!strict) return null;
    const was = outcome ? `was decided "${OUTCOME_LABEL_DA[outcome]}"` : 'has no decision';
    const wasDa = outcome ? `har beslutningen "${OUTCOME_LABEL_DA[outcome]}"` : 'har ingen beslutning';
    throw new AppError('Invalid', `Item ${number} ${was}; only an item decided "Anbefales" is proposed to another committee.`,
      `Punkt ${number} ${wasDa}; kun et punkt med beslutningen "Anbefales" kan foreslås til et andet udvalg.`);
  }
  const existing = await db.selectFrom('proposals').selectAll().where('source_item_id', '=', itemId).executeTakeFirst();
  if (existing && existing.status !== 'withdrawn') return existing.id;
  const target = await recommendationTarget(db, source, item, number);
  if (target instanceof AppError) {
    if (strict) throw target;
    return null;
  }
  const now = nowIso();
  const author = currentAuthor();
  let id: string;
  if (existing) {
    // Recommended again after a change: an item it was accepted as, still on that agenda, stands.
    const stillAccepted = existing.accepted_item_id !== null && existing.target_committee_id === target.committee.id;
    id = existing.id;
    await db
      .updateTable('proposals')
      .set(stillAccepted
        ? { status: 'accepted' }
        : { status: 'pending', target_committee_id: target.committee.id, not_before: target.notBefore, created_at: now, created_by: author, decided_at: null, decided_by: null, reason: null, accepted_item_id: null })
      .where('id', '=', id)
      .execute();
  } else {
    id = newId();
    await db
      .insertInto('proposals')
      .values({ id, source_item_id: itemId, target_committee_id: target.committee.id, not_before: target.notBefore, status: 'pending', created_at: now, created_by: author })
      .execute();
  }
  await appendChange(db, {
    committeeId: target.committee.id,
    action: 'proposal.create',
    payload: { proposalId: id, from: { meetingId: source.row.id, number }, title: item.title },
  });
  return id;
}

/** After a decision is recorded: "Anbefales" proposes the item; any other outcome withdraws its proposal. */
export async function syncProposal(db: Db, itemId: string): Promise<void> {
  // Already on the receiving committee's agenda: nothing there changes by itself; she is told (source-change.ts).
  const accepted = await db.selectFrom('proposals').selectAll().where('source_item_id', '=', itemId).where('status', '=', 'accepted').where('accepted_item_id', 'is not', null).executeTakeFirst();
  if (accepted) {
    await noteSourceChange(db, accepted);
    return;
  }
  const decision = await db.selectFrom('decisions').select('outcome').where('item_id', '=', itemId).executeTakeFirst();
  if (decision?.outcome === 'recommended') {
    await ensureProposal(db, itemId, false);
    return;
  }
  const existing = await db.selectFrom('proposals').select(['id', 'status', 'target_committee_id']).where('source_item_id', '=', itemId).executeTakeFirst();
  if (!existing || existing.status === 'withdrawn' || existing.status === 'rejected') return;
  await db.updateTable('proposals').set({ status: 'withdrawn' }).where('id', '=', existing.id).execute();
  await appendChange(db, { committeeId: existing.target_committee_id, action: 'proposal.withdraw', payload: { proposalId: existing.id, was: existing.status } });
}

async function pendingProposal(db: Db, proposalId: string) {
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', proposalId).executeTakeFirst();
  if (!row) throw notFound('The proposal', 'Forslaget');
  if (row.status === 'pending') return row;
  const s = await proposalSummary(db, proposalId);
  const what = `"${s.title}" (from ${s.from.committeeName})`;
  const whatDa = `»${s.title}« (fra ${s.from.committeeName})`;
  if (row.status === 'withdrawn') {
    throw new AppError('Conflict', `The proposal ${what} was withdrawn: ${s.from.committeeName} changed its decision.`,
      `Forslaget ${whatDa} er trukket tilbage: ${s.from.committeeName} har ændret sin beslutning.`);
  }
  if (row.status === 'rejected') {
    throw new AppError('Conflict', `The proposal ${what} was already rejected${s.decidedBy ? ` by ${s.decidedBy}` : ''}.`,
      `Forslaget ${whatDa} er allerede afvist${s.decidedBy ? ` af ${s.decidedBy}` : ''}.`);
  }
  const where = s.accepted ? ` as item ${s.accepted.number} of the meeting on ${formatShortDa(s.accepted.start)}` : '';
  const whereDa = s.accepted ? ` som punkt ${s.accepted.number} på mødet den ${formatShortDa(s.accepted.start)}` : '';
  throw new AppError('Conflict', `The proposal ${what} was already accepted${where}.`, `Forslaget ${whatDa} er allerede optaget${whereDa}.`);
}

/** Takes a pending proposal onto an agenda of its committee not yet held, with its history (Sagens forløb). */
export async function acceptProposal(db: Db, proposalId: string, meetingId: string, position?: number): Promise<ProposalSummary> {
  const row = await pendingProposal(db, proposalId);
  const meeting = await assertAgendaEditable(db, meetingId);
  if (meeting.committee_id !== row.target_committee_id) {
    const to = await db.selectFrom('committees').select('name').where('id', '=', row.target_committee_id).executeTakeFirstOrThrow();
    throw new AppError('Invalid', `The meeting on ${formatShortDa(meeting.start)} is not a meeting of ${to.name}, to which the item is proposed.`,
      `Mødet den ${formatShortDa(meeting.start)} er ikke et møde i ${to.name}, som punktet er foreslået til.`);
  }
  if (!(NOT_YET_HELD as readonly string[]).includes(meeting.status)) {
    throw new AppError('Conflict', `The meeting on ${formatShortDa(meeting.start)} has been held; take the proposal onto a meeting not yet held.`,
      `Mødet den ${formatShortDa(meeting.start)} er afholdt; optag forslaget på et møde, der endnu ikke er holdt.`);
  }
  const { source, item, number } = await proposedItem(db, row);
  const id = await placeItem(db, meeting, { title: item.title, case_number: item.caseNumber ?? null, access: item.access ?? 'open', role: null, ...closureColumns(item) }, position);
  await db.updateTable('items').set({ postponed_from_meeting_id: source.row.id, postponed_from_number: number }).where('id', '=', id).execute();
  await writeItemContent(db, id, { route: item.route, attachments: item.attachments, sections: withHistory(item.sections ?? [], historyEntry(source, item, number)) });
  await db.updateTable('meetings').set({ updated_at: nowIso() }).where('id', '=', meeting.id).execute();
  await db.updateTable('proposals')
    .set({ status: 'accepted', decided_at: nowIso(), decided_by: currentAuthor(), accepted_item_id: id, accepted_decision: historyEntry(source, item, number), change_at: null, change_by: null, change_now: null })
    .where('id', '=', row.id)
    .execute();
  const newNumber = (await numbersOfItems(db, [id])).get(id);
  await appendChange(db, {
    meetingId: meeting.id,
    committeeId: meeting.committee_id,
    action: 'proposal.accept',
    payload: { proposalId, itemId: id, from: { meetingId: source.row.id, number }, item: newNumber ?? null, title: item.title },
  });
  return proposalSummary(db, proposalId);
}

/** Declines a pending proposal; the reason is what the sending committee's secretary reads. */
export async function rejectProposal(db: Db, proposalId: string, reason: string): Promise<ProposalSummary> {
  const row = await pendingProposal(db, proposalId);
  const text = reason.trim();
  await db.updateTable('proposals').set({ status: 'rejected', decided_at: nowIso(), decided_by: currentAuthor(), reason: text }).where('id', '=', row.id).execute();
  await appendChange(db, { committeeId: row.target_committee_id, action: 'proposal.reject', payload: { proposalId, reason: text } });
  return proposalSummary(db, proposalId);
}
