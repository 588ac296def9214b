// The sender changes a decision the receiving committee already took onto its agenda (issue 14 §5):
// nothing in the receiver's agenda changes by itself. The proposal records the change (when, by
// whom, the decision then and now) for the receiving secretary, who sees it on the item and in her
// inbox and answers: keep the item as it stands, or take it off her agenda. Each step is a
// change-log entry of the receiving committee. docs/server-design.md §10.
import { AppError, notFound } from '../errors';
import type { Db, ProposalTable } from '../store/database';
import type { Selectable } from 'kysely';
import { appendChange } from '../changelog/changelog';
import { currentAuthor } from '../changelog/author';
import { nowIso } from '../util/canonical';
import { removeItem } from '../agenda/items.service';
import { historyEntry } from './history';
import { proposedItem } from './proposals.read';
import { NOT_YET_HELD } from './target';
import { formatShortDa } from '../../../src-shared/dates';

/** The sending decision as "Sagens forløb" prints it ('' when the item has none: reopened). */
export async function sendingDecision(db: Db, row: Pick<Selectable<ProposalTable>, 'source_item_id'>): Promise<string> {
  const { source, item, number } = await proposedItem(db, row);
  return item.decision ? historyEntry(source, item, number) : '';
}

/**
 * After any change to the decision of an item whose proposal was accepted onto an agenda: records the
 * change for the receiving secretary, or clears it when the decision is back to what she accepted.
 */
export async function noteSourceChange(db: Db, row: Selectable<ProposalTable>): Promise<void> {
  const now = await sendingDecision(db, row);
  const baseline = row.accepted_decision;
  if (baseline === null) {
    // Accepted before the decision was kept with it (before migration 0130): what it is now is the baseline.
    await db.updateTable('proposals').set({ accepted_decision: now }).where('id', '=', row.id).execute();
    return;
  }
  if (now === baseline) {
    if (row.change_at === null) return;
    await db.updateTable('proposals').set({ change_at: null, change_by: null, change_now: null }).where('id', '=', row.id).execute();
    await appendChange(db, { committeeId: row.target_committee_id, action: 'proposal.source-change', payload: { proposalId: row.id, itemId: row.accepted_item_id, now, back: true } });
    return;
  }
  if (row.change_at !== null && now === row.change_now) return;
  const author = currentAuthor();
  await db.updateTable('proposals').set({ change_at: nowIso(), change_by: author, change_now: now }).where('id', '=', row.id).execute();
  // The receiving committee's entry (no meeting named: her meeting may be checked out, and the sender's change must not wait on it).
  await appendChange(db, { committeeId: row.target_committee_id, action: 'proposal.source-change', payload: { proposalId: row.id, itemId: row.accepted_item_id, was: baseline, now } });
}

async function changedProposal(db: Db, proposalId: string): Promise<Selectable<ProposalTable>> {
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', proposalId).executeTakeFirst();
  if (!row) throw notFound('The proposal', 'Forslaget');
  if (row.change_at === null || row.status !== 'accepted') {
    throw new AppError('Conflict', 'The sending committee has not changed its decision on this item since it was accepted (or it was answered already).',
      'Det afsendende udvalg har ikke ændret sin beslutning på punktet, siden det blev optaget (eller ændringen er allerede besvaret).');
  }
  return row;
}

/** The receiving secretary keeps the item on her agenda as it stands; the changed decision becomes the one she has seen. */
export async function keepAfterChange(db: Db, proposalId: string): Promise<void> {
  const row = await changedProposal(db, proposalId);
  await db.updateTable('proposals').set({ accepted_decision: row.change_now, change_at: null, change_by: null, change_now: null }).where('id', '=', row.id).execute();
  await appendChange(db, { committeeId: row.target_committee_id, action: 'proposal.keep', payload: { proposalId, itemId: row.accepted_item_id, now: row.change_now } });
}

/** The receiving secretary takes the item off her agenda (while it can still be edited); the proposal is withdrawn. */
export async function removeAfterChange(db: Db, proposalId: string): Promise<void> {
  const row = await changedProposal(db, proposalId);
  if (row.accepted_item_id) {
    const m = await db.selectFrom('items as i').innerJoin('meetings as m', 'm.id', 'i.meeting_id').select(['m.start', 'm.status']).where('i.id', '=', row.accepted_item_id).executeTakeFirstOrThrow();
    // A meeting that treated the item keeps it in its record; only an agenda still being prepared gives it up.
    if (!(NOT_YET_HELD as readonly string[]).includes(m.status)) {
      throw new AppError('Conflict', `The meeting on ${formatShortDa(m.start)} has been held, so the item stays on its agenda; keep it, and note the changed decision there.`,
        `Mødet den ${formatShortDa(m.start)} er afholdt, så punktet bliver på dagsordenen; behold det, og notér den ændrede beslutning dér.`);
    }
    // Removed as any item is (renumbered, logged), and refused the same way once that agenda cannot change.
    await removeItem(db, row.accepted_item_id);
  }
  await db.updateTable('proposals')
    .set({ status: 'withdrawn', accepted_item_id: null, decided_at: nowIso(), decided_by: currentAuthor(), change_at: null, change_by: null, change_now: null })
    .where('id', '=', row.id)
    .execute();
  await appendChange(db, { committeeId: row.target_committee_id, action: 'proposal.remove', payload: { proposalId, itemId: row.accepted_item_id, now: row.change_now } });
}
