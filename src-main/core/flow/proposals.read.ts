// Reading proposals: a committee's inbox, one proposal opened with the item as it would land, and
// the proposal of each item of a sending meeting (meeting mode shows the sender what became of it).
import type { ProposalDetail, ProposalSummary } from '../../../src-shared/api/proposals';
import { notFound } from '../errors';
import type { Db, ProposalTable } from '../store/database';
import { numbersOfItems } from '../meetings/meeting-numbers';
import { itemOf, loadMeeting } from '../meetingday/meeting-context';
import { historyEntry, withHistory } from './history';
import { nextMeetingOf } from './target';
import type { Selectable } from 'kysely';

type ProposalRow = Selectable<ProposalTable>;

function baseQuery(db: Db) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('items as si', 'si.id', 'p.source_item_id')
    .innerJoin('meetings as sm', 'sm.id', 'si.meeting_id')
    .innerJoin('committees as sc', 'sc.id', 'sm.committee_id')
    .innerJoin('committees as tc', 'tc.id', 'p.target_committee_id')
    .leftJoin('items as ai', 'ai.id', 'p.accepted_item_id')
    .leftJoin('meetings as am', 'am.id', 'ai.meeting_id')
    .selectAll('p')
    .select(['si.title', 'si.case_number', 'sm.id as source_meeting_id', 'sm.start as source_start', 'sc.id as source_committee_id', 'sc.name as source_committee_name'])
    .select(['tc.name as target_committee_name', 'am.id as accepted_meeting_id', 'am.start as accepted_start']);
}
type Joined = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function toSummaries(db: Db, rows: Joined[]): Promise<ProposalSummary[]> {
  const numbers = await numbersOfItems(db, [...rows.map((r) => r.source_item_id), ...rows.flatMap((r) => (r.accepted_item_id ? [r.accepted_item_id] : []))]);
  const out: ProposalSummary[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      status: r.status,
      title: r.title,
      caseNumber: r.case_number,
      from: { committeeId: r.source_committee_id, committeeName: r.source_committee_name, meetingId: r.source_meeting_id, start: r.source_start, number: numbers.get(r.source_item_id) ?? 0 },
      to: { committeeId: r.target_committee_id, committeeName: r.target_committee_name },
      meeting: r.status === 'pending' ? await nextMeetingOf(db, r.target_committee_id, r.not_before) : null,
      createdAt: r.created_at,
      createdBy: r.created_by,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by,
      reason: r.reason,
      accepted:
        r.accepted_item_id && r.accepted_meeting_id && r.accepted_start
          ? { meetingId: r.accepted_meeting_id, start: r.accepted_start, itemId: r.accepted_item_id, number: numbers.get(r.accepted_item_id) ?? 0 }
          : null,
      change: r.change_at !== null && r.change_now !== null ? { at: r.change_at, by: r.change_by, was: r.accepted_decision, now: r.change_now } : null,
    });
  }
  return out;
}

/** A committee's inbox, oldest first: the pending proposals and the accepted ones whose sending decision changed, or all of them. */
export async function listProposals(db: Db, committeeId: string, all = false): Promise<ProposalSummary[]> {
  let q = baseQuery(db).where('p.target_committee_id', '=', committeeId);
  if (!all) q = q.where((eb) => eb.or([eb('p.status', '=', 'pending'), eb('p.change_at', 'is not', null)]));
  return toSummaries(db, await q.orderBy('p.created_at').orderBy('p.id').execute());
}

export async function proposalSummary(db: Db, proposalId: string): Promise<ProposalSummary> {
  const row = await baseQuery(db).where('p.id', '=', proposalId).executeTakeFirst();
  if (!row) throw notFound('The proposal', 'Forslaget');
  return (await toSummaries(db, [row]))[0]!;
}

/** The proposals made from the items of one (sending) meeting, by item id. */
export async function proposalsFromMeeting(db: Db, meetingId: string): Promise<Map<string, ProposalSummary>> {
  const rows = await baseQuery(db).where('sm.id', '=', meetingId).where('p.status', '!=', 'withdrawn').execute();
  const summaries = await toSummaries(db, rows);
  return new Map(rows.map((r, i) => [r.source_item_id, summaries[i]!]));
}

/** The proposal opened: the item as accepting it would put it on the agenda, its history included. */
export async function getProposal(db: Db, proposalId: string): Promise<ProposalDetail> {
  const summary = await proposalSummary(db, proposalId);
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', proposalId).executeTakeFirstOrThrow();
  const { item, source, number } = await proposedItem(db, row);
  return {
    ...summary,
    access: item.access ?? 'open',
    sections: withHistory(item.sections ?? [], historyEntry(source, item, number)).map((s) => ({ kind: s.kind, heading: s.heading ?? null, body: s.body })),
    attachments: (item.attachments ?? []).map((a) => ({ title: a.title })),
    route: (item.route ?? []).map((r) => ({ body: r.body, date: r.date ?? null })),
  };
}

/** The sending meeting and the item as it stands there now (its decision, votes and dissents included). */
export async function proposedItem(db: Db, row: Pick<ProposalRow, 'source_item_id'>) {
  const { meeting_id } = await db.selectFrom('items').select('meeting_id').where('id', '=', row.source_item_id).executeTakeFirstOrThrow();
  const source = await loadMeeting(db, meeting_id);
  return { source, ...itemOf(source, row.source_item_id) };
}
