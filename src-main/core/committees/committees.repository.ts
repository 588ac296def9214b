// All SQL about committees, people and memberships.
import type { Db, NewCommitteeRow, CommitteeRowUpdate } from '../store/database';

export const committeesRepository = {
  list: (db: Db) =>
    db
      .selectFrom('committees as c')
      .select((eb) => [
        'c.id',
        'c.name',
        'c.short_name',
        'c.numbering',
        eb.selectFrom('meetings as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.committee_id', '=', 'c.id').as('meeting_count'),
        eb
          .selectFrom('meetings as m')
          .select((e) => e.fn.min('m.start').as('s'))
          .whereRef('m.committee_id', '=', 'c.id')
          .where('m.status', 'in', ['planned', 'agenda-published'])
          .as('next_meeting'),
      ])
      .orderBy('c.name')
      .execute(),
  byId: (db: Db, id: string) => db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst(),
  byName: (db: Db, name: string) => db.selectFrom('committees').selectAll().where('name', '=', name).executeTakeFirst(),
  /** `--committee` and imported calendars name a committee by name or short name. */
  // SQLite's lower() folds only A-Z, so "øu" would miss "ØU": compare in JavaScript (few rows).
  byNameOrShort: async (db: Db, name: string) => {
    const wanted = name.trim().toLocaleLowerCase('da');
    const rows = await db.selectFrom('committees').selectAll().orderBy('name').execute();
    return rows.find((r) => r.name.toLocaleLowerCase('da') === wanted) ?? rows.find((r) => r.short_name?.toLocaleLowerCase('da') === wanted);
  },
  insert: (db: Db, row: NewCommitteeRow) => db.insertInto('committees').values(row).execute(),
  update: (db: Db, id: string, patch: CommitteeRowUpdate) => db.updateTable('committees').set(patch).where('id', '=', id).execute(),
  members: (db: Db, committeeId: string) =>
    db
      .selectFrom('memberships as ms')
      .innerJoin('people as p', 'p.id', 'ms.person_id')
      .select(['p.id as person_id', 'p.key', 'p.name', 'ms.id', 'ms.role', 'ms.title', 'ms.party', 'ms.valid_from', 'ms.valid_until', 'ms.position'])
      .where('ms.committee_id', '=', committeeId)
      .orderBy('ms.position')
      .execute(),
  personByKey: (db: Db, key: string) => db.selectFrom('people').selectAll().where('key', '=', key).executeTakeFirst(),
};
