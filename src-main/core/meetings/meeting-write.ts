// Writes a meeting's whole content (items, sections, attendance, decisions, ...) from an
// exchange-format object, replacing what was there. Used by import; the caller holds the transaction.
import type { ExItem, ExMeeting } from '../../../src-shared/exchange';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { newId } from '../util/canonical';

export async function writeMeetingContent(db: Db, meetingId: string, m: ExMeeting, personIds: Map<string, string>, at: string): Promise<number> {
  const person = (key: string, path: string): string => {
    const id = personIds.get(key);
    if (!id) throw new AppError('Invalid', `${at}.${path}: names "${key}", who is not a member of this committee`, `${at}.${path}: nævner "${key}", som ikke er medlem af dette udvalg.`);
    return id;
  };
  await db.deleteFrom('items').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('guests').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('approvals').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('addenda').where('meeting_id', '=', meetingId).execute();

  for (const [position, a] of (m.attendance ?? []).entries()) {
    const p = `attendance[${position}]`;
    await db
      .insertInto('attendance')
      .values({
        meeting_id: meetingId,
        person_id: person(a.member, `${p}.member`),
        position,
        status: a.status,
        substitute_id: a.substitute !== undefined ? person(a.substitute, `${p}.substitute`) : null,
        from_item: a.fromItem ?? null,
        until_item: a.untilItem ?? null,
      })
      .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doNothing())
      .execute()
      .then((r) => {
        if (Number(r[0]?.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('Invalid', `${at}.${p}.member: "${a.member}" appears twice in the attendance`, `${at}.${p}.member: "${a.member}" optræder to gange i fremmødet.`);
      });
  }
  for (const [position, g] of (m.guests ?? []).entries()) {
    await db
      .insertInto('guests')
      .values({ id: newId(), meeting_id: meetingId, position, name: g.name, title: g.title ?? null, items: g.items ? JSON.stringify(g.items) : null })
      .execute();
  }
  for (const [i, a] of (m.approvals ?? []).entries()) {
    await db.insertInto('approvals').values({ meeting_id: meetingId, person_id: person(a.member, `approvals[${i}].member`), at: a.at }).onConflict((oc) => oc.doNothing()).execute();
  }
  for (const a of m.addenda ?? []) {
    await db.insertInto('addenda').values({ id: newId(), meeting_id: meetingId, at: a.at, text: a.text }).execute();
  }

  for (const [position, item] of m.items.entries()) {
    const ip = `items[${position}]`;
    const itemId = newId();
    await db
      .insertInto('items')
      .values({
        id: itemId,
        meeting_id: meetingId,
        position,
        number: item.number ?? null,
        title: item.title,
        case_number: item.caseNumber ?? null,
        access: item.access ?? 'open',
        role: item.role ?? null,
        supplementary: item.supplementary ? 1 : 0,
        postponed_from_meeting_id: item.postponedFrom?.meetingId ?? null,
        postponed_from_number: item.postponedFrom?.number ?? null,
      })
      .execute();
    await writeItemContent(db, itemId, item);
    const seenAbsent = new Set<string>();
    for (const [i, a] of (item.absences ?? []).entries()) {
      if (seenAbsent.has(a.member)) throw new AppError('Invalid', `${at}.${ip}.absences[${i}].member: "${a.member}" is listed twice`, `${at}.${ip}.absences[${i}].member: "${a.member}" er opført to gange.`);
      seenAbsent.add(a.member);
      await db.insertInto('item_absences').values({ item_id: itemId, person_id: person(a.member, `${ip}.absences[${i}].member`), position: i, reason: a.reason }).execute();
    }
    const d = item.decision;
    if (d) {
      await db
        .insertInto('decisions')
        .values({ item_id: itemId, outcome: d.outcome, text: d.text ?? null, public: d.public ? 1 : 0, has_votes: d.votes ? 1 : 0 })
        .execute();
      for (const choice of ['for', 'against', 'abstained'] as const) {
        for (const [i, v] of (d.votes?.[choice] ?? []).entries()) {
          await db
            .insertInto('votes')
            .values(
              typeof v === 'string'
                ? { item_id: itemId, position: i, choice, person_id: person(v, `${ip}.decision.votes.${choice}[${i}]`), party: null, count: null }
                : { item_id: itemId, position: i, choice, person_id: null, party: v.party, count: v.count },
            )
            .execute();
        }
      }
      for (const [i, x] of (d.dissents ?? []).entries()) {
        await db.insertInto('dissents').values({ item_id: itemId, position: i, person_id: person(x.member, `${ip}.decision.dissents[${i}].member`), text: x.text }).execute();
      }
    }
  }
  return m.items.length;
}

/** An item's route, sections and attachments, written to a new item (import, carried items). */
export async function writeItemContent(db: Db, itemId: string, item: Pick<ExItem, 'route' | 'sections' | 'attachments'>): Promise<void> {
  for (const [i, r] of (item.route ?? []).entries()) {
    await db.insertInto('item_route_steps').values({ item_id: itemId, position: i, body: r.body, date: r.date ?? null }).execute();
  }
  for (const [i, s] of (item.sections ?? []).entries()) {
    await db.insertInto('item_sections').values({ id: newId(), item_id: itemId, position: i, kind: s.kind, heading: s.heading || null, body: s.body }).execute();
  }
  for (const [i, a] of (item.attachments ?? []).entries()) {
    await db
      .insertInto('attachments')
      .values({ id: newId(), item_id: itemId, position: i, title: a.title, access: a.access ?? 'open', sha256: a.sha256 ?? null, file_name: a.file ?? null })
      .execute();
  }
}
