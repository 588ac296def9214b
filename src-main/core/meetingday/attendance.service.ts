// Attendance: the roll call (present, afbud, absent), substitutes called in, arrival and
// departure at an item, guests of an item, and absence or disqualification set on one item.
import type { AttendanceEntry } from '../../../src-shared/api/meetingday';
import type { ExAttendance, ExMeeting } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { newId } from '../util/canonical';
import { presenceByItem, seatHolders, seats } from '../meetings/presence';
import { itemOf, loadForChange, meetingOfItem, personId, type LoadedMeeting } from './meeting-context';
import { dissentFault, voteFault } from './vote-rules';

const invalid = (message: string, da: string): AppError => new AppError('Invalid', message, da);

export async function setAttendance(db: Db, meetingId: string, entries: AttendanceEntry[]): Promise<void> {
  const m = await loadForChange(db, meetingId);
  const day = m.row.start.slice(0, 10);
  const holders = new Set(seatHolders(m.members, m.row.start).map((h) => h.key));
  const numbers = new Set(m.meeting.items.map((i, index) => i.number ?? index + 1));
  const attendance = new Map((m.meeting.attendance ?? []).map((a) => [a.member, a]));
  const named = new Set<string>();

  for (const e of entries) {
    const who = m.name(e.member);
    if (named.has(e.member)) throw invalid(`${who} is named twice in the roll call.`, `${who} er nævnt to gange i fremmødet.`);
    named.add(e.member);
    if (!holders.has(e.member) && !attendance.has(e.member)) throw invalid(`${who} has no seat on ${m.committee.name} on ${formatShortDa(day)}.`, `${who} har ingen plads i ${m.committee.name} den ${formatShortDa(day)}.`);
    const substitute = e.substitute ?? null;
    if (substitute !== null) {
      if (e.status === 'present') throw invalid(`${who} cannot be both present and substituted.`, `${who} kan ikke både være til stede og have en stedfortræder.`);
      const sub = m.members.find((x) => x.key === substitute);
      const inPeriod = sub && (sub.from === undefined || sub.from <= day) && (sub.until === undefined || sub.until >= day);
      if (!sub || sub.role !== 'substitute' || !inPeriod) throw invalid(`${m.name(substitute)} is not a substitute (suppleant) of ${m.committee.name} on ${formatShortDa(day)}.`, `${m.name(substitute)} er ikke stedfortræder (suppleant) i ${m.committee.name} den ${formatShortDa(day)}.`);
    }
    for (const [field, n] of [['fromItem', e.fromItem], ['untilItem', e.untilItem]] as const) {
      if (n !== null && n !== undefined && !numbers.has(n)) throw invalid(`${field}: the meeting has no item ${n}.`, `${field}: mødet har intet punkt ${n}.`);
    }
    const from = e.fromItem ?? null;
    const until = e.untilItem ?? null;
    if (from !== null && until !== null && until < from) throw invalid(`${who} cannot leave after item ${until} before arriving at item ${from}.`, `${who} kan ikke gå efter punkt ${until}, når vedkommende først kommer ved punkt ${from}.`);
    if ((from !== null || until !== null) && e.status !== 'present' && substitute === null) {
      throw invalid(`${who} is not present, so has no arrival or departure to record.`, `${who} er ikke til stede, så der er ingen ankomst eller afgang at registrere.`);
    }
    const row: ExAttendance = { member: e.member, status: e.status };
    if (substitute !== null) row.substitute = substitute;
    if (from !== null) row.fromItem = from;
    if (until !== null) row.untilItem = until;
    attendance.set(e.member, row);
  }

  const next: ExMeeting = { ...m.meeting, attendance: orderBySeat(m, [...attendance.values()]) };
  const seatsOf = new Map<string, string[]>();
  for (const seat of seats(m.members, next)) {
    if (seat.sitting !== null) seatsOf.set(seat.sitting, [...(seatsOf.get(seat.sitting) ?? []), seat.holder]);
  }
  for (const [who, holders] of seatsOf) {
    if (holders.length < 2) continue;
    // Name the seat they already had, not the one this roll call tries to give them.
    const other = holders.find((h) => !named.has(h)) ?? holders[0]!;
    const already = other === who ? 'in their own seat' : `in place of ${m.name(other)}`;
    const alreadyDa = other === who ? 'på sin egen plads' : `i stedet for ${m.name(other)}`;
    throw new AppError('Conflict', `${m.name(who)} is already seated at this meeting (${already}).`, `${m.name(who)} har allerede en plads ved dette møde (${alreadyDa}).`);
  }
  assertRecordsStillHold(m, next);

  await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  for (const [position, a] of (next.attendance ?? []).entries()) {
    await db
      .insertInto('attendance')
      .values({
        meeting_id: meetingId,
        person_id: personId(m, a.member),
        position,
        status: a.status,
        substitute_id: a.substitute !== undefined ? personId(m, a.substitute) : null,
        from_item: a.fromItem ?? null,
        until_item: a.untilItem ?? null,
      })
      .execute();
  }
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.setAttendance', payload: { entries } });
}

