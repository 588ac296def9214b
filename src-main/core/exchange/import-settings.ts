// What an import may change besides meetings: the organisation's settings, an existing
// committee's settings, members' names and their memberships (role, title, party, period). Where the store has a value and the file another, the
// store's is kept unless the import adopts the file's, and the report names every such setting.
// Where the store has nothing yet (an empty database, a new committee), the file's is taken silently.
import type { ImportReport, SettingChange } from '../../../src-shared/api/exchange';
import type { ExCommittee, ExMember, ReferentDocument } from '../../../src-shared/exchange';
import type { CommitteeRow, Db, MembershipRow, NewCommitteeRow } from '../store/database';
import { canonicalJson, newId } from '../util/canonical';
import { getBlockedPeriods, setBlockedPeriods } from '../settings/settings.service';

type Org = NonNullable<ReferentDocument['organization']>;

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export async function importOrganization(db: Db, org: Org, adopt: boolean, report: ImportReport): Promise<void> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'organization.name').executeTakeFirst();
  const current = row ? (JSON.parse(row.value) as string) : null;
  if (current !== org.name) {
    const take = current === null || adopt;
    if (current !== null) report.settings.push({ setting: 'organization.name', current, file: org.name, adopted: take });
    if (take) {
      await db
        .insertInto('settings')
        .values({ key: 'organization.name', value: JSON.stringify(org.name) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(org.name) }))
        .execute();
    }
  }
  if (org.blockedPeriods) {
    const blocked = await getBlockedPeriods(db);
    if (!same(blocked, org.blockedPeriods)) {
      const take = blocked === null || adopt;
      if (blocked !== null) report.settings.push({ setting: 'organization.blockedPeriods', current: null, file: null, adopted: take });
      if (take) await setBlockedPeriods(db, org.blockedPeriods);
    }
  }
}

type CommitteeFields = Omit<NewCommitteeRow, 'id' | 'name' | 'created_at' | 'updated_at'>;

/** The committee columns the file sets (the fields it has). */
export function committeeFields(c: ExCommittee): CommitteeFields {
  return {
    numbering: c.numbering,
    ...(c.shortName !== undefined ? { short_name: c.shortName || null } : {}),
    ...(c.defaults !== undefined ? { default_location: c.defaults.location ?? null, default_start: c.defaults.start ?? null, default_end: c.defaults.end ?? null } : {}),
    ...(c.template !== undefined ? { template: JSON.stringify(c.template) } : {}),
    ...(c.publicationProfile !== undefined ? { publication_profile: c.publicationProfile } : {}),
  };
}

/** For a committee that exists: the columns to write (all the file's when adopting, else the unchanged rest), each difference reported. */
export function existingCommitteeFields(row: CommitteeRow, c: ExCommittee, adopt: boolean, report: ImportReport): Partial<CommitteeFields> {
  const file = committeeFields(c);
  const out: Partial<CommitteeFields> = {};
  const note = (setting: SettingChange['setting'], current: string | null, fileValue: string | null): void => {
    report.settings.push({ setting, committee: row.name, current, file: fileValue, adopted: adopt });
  };
  if (file.numbering !== row.numbering) note('committee.numbering', row.numbering, file.numbering);
  if ('short_name' in file && (file.short_name ?? null) !== row.short_name) note('committee.shortName', row.short_name ?? '', file.short_name ?? '');
  if ('default_location' in file) {
    const [a, b] = [[row.default_location, row.default_start, row.default_end], [file.default_location, file.default_start, file.default_end]];
    if (!same(a, b)) note('committee.defaults', a.filter(Boolean).join(' ') || '', b.filter(Boolean).join(' ') || '');
  }
  if (file.template !== undefined && !same(JSON.parse(row.template), JSON.parse(file.template))) note('committee.template', null, null);
  if (file.publication_profile !== undefined && file.publication_profile !== row.publication_profile) note('committee.publicationProfile', row.publication_profile, file.publication_profile);
  if (adopt) Object.assign(out, file);
  return out;
}

/**
 * The person a member of the file is. Within a committee that exists, a member with the same key
 * is the same person: a different name is reported and kept unless adopted. A key that belongs to
 * someone outside this committee under another name is another person (another organisation's
 * "hm"): they get a free key, so that nobody's name changes in minutes already written.
 */
export async function personFor(db: Db, committee: { id: string | null; name: string }, m: ExMember, adopt: boolean, report: ImportReport): Promise<string> {
  const person = await db.selectFrom('people').selectAll().where('key', '=', m.key).executeTakeFirst();
  if (!person) {
    const id = newId();
    await db.insertInto('people').values({ id, key: m.key, name: m.name }).execute();
    return id;
  }
  if (person.name === m.name) return person.id;
  const member = committee.id
    ? await db.selectFrom('memberships').select('id').where('committee_id', '=', committee.id).where('person_id', '=', person.id).executeTakeFirst()
    : undefined;
  if (member) {
    report.settings.push({ setting: 'member.name', committee: committee.name, member: m.key, current: person.name, file: m.name, adopted: adopt });
    if (adopt) await db.updateTable('people').set({ name: m.name }).where('id', '=', person.id).execute();
    return person.id;
  }
  // A re-import finds them under the key they were given the first time.
  for (let n = 2; ; n++) {
    const key = `${m.key}-${n}`;
    const taken = await db.selectFrom('people').selectAll().where('key', '=', key).executeTakeFirst();
    if (taken && taken.name !== m.name) continue;
    report.newKeys.push({ committee: committee.name, key: m.key, name: m.name, storedAs: key });
    if (taken) return taken.id;
    const id = newId();
    await db.insertInto('people').values({ id, key, name: m.name }).execute();
    return id;
  }
}

type MembershipValues = Pick<MembershipRow, 'role' | 'title' | 'party' | 'valid_from' | 'valid_until'>;

const period = (from: string | null, until: string | null): string => (from || until ? `${from ?? ''}–${until ?? ''}` : '');

/**
 * A member's membership as the file has it, and what to write over an existing one: the file's
 * values when adopting, else nothing (ours are kept), each difference reported. Minutes print the
 * role and title ("Martin Damm (teamleder)"), so another organisation's file must not change them.
 */
export function membershipUpdate(current: MembershipRow | undefined, m: ExMember, committee: string, adopt: boolean, report: ImportReport): MembershipValues | null {
  const file: MembershipValues = { role: m.role, title: m.title ?? null, party: m.party ?? null, valid_from: m.from ?? null, valid_until: m.until ?? null };
  if (!current) return file;
  const note = (setting: SettingChange['setting'], ours: string | null, theirs: string | null): void => {
    if ((ours ?? '') !== (theirs ?? '')) report.settings.push({ setting, committee, member: m.key, current: ours ?? '', file: theirs ?? '', adopted: adopt });
  };
  note('member.role', current.role, file.role);
  note('member.title', current.title, file.title);
  note('member.party', current.party, file.party);
  note('member.period', period(current.valid_from, current.valid_until), period(file.valid_from, file.valid_until));
  return adopt ? file : null;
}
