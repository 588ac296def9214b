// What meeting mode shows: items with numbers, decisions, votes and counts, per-item presence,
// seats, members, phrases, guests, carried and proposed items, approvals (with who is missing) and addenda.
import { countVotes, type ItemView, type MeetingDayView } from '../../../src-shared/api/meetingday';
import { resolveTemplate, type CommitteeTemplate } from '../../../src-shared/domain';
import type { Db } from '../store/database';
import { numbersOfMeetingIds } from '../meetings/meeting-numbers';
import { presenceByItem, seats } from '../meetings/presence';
import { loadMeeting } from './meeting-context';
import { markdownToPlain } from '../documents/plain-text';
import { signatories } from './approval.service';
import { nextBodyOnRoute } from './carry.service';
import { proposalsFromMeeting } from '../flow/proposals.read';

export async function getMeetingDay(db: Db, meetingId: string): Promise<MeetingDayView> {
  const m = await loadMeeting(db, meetingId);
  const template = resolveTemplate(JSON.parse(m.committee.template) as CommitteeTemplate);
  const presence = presenceByItem(m.members, m.meeting);
  const carried = await carriedItems(db, meetingId);
  const proposals = await proposalsFromMeeting(db, meetingId);
  const guests = m.meeting.guests ?? [];

  const items: ItemView[] = m.meeting.items.map((item, index) => {
    const number = item.number ?? index + 1;
    const p = presence.get(number);
    const d = item.decision ?? null;
    return {
      id: m.itemIds[index]!,
      number,
      title: item.title,
      caseNumber: item.caseNumber ?? null,
      access: item.access ?? 'open',
      role: item.role ?? null,
      route: (item.route ?? []).map((r) => ({ body: r.body, date: r.date ?? null })),
      postponedFrom: item.postponedFrom ?? null,
      // The decision's text as typed (plain); the store holds it as Markdown.
      decision: d && d.text !== undefined ? { ...d, text: markdownToPlain(d.text) } : d,
      voteCounts: d?.votes ? countVotes(d.votes) : null,
      participants: p?.participants ?? [],
      apologies: p?.apologies ?? [],
      absent: p?.absent ?? [],
      disqualified: p?.disqualified ?? [],
      markedAbsences: item.absences ?? [],
      guests: guests.filter((g) => g.items?.includes(number)).map((g) => ({ name: g.name, title: g.title ?? null })),
      carriedTo: carried.get(number) ?? null,
      nextBody: nextBodyOnRoute(item.route, m.committee)?.body ?? null,
      proposal: proposals.get(m.itemIds[index]!) ?? null,
    };
  });
  const signers = signatories(m.members, m.meeting);
  const approvals = m.meeting.approvals ?? [];
  return {
    meeting: {
      id: m.row.id,
      committeeId: m.committee.id,
      committeeName: m.committee.name,
      start: m.row.start,
      end: m.row.end,
      location: m.row.location,
      status: m.row.status,
      lockedAt: m.row.locked_at,
      contentHash: m.row.content_hash,
    },
    members: m.members.map((x) => ({ key: x.key, name: x.name, title: x.title ?? null, party: x.party ?? null, role: x.role, from: x.from ?? null, until: x.until ?? null })),
    phrases: template.phrases,
    seats: seats(m.members, m.meeting).map((s) => {
      const a = (m.meeting.attendance ?? []).find((x) => x.member === s.holder);
      return { holder: s.holder, sitting: s.sitting, status: s.status, substitute: a?.substitute ?? null, fromItem: s.fromItem ?? null, untilItem: s.untilItem ?? null };
    }),
    guests: guests.map((g) => ({ name: g.name, title: g.title ?? null, items: g.items ?? null })),
    items,
    signatories: signers,
    approvals,
    missingApprovals: signers.filter((k) => !approvals.some((a) => a.member === k)),
    addenda: (m.meeting.addenda ?? []).map((a) => ({ at: a.at, text: markdownToPlain(a.text) })),
  };
}

/** Items of other meetings that carry on this meeting's items, by the number they came from. */
async function carriedItems(db: Db, meetingId: string): Promise<Map<number, NonNullable<ItemView['carriedTo']>>> {
  const rows = await db
    .selectFrom('items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['i.id', 'i.postponed_from_number', 'm.id as meeting_id', 'm.start', 'm.committee_id', 'c.name'])
    .where('i.postponed_from_meeting_id', '=', meetingId)
    .execute();
  const out = new Map<number, NonNullable<ItemView['carriedTo']>>();
  // The meetings the items went to, numbered together (one count per committee and year at most).
  const numbers = await numbersOfMeetingIds(db, [...new Set(rows.map((r) => r.meeting_id))]);
  for (const r of rows) {
    out.set(r.postponed_from_number ?? 0, { meetingId: r.meeting_id, start: r.start, committeeName: r.name, number: numbers.get(r.id) ?? 0 });
  }
  return out;
}
