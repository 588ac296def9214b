// A committee's members: added with role, title and party, edited, and their membership ended
// (a member who left still appears in the meetings they took part in); one added by mistake, who
// appears in no meeting, is deleted (member-removal.ts).
import type { Committee, MemberRole } from '../../../src-shared/domain';
import { appendChange } from '../changelog/changelog';
import { AppError, notFound } from '../errors';
import type { Db } from '../store/database';
import { newId } from '../util/canonical';
import { getCommittee } from './committees.service';
import { assertMemberFits } from './member-rules';

export type MemberInput = {
  name: string;
  role: MemberRole;
  title?: string | null | undefined;
  party?: string | null | undefined;
  from?: string | null | undefined;
  until?: string | null | undefined;
};

/** "Holger Mikkelsen" -> "holger-mikkelsen": a readable key for the exchange format, unique over all people. */
async function freeKey(db: Db, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'oe')
      .replaceAll('å', 'aa')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'medlem';
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await db.selectFrom('people').select('id').where('key', '=', key).executeTakeFirst())) return key;
  }
}

function checkPeriod(from: string | null | undefined, until: string | null | undefined): void {
  if (from && until && until < from) throw new AppError('Invalid', `The membership cannot end (${until}) before it begins (${from}).`, `Medlemskabet kan ikke slutte (${until}), før det begynder (${from}).`);
}

export async function addMember(db: Db, committeeId: string, input: MemberInput): Promise<Committee> {
  const committee = await db.selectFrom('committees').select('id').where('id', '=', committeeId).executeTakeFirst();
  if (!committee) throw notFound('The committee', 'Udvalget');
  checkPeriod(input.from, input.until);
  await assertMemberFits(db, committeeId, { name: input.name, role: input.role, from: input.from ?? null, until: input.until ?? null }, null);
  const person = { id: newId(), key: await freeKey(db, input.name), name: input.name };
  await db.insertInto('people').values(person).execute();
  const last = await db.selectFrom('memberships').select((e) => e.fn.max('position').as('p')).where('committee_id', '=', committeeId).executeTakeFirst();
  await db
    .insertInto('memberships')
    .values({
      id: newId(),
      committee_id: committeeId,
      person_id: person.id,
      position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
      role: input.role,
      title: input.title || null,
      party: input.party || null,
      valid_from: input.from || null,
      valid_until: input.until || null,
    })
    .execute();
  await appendChange(db, { committeeId, action: 'member.add', payload: { key: person.key, ...input } });
  return getCommittee(db, committeeId);
}

async function membership(db: Db, committeeId: string, key: string) {
  const row = await db
    .selectFrom('memberships as ms')
    .innerJoin('people as p', 'p.id', 'ms.person_id')
    .select(['ms.id', 'ms.person_id', 'ms.valid_from', 'ms.valid_until', 'ms.role', 'p.name'])
    .where('ms.committee_id', '=', committeeId)
    .where('p.key', '=', key)
    .executeTakeFirst();
  if (!row) throw new AppError('NotFound', `The committee has no member with the key "${key}".`, `Udvalget har intet medlem med nøglen "${key}".`);
  return row;
}

export async function updateMember(db: Db, committeeId: string, key: string, patch: Partial<MemberInput>): Promise<Committee> {
  const m = await membership(db, committeeId, key);
  const from = patch.from !== undefined ? (patch.from ?? null) : m.valid_from;
  const until = patch.until !== undefined ? (patch.until ?? null) : m.valid_until;
  checkPeriod(from, until);
  await assertMemberFits(db, committeeId, { name: patch.name ?? m.name, role: patch.role ?? m.role, from, until }, key);
  if (patch.name !== undefined) await db.updateTable('people').set({ name: patch.name }).where('id', '=', m.person_id).execute();
  const set = {
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.title !== undefined ? { title: patch.title || null } : {}),
    ...(patch.party !== undefined ? { party: patch.party || null } : {}),
    ...(patch.from !== undefined ? { valid_from: patch.from || null } : {}),
    ...(patch.until !== undefined ? { valid_until: patch.until || null } : {}),
  };
  if (Object.keys(set).length > 0) await db.updateTable('memberships').set(set).where('id', '=', m.id).execute();
  await appendChange(db, { committeeId, action: 'member.update', payload: { key, ...patch } });
  return getCommittee(db, committeeId);
}

export async function endMembership(db: Db, committeeId: string, key: string, until: string): Promise<Committee> {
  const m = await membership(db, committeeId, key);
  checkPeriod(m.valid_from, until);
  await db.updateTable('memberships').set({ valid_until: until }).where('id', '=', m.id).execute();
  await appendChange(db, { committeeId, action: 'member.end', payload: { key, until } });
  return getCommittee(db, committeeId);
}
