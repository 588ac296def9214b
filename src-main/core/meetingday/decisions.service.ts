// Decisions: outcome and text per item, votes (by member or by party with a count) and dissents
// (protokoltilførsel), each checked against who took part in the item.
import type { Outcome } from '../../../src-shared/domain';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { itemOf, loadForChange, meetingOfItem, personId } from './meeting-context';
import { dissentFault, SIDES, voteFault, type Votes } from './vote-rules';
import { decisionPublication } from '../meetings/meeting-write';
import { plainToMarkdown } from '../documents/plain-text';
import { syncProposal } from '../flow/proposals.service';

/** `public`: a closed item's decision in the public version (null: as the committee's publication profile says). */
export type DecisionInput = { outcome: Outcome | null; text?: string | null | undefined; public?: boolean | null | undefined };

export async function setDecision(db: Db, itemId: string, input: DecisionInput): Promise<string> {
  const meetingId = await meetingOfItem(db, itemId);
  const m = await loadForChange(db, meetingId);
  const { number } = itemOf(m, itemId);
  if (input.outcome === null) {
    await db.deleteFrom('decisions').where('item_id', '=', itemId).execute();
  } else {
    // The field is plain text: stored escaped, so that "- udsat" or "*alle*" print as typed.
    const text = input.text?.trim() ? plainToMarkdown(input.text.trim()) : null;
    const values = { outcome: input.outcome, text, ...(input.public !== undefined ? { publication: decisionPublication(input.public) } : {}) };
    await db
      .insertInto('decisions')
      .values({ item_id: itemId, ...values })
      .onConflict((oc) => oc.column('item_id').doUpdateSet(values))
      .execute();
  }
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.setDecision', payload: { item: number, ...input } });
  // "Anbefales" proposes the item to the next body on its route; another outcome withdraws the proposal.
  await syncProposal(db, itemId);
  return meetingId;
}

export async function setVotes(db: Db, itemId: string, votes: Votes | null): Promise<string> {
  const meetingId = await meetingOfItem(db, itemId);
  const m = await loadForChange(db, meetingId);
  const { item, number, presence } = itemOf(m, itemId);
  if (!item.decision) throw new AppError('Invalid', `Item ${number} has no decision yet; record its outcome before the vote.`, `Punkt ${number} har endnu ingen beslutning; registrér udfaldet før afstemningen.`);
  if (votes) {
    const fault = voteFault(votes, presence, m);
    if (fault) throw new AppError('Invalid', fault, voteFault(votes, presence, m, 'da') ?? fault);
  }
  for (const d of item.decision.dissents ?? []) {
    if (dissentFault(votes ?? undefined, presence, d.member, m)) {
      throw new AppError('Conflict', `${m.name(d.member)} has a dissent recorded on item ${number}, which this vote would no longer support; remove the dissent first.`,
        `${m.name(d.member)} har en protokoltilførsel på punkt ${number}, som denne afstemning ikke længere ville understøtte; fjern protokoltilførslen først.`,
      );
    }
  }
  await db.deleteFrom('votes').where('item_id', '=', itemId).execute();
  if (votes) {
    for (const choice of SIDES) {
      for (const [position, v] of votes[choice].entries()) {
        await db
          .insertInto('votes')
          .values(
            typeof v === 'string'
              ? { item_id: itemId, position, choice, person_id: personId(m, v), party: null, count: null }
              : { item_id: itemId, position, choice, person_id: null, party: v.party, count: v.count },
          )
          .execute();
      }
    }
  }
  await db.updateTable('decisions').set({ has_votes: votes !== null }).where('item_id', '=', itemId).execute();
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.setVotes', payload: { item: number, votes } });
  // The vote is part of what a receiving committee was sent (Sagens forløb).
  await syncProposal(db, itemId);
  return meetingId;
}

export async function addDissent(db: Db, itemId: string, member: string, text: string): Promise<string> {
  const meetingId = await meetingOfItem(db, itemId);
  const m = await loadForChange(db, meetingId);
  const { item, number, presence } = itemOf(m, itemId);
  const pid = personId(m, member);
  if (!item.decision) throw new AppError('Invalid', `Item ${number} has no decision yet; a dissent is recorded with a decision.`, `Punkt ${number} har endnu ingen beslutning; en protokoltilførsel registreres sammen med en beslutning.`);
  const fault = dissentFault(item.decision.votes, presence, member, m);
  if (fault) throw new AppError('Invalid', fault, dissentFault(item.decision.votes, presence, member, m, 'da') ?? fault);
  if ((item.decision.dissents ?? []).some((d) => d.member === member)) {
    throw new AppError('Conflict', `${m.name(member)} already has a dissent recorded on item ${number}; remove it to record another.`,
      `${m.name(member)} har allerede en protokoltilførsel på punkt ${number}; fjern den for at registrere en anden.`,
    );
  }
  const last = await db.selectFrom('dissents').select((eb) => eb.fn.max('position').as('p')).where('item_id', '=', itemId).executeTakeFirst();
  const position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
  await db.insertInto('dissents').values({ item_id: itemId, position, person_id: pid, text: text.trim() }).execute();
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.addDissent', payload: { item: number, member, text } });
  await syncProposal(db, itemId);
  return meetingId;
}

export async function removeDissent(db: Db, itemId: string, member: string): Promise<string> {
  const meetingId = await meetingOfItem(db, itemId);
  const m = await loadForChange(db, meetingId);
  const { number } = itemOf(m, itemId);
  const r = await db.deleteFrom('dissents').where('item_id', '=', itemId).where('person_id', '=', personId(m, member)).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('NotFound', `${m.name(member)} has no dissent recorded on item ${number}.`, `${m.name(member)} har ingen protokoltilførsel på punkt ${number}.`);
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.removeDissent', payload: { item: number, member } });
  await syncProposal(db, itemId);
  return meetingId;
}
