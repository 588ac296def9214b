// Writes a meeting's whole content (items, sections, attendance, decisions, ...) from an
// exchange-format object, replacing what was there. Used by import; the caller holds the
// transaction. Rows go in a table at a time (a few statements per meeting, not one per row).
import type { ExItem, ExMeeting } from '../../../src-shared/exchange';
import { AppError } from '../errors';
import type { Database, Db } from '../store/database';
import { insertRows } from '../store/batches';
import type { Insertable } from 'kysely';
import { newId } from '../util/canonical';
import { holdProposals } from '../flow/keep-proposals';

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };
const push = <T extends keyof Database>(rows: Rows, table: T, row: Insertable<Database[T]>): void => {
  ((rows[table] ??= []) as Insertable<Database[T]>[]).push(row);
};

/** Tables in the order their rows may be inserted (a row's parent first). */
const ORDER: (keyof Database)[] = ['attendance', 'guests', 'approvals', 'addenda', 'items', 'item_route_steps', 'item_sections', 'attachments', 'item_absences', 'decisions', 'votes', 'dissents'];

/** `fresh`: the meeting was just created, so there is nothing of it to delete first. */
export async function writeMeetingContent(db: Db, meetingId: string, m: ExMeeting, personIds: Map<string, string>, at: string, fresh = false): Promise<number> {
  const person = (key: string, path: string): string => {
    const id = personIds.get(key);
    if (!id) throw new AppError('Invalid', `${at}.${path}: names "${key}", who is not a member of this committee`, `${at}.${path}: nævner "${key}", som ikke er medlem af dette udvalg.`);
    return id;
  };
  // Proposals between committees refer to items by id: held across the rewrite (flow/keep-proposals.ts).
  const restoreProposals = fresh ? null : await holdProposals(db, meetingId);
  if (!fresh) {
    await db.deleteFrom('items').where('meeting_id', '=', meetingId).execute();
    await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
    await db.deleteFrom('guests').where('meeting_id', '=', meetingId).execute();
    await db.deleteFrom('approvals').where('meeting_id', '=', meetingId).execute();
    await db.deleteFrom('addenda').where('meeting_id', '=', meetingId).execute();
  }
  const rows: Rows = {};
  const attending = new Set<string>();
  for (const [position, a] of (m.attendance ?? []).entries()) {
    const p = `attendance[${position}]`;
    const personId = person(a.member, `${p}.member`);
    if (attending.has(personId)) throw new AppError('Invalid', `${at}.${p}.member: "${a.member}" appears twice in the attendance`, `${at}.${p}.member: "${a.member}" optræder to gange i fremmødet.`);
    attending.add(personId);
    push(rows, 'attendance', {
      meeting_id: meetingId,
      person_id: personId,
      position,
      status: a.status,
      substitute_id: a.substitute !== undefined ? person(a.substitute, `${p}.substitute`) : null,
      from_item: a.fromItem ?? null,
      until_item: a.untilItem ?? null,
    });
  }
  for (const [position, g] of (m.guests ?? []).entries()) {
    push(rows, 'guests', { id: newId(), meeting_id: meetingId, position, name: g.name, title: g.title ?? null, items: g.items ? JSON.stringify(g.items) : null });
  }
  const approved = new Set<string>();
  for (const [i, a] of (m.approvals ?? []).entries()) {
    const personId = person(a.member, `approvals[${i}].member`);
    // A member approves once; a repeat is ignored, as before.
    if (!approved.has(personId)) push(rows, 'approvals', { meeting_id: meetingId, person_id: personId, at: a.at });
    approved.add(personId);
  }
  for (const a of m.addenda ?? []) push(rows, 'addenda', { id: newId(), meeting_id: meetingId, at: a.at, text: a.text });

  for (const [position, item] of m.items.entries()) {
    const ip = `items[${position}]`;
    const itemId = newId();
    push(rows, 'items', {
      id: itemId,
      meeting_id: meetingId,
      position,
      number: item.number ?? null,
      title: item.title,
      case_number: item.caseNumber ?? null,
      access: item.access ?? 'open',
      ...closureColumns(item),
      role: item.role ?? null,
      supplementary: item.supplementary === true,
      postponed_from_meeting_id: item.postponedFrom?.meetingId ?? null,
      postponed_from_number: item.postponedFrom?.number ?? null,
    });
    itemContentRows(rows, itemId, item);
    const seenAbsent = new Set<string>();
    for (const [i, a] of (item.absences ?? []).entries()) {
      if (seenAbsent.has(a.member)) throw new AppError('Invalid', `${at}.${ip}.absences[${i}].member: "${a.member}" is listed twice`, `${at}.${ip}.absences[${i}].member: "${a.member}" er opført to gange.`);
      seenAbsent.add(a.member);
      push(rows, 'item_absences', { item_id: itemId, person_id: person(a.member, `${ip}.absences[${i}].member`), position: i, reason: a.reason });
    }
    const d = item.decision;
    if (d) {
      push(rows, 'decisions', { item_id: itemId, outcome: d.outcome, text: d.text ?? null, publication: decisionPublication(d.public), has_votes: Boolean(d.votes) });
      for (const choice of ['for', 'against', 'abstained'] as const) {
        for (const [i, v] of (d.votes?.[choice] ?? []).entries()) {
          push(
            rows,
            'votes',
            typeof v === 'string'
              ? { item_id: itemId, position: i, choice, person_id: person(v, `${ip}.decision.votes.${choice}[${i}]`), party: null, count: null }
              : { item_id: itemId, position: i, choice, person_id: null, party: v.party, count: v.count },
          );
        }
      }
      for (const [i, x] of (d.dissents ?? []).entries()) push(rows, 'dissents', { item_id: itemId, position: i, person_id: person(x.member, `${ip}.decision.dissents[${i}].member`), text: x.text });
    }
  }
  for (const table of ORDER) await insertRows(db, table, (rows[table] ?? []) as never[]);
  await restoreProposals?.();
  return m.items.length;
}