function orderBySeat(m: LoadedMeeting, list: ExAttendance[]): ExAttendance[] {
  const order = new Map(m.members.map((x, i) => [x.key, i]));
  return [...list].sort((a, b) => (order.get(a.member) ?? 1e9) - (order.get(b.member) ?? 1e9));
}

/** A change of attendance must not leave a recorded vote or dissent by someone not there. */
function assertRecordsStillHold(m: LoadedMeeting, next: ExMeeting): void {
  const presence = presenceByItem(m.members, next);
  for (const [index, item] of next.items.entries()) {
    const p = presence.get(item.number ?? index + 1);
    const d = item.decision;
    if (!p || !d) continue;
    const fault = d.votes ? voteFault(d.votes, p, m) : null;
    if (d.votes && fault) throw new AppError('Conflict', `${fault} Change the vote first.`, `${voteFault(d.votes, p, m, 'da') ?? fault} Ret afstemningen først.`);
    for (const x of d.dissents ?? []) {
      if (dissentFault(d.votes, p, x.member, m)) throw new AppError('Conflict', `${m.name(x.member)} has a dissent recorded on item ${p.number}, so must remain present for it; remove the dissent first.`,
          `${m.name(x.member)} har en protokoltilførsel på punkt ${p.number} og skal derfor fortsat være til stede ved det; fjern protokoltilførslen først.`,
        );
    }
  }
}

export type GuestInput = { name: string; title?: string | null | undefined; items?: number[] | null | undefined };

export async function setGuests(db: Db, meetingId: string, guests: GuestInput[]): Promise<void> {
  const m = await loadForChange(db, meetingId);
  const numbers = new Set(m.meeting.items.map((i, index) => i.number ?? index + 1));
  for (const g of guests) {
    for (const n of g.items ?? []) if (!numbers.has(n)) throw invalid(`${g.name} is listed for item ${n}, which the meeting does not have.`, `${g.name} er opført ved punkt ${n}, som mødet ikke har.`);
  }
  await db.deleteFrom('guests').where('meeting_id', '=', meetingId).execute();
  for (const [position, g] of guests.entries()) {
    const items = g.items && g.items.length > 0 ? JSON.stringify([...new Set(g.items)].sort((a, b) => a - b)) : null;
    await db.insertInto('guests').values({ id: newId(), meeting_id: meetingId, position, name: g.name, title: g.title || null, items }).execute();
  }
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.setGuests', payload: { guests } });
}

export async function setItemAbsence(db: Db, itemId: string, member: string, reason: 'absent' | 'disqualified' | null): Promise<string> {
  const meetingId = await meetingOfItem(db, itemId);
  const m = await loadForChange(db, meetingId);
  const { item, number, presence, index } = itemOf(m, itemId);
  const pid = personId(m, member);
  const marked = item.absences ?? [];
  if (reason !== null && !marked.some((a) => a.member === member) && !presence.participants.includes(member)) {
    throw invalid(`${m.name(member)} does not take part in item ${number}, so cannot be marked ${reason === 'absent' ? 'absent' : 'disqualified'} for it.`,
      `${m.name(member)} deltager ikke i punkt ${number} og kan derfor ikke markeres som ${reason === 'absent' ? 'fraværende' : 'inhabil'} ved det.`,
    );
  }
  const absences = marked.filter((a) => a.member !== member);
  if (reason !== null) absences.push({ member, reason });
  const items = m.meeting.items.map((x, i) => (i === index ? { ...x, absences } : x));
  assertRecordsStillHold(m, { ...m.meeting, items });

  await db.deleteFrom('item_absences').where('item_id', '=', itemId).where('person_id', '=', pid).execute();
  if (reason !== null) {
    const last = await db.selectFrom('item_absences').select((eb) => eb.fn.max('position').as('p')).where('item_id', '=', itemId).executeTakeFirst();
    const position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
    await db.insertInto('item_absences').values({ item_id: itemId, person_id: pid, position, reason }).execute();
  }
  await appendChange(db, { meetingId, committeeId: m.committee.id, action: 'meetingday.setItemAbsence', payload: { item: number, member, reason } });
  return meetingId;
}
