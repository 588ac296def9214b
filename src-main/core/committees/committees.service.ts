// Committees: their house style (template), numbering rule, defaults and members.
import { DEFAULT_PUBLICATION_PROFILE, type Committee, type CommitteeSummary, type CommitteeTemplate, type NumberingRule, type PublicationProfile } from '../../../src-shared/domain';
import { AppError, notFound } from '../errors';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { newId, nowIso } from '../util/canonical';
import { committeesRepository as repo } from './committees.repository';
import type { ExMember } from '../../../src-shared/exchange';

export async function listCommittees(db: Db): Promise<CommitteeSummary[]> {
  const rows = await repo.list(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    numbering: r.numbering,
    meetingCount: Number(r.meeting_count ?? 0),
    nextMeeting: (r.next_meeting as string | null) ?? null,
  }));
}

export async function getCommittee(db: Db, id: string): Promise<Committee> {
  const row = await repo.byId(db, id);
  if (!row) throw notFound('The committee', 'Udvalget');
  const members = await repo.members(db, id);
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    numbering: row.numbering,
    defaults: { location: row.default_location, start: row.default_start, end: row.default_end },
    template: JSON.parse(row.template) as CommitteeTemplate,
    publicationProfile: row.publication_profile,
    members: members.map((m) => ({ key: m.key, name: m.name, title: m.title, party: m.party, role: m.role, from: m.valid_from, until: m.valid_until })),
  };
}

export async function findCommittee(db: Db, nameOrShort: string): Promise<{ id: string; name: string }> {
  const row = await repo.byNameOrShort(db, nameOrShort);
  if (!row) throw new AppError('NotFound', `No committee is called "${nameOrShort}" (by name or short name).`, `Der findes intet udvalg med navnet eller forkortelsen "${nameOrShort}".`);
  return row;
}

export type CommitteeInput = {
  name: string;
  shortName?: string | null | undefined;
  numbering: NumberingRule;
  defaults?: { location?: string | null | undefined; start?: string | null | undefined; end?: string | null | undefined } | undefined;
  template?: CommitteeTemplate | undefined;
  publicationProfile?: PublicationProfile | undefined;
};

async function assertNameFree(db: Db, name: string, shortName: string | null | undefined, exceptId?: string): Promise<void> {
  const clash = await repo.byNameOrShort(db, name);
  if (clash && clash.id !== exceptId) throw new AppError('Conflict', `A committee called "${name}" already exists.`, `Der findes allerede et udvalg med navnet "${name}".`);
  if (shortName) {
    const short = await repo.byNameOrShort(db, shortName);
    if (short && short.id !== exceptId) throw new AppError('Conflict', `The short name "${shortName}" is already used by "${short.name}".`, `Forkortelsen "${shortName}" bruges allerede af "${short.name}".`);
  }
}

export async function createCommittee(db: Db, input: CommitteeInput): Promise<Committee> {
  await assertNameFree(db, input.name, input.shortName);
  const id = newId();
  const now = nowIso();
  await repo.insert(db, {
    id,
    name: input.name,
    short_name: input.shortName || null,
    numbering: input.numbering,
    default_location: input.defaults?.location || null,
    default_start: input.defaults?.start || null,
    default_end: input.defaults?.end || null,
    template: JSON.stringify(input.template ?? {}),
    publication_profile: input.publicationProfile ?? DEFAULT_PUBLICATION_PROFILE,
    created_at: now,
    updated_at: now,
  });
  await appendChange(db, { committeeId: id, action: 'committee.create', payload: input });
  return getCommittee(db, id);
}

export async function updateCommittee(db: Db, id: string, patch: Partial<CommitteeInput>): Promise<Committee> {
  const row = await repo.byId(db, id);
  if (!row) throw notFound('The committee', 'Udvalget');
  if (patch.name !== undefined || patch.shortName) await assertNameFree(db, patch.name ?? row.name, patch.shortName, id);
  await repo.update(db, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.shortName !== undefined ? { short_name: patch.shortName || null } : {}),
    ...(patch.numbering !== undefined ? { numbering: patch.numbering } : {}),
    ...(patch.defaults !== undefined
      ? { default_location: patch.defaults.location || null, default_start: patch.defaults.start || null, default_end: patch.defaults.end || null }
      : {}),
    ...(patch.template !== undefined ? { template: JSON.stringify(patch.template) } : {}),
    ...(patch.publicationProfile !== undefined ? { publication_profile: patch.publicationProfile } : {}),
    updated_at: nowIso(),
  });
  await appendChange(db, { committeeId: id, action: 'committee.update', payload: patch });
  return getCommittee(db, id);
}

type MemberRow = Awaited<ReturnType<typeof repo.members>>[number];

/** A membership row as the exchange format's Member: absent fields left out, not null. */
export function toExMember(m: MemberRow): ExMember {
  return {
    key: m.key,
    name: m.name,
    role: m.role,
    ...(m.title !== null ? { title: m.title } : {}),
    ...(m.party !== null ? { party: m.party } : {}),
    ...(m.valid_from !== null ? { from: m.valid_from } : {}),
    ...(m.valid_until !== null ? { until: m.valid_until } : {}),
  };
}