function itemContentRows(rows: Rows, itemId: string, item: Pick<ExItem, 'route' | 'sections' | 'attachments'>): void {
  for (const [i, r] of (item.route ?? []).entries()) push(rows, 'item_route_steps', { item_id: itemId, position: i, body: r.body, date: r.date ?? null });
  for (const [i, s] of (item.sections ?? []).entries()) push(rows, 'item_sections', { id: newId(), item_id: itemId, position: i, kind: s.kind, heading: s.heading || null, body: s.body });
  for (const [i, a] of (item.attachments ?? []).entries()) {
    push(rows, 'attachments', { id: newId(), item_id: itemId, position: i, title: a.title, access: a.access ?? 'open', sha256: a.sha256 ?? null, file_name: a.file ?? null });
  }
}

/** A closed item's public title and reason, as stored: they travel with the item wherever it goes. */
export const closureColumns = (item: Pick<ExItem, 'publicTitle' | 'closedReason'>) => ({
  public_title: item.publicTitle ?? null,
  closed_reason: item.closedReason?.kind ?? null,
  closed_reason_text: item.closedReason?.text || null,
});

/** `decision.public` as stored: absent means "as the committee's publication profile says". */
export const decisionPublication = (pub: boolean | null | undefined): 'published' | 'withheld' | null => (pub === undefined || pub === null ? null : pub ? 'published' : 'withheld');

/** An item's route, sections and attachments, written to a new item (import, carried items). */
export async function writeItemContent(db: Db, itemId: string, item: Pick<ExItem, 'route' | 'sections' | 'attachments'>): Promise<void> {
  const rows: Rows = {};
  itemContentRows(rows, itemId, item);
  for (const table of ['item_route_steps', 'item_sections', 'attachments'] as const) await insertRows(db, table, (rows[table] ?? []) as never[]);
}
