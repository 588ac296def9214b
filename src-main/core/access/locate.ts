// Which committee an operation's input is about: found from the id it names (a committee, a
// meeting, an item, an attachment). Null when the row does not exist: the handler then says "not
// found" in its own words, as it does without accounts.
import type { Db } from '../store/database';

export type Locator = (db: Db, input: Record<string, unknown>) => Promise<string[] | 'all' | null>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const one = (id: string | undefined): string[] | null => (id === undefined ? null : [id]);

export const committee =
  (field: string): Locator =>
  async (db, input) => {
    const id = str(input[field]);
    if (id === undefined) return null;
    return one((await db.selectFrom('committees').select('id').where('id', '=', id).executeTakeFirst())?.id);
  };

/** The field may be left out, and then means every committee of the archive. */
export const committeeOrAll =
  (field: string): Locator =>
  async (db, input) =>
    input[field] === undefined ? 'all' : committee(field)(db, input);

/** A committee named by its name or short name (the exchange's filters); left out: every committee. */
export const committeeNamedOrAll =
  (field: string): Locator =>
  async (db, input) => {
    const name = str(input[field]);
    if (name === undefined) return 'all';
    const rows = await db.selectFrom('committees').select('id').where((eb) => eb.or([eb('name', '=', name), eb('short_name', '=', name)])).execute();
    return rows.length > 0 ? rows.map((r) => r.id) : null;
  };

export const meeting =
  (field: string): Locator =>
  async (db, input) => {
    const id = str(input[field]);
    if (id === undefined) return null;
    return one((await db.selectFrom('meetings').select('committee_id').where('id', '=', id).executeTakeFirst())?.committee_id);
  };

/** A meeting named inside a nested object of the input (a check-in package's `meetingId`). */
export const meetingIn =
  (object: string, field: string): Locator =>
  async (db, input) => {
    const inner = input[object];
    return inner && typeof inner === 'object' ? meeting(field)(db, inner as Record<string, unknown>) : null;
  };

export const item =
  (field: string): Locator =>
  async (db, input) => {
    const id = str(input[field]);
    if (id === undefined) return null;
    return one((await db.selectFrom('items as i').innerJoin('meetings as m', 'm.id', 'i.meeting_id').select('m.committee_id').where('i.id', '=', id).executeTakeFirst())?.committee_id);
  };

export const attachment =
  (field: string): Locator =>
  async (db, input) => {
    const id = str(input[field]);
    if (id === undefined) return null;
    const row = await db
      .selectFrom('attachments as a')
      .innerJoin('items as i', 'i.id', 'a.item_id')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select('m.committee_id')
      .where('a.id', '=', id)
      .executeTakeFirst();
    return one(row?.committee_id);
  };

/** Every committee named in a list of rows (a roll-forward's meetings). */
export const committeesIn =
  (list: string, field: string): Locator =>
  async (_db, input) => {
    const rows = Array.isArray(input[list]) ? (input[list] as Record<string, unknown>[]) : [];
    const ids = [...new Set(rows.map((r) => str(r[field])).filter((x): x is string => x !== undefined))];
    return ids;
  };

/** The committee a proposal is to (its target): whose secretary accepts or rejects it. */
export const proposalTarget =
  (field: string): Locator =>
  async (db, input) => {
    const id = str(input[field]);
    if (id === undefined) return null;
    return one((await db.selectFrom('proposals').select('target_committee_id').where('id', '=', id).executeTakeFirst())?.target_committee_id);
  };

/** Both committees of a proposal: the one it comes from and the one it goes to. */
export const proposalEnds =
  (field: string): Locator =>
  async (db, input) => {
    const id = str(input[field]);
    if (id === undefined) return null;
    const row = await db
      .selectFrom('proposals as p')
      .innerJoin('items as i', 'i.id', 'p.source_item_id')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select(['p.target_committee_id', 'm.committee_id'])
      .where('p.id', '=', id)
      .executeTakeFirst();
    return row ? [row.committee_id, row.target_committee_id] : null;
  };
