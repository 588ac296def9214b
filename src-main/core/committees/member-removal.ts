// Deleting a member added by mistake. Only someone who appears in no meeting's record (attendance,
// as a substitute, votes, dissents, approvals, absences under an item) can go; anyone else is part
// of the minutes, and the refusal says so and points to ending the membership instead.
import { appendChange } from '../changelog/changelog';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import type { Committee } from '../../../src-shared/domain';
import { getCommittee } from './committees.service';

/** The meetings whose record names this person, by the part that names them. */
async function recordsOf(db: Db, personId: string): Promise<{ meetings: number; parts: string[]; partsDa: string[] }> {
  const meetings = new Set<string>();
  const parts: string[] = [];
  const partsDa: string[] = [];
  const note = (ids: { meeting_id: string }[], en: string, da: string): void => {
    if (ids.length === 0) return;
    for (const r of ids) meetings.add(r.meeting_id);
    parts.push(en);
    partsDa.push(da);
  };
  note(await db.selectFrom('attendance').select('meeting_id').where((eb) => eb.or([eb('person_id', '=', personId), eb('substitute_id', '=', personId)])).execute(), 'attendance', 'fremmøde');
  const itemsOf = () => db.selectFrom('items').select('meeting_id');
  note(await itemsOf().where('id', 'in', (eb) => eb.selectFrom('votes').select('item_id').where('person_id', '=', personId)).execute(), 'votes', 'afstemninger');
  note(await itemsOf().where('id', 'in', (eb) => eb.selectFrom('dissents').select('item_id').where('person_id', '=', personId)).execute(), 'dissents', 'protokoltilførsler');
  note(await itemsOf().where('id', 'in', (eb) => eb.selectFrom('item_absences').select('item_id').where('person_id', '=', personId)).execute(), 'absences under an item', 'fravær under et punkt');
  note(await db.selectFrom('approvals').select('meeting_id').where('person_id', '=', personId).execute(), 'approvals', 'godkendelser');
  return { meetings: meetings.size, parts, partsDa };
}

const listDa = (xs: string[]): string => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]}`);
const listEn = (xs: string[]): string => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

export async function removeMember(db: Db, committeeId: string, key: string): Promise<Committee> {
  const m = await db
    .selectFrom('memberships as ms')
    .innerJoin('people as p', 'p.id', 'ms.person_id')
    .select(['ms.id', 'ms.person_id', 'p.name'])
    .where('ms.committee_id', '=', committeeId)
    .where('p.key', '=', key)
    .executeTakeFirst();
  if (!m) throw new AppError('NotFound', `The committee has no member with the key "${key}".`, `Udvalget har intet medlem med nøglen "${key}".`);
  const used = await recordsOf(db, m.person_id);
  if (used.meetings > 0) {
    const n = used.meetings;
    throw new AppError(
      'Conflict',
      `${m.name} cannot be deleted: ${n === 1 ? 'one meeting records' : `${n} meetings record`} them (${listEn(used.parts)}). End the membership instead; the minutes keep the name.`,
      `${m.name} kan ikke slettes, fordi ${n === 1 ? 'ét møde' : `${n} møder`} har vedkommende i protokollen (${listDa(used.partsDa)}). Afslut medlemskabet i stedet; referaterne beholder navnet.`,
    );
  }
  await db.deleteFrom('memberships').where('id', '=', m.id).execute();
  // The person record goes too, unless another committee still has them.
  const elsewhere = await db.selectFrom('memberships').select('id').where('person_id', '=', m.person_id).executeTakeFirst();
  if (!elsewhere) await db.deleteFrom('people').where('id', '=', m.person_id).execute();
  await appendChange(db, { committeeId, action: 'member.remove', payload: { key, name: m.name } });
  return getCommittee(db, committeeId);
}
