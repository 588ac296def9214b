// All SQL about agenda items, their sections, route steps and attachments.
import type { Db, NewItemRow } from '../store/database';
import { newId } from '../util/canonical';

type ItemUpdate = Partial<Pick<NewItemRow, 'title' | 'case_number' | 'access' | 'role' | 'number' | 'supplementary' | 'meeting_id' | 'position' | 'public_title' | 'closed_reason' | 'closed_reason_text'>>;

/** Moves positions out of the way (negative) so that rewriting them never trips UNIQUE(meeting_id, position). */
async function parkPositions(db: Db, meetingId: string): Promise<void> {
  await db
    .updateTable('items')
    .set((eb) => ({ position: eb(eb.neg(eb.ref('position')), '-', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('position', '>=', 0)
    .execute();
}

export const itemsRepository = {
  byId: (db: Db, id: string) => db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst(),
  ofMeeting: (db: Db, meetingId: string) =>
    db
      .selectFrom('items as i')
      .selectAll('i')
      .select((eb) => eb.selectFrom('attachments as a').select((e) => e.fn.countAll<number>().as('n')).whereRef('a.item_id', '=', 'i.id').as('attachment_count'))
      .where('i.meeting_id', '=', meetingId)
      .orderBy('i.position')
      .execute(),
  insert: (db: Db, row: NewItemRow) => db.insertInto('items').values(row).execute(),
  async update(db: Db, id: string, patch: ItemUpdate): Promise<void> {
    if (Object.keys(patch).length > 0) await db.updateTable('items').set(patch).where('id', '=', id).execute();
  },
  delete: (db: Db, id: string) => db.deleteFrom('items').where('id', '=', id).execute(),

  /** Rewrites a meeting's positions to 0..n-1 in the order given. */
  async setOrder(db: Db, meetingId: string, ids: readonly string[]): Promise<void> {
    await parkPositions(db, meetingId);
    for (const [position, id] of ids.entries()) await db.updateTable('items').set({ position }).where('id', '=', id).execute();
  },
  /** Makes room at `from`: every item at or after it moves one down. */
  async openGap(db: Db, meetingId: string, from: number): Promise<void> {
    const ids = (await db.selectFrom('items').select('id').where('meeting_id', '=', meetingId).orderBy('position').execute()).map((r) => r.id);
    await parkPositions(db, meetingId);
    for (const [i, id] of ids.entries()) await db.updateTable('items').set({ position: i >= from ? i + 1 : i }).where('id', '=', id).execute();
  },
  async compact(db: Db, meetingId: string): Promise<void> {
    const ids = (await db.selectFrom('items').select('id').where('meeting_id', '=', meetingId).orderBy('position').execute()).map((r) => r.id);
    await itemsRepository.setOrder(db, meetingId, ids);
  },

  sections: (db: Db, itemId: string) => db.selectFrom('item_sections').selectAll().where('item_id', '=', itemId).orderBy('position').execute(),
  /** Writes only the sections that changed: an autosave of one section is one UPDATE, not the item's every section again. */
  async replaceSections(db: Db, itemId: string, sections: readonly { kind: NewSectionKind; heading: string | null; body: string }[]): Promise<void> {
    let existing = await db.selectFrom('item_sections').select(['id', 'position', 'kind', 'heading', 'body']).where('item_id', '=', itemId).orderBy('position').execute();
    if (!existing.every((s, i) => s.position === i)) {
      // Positions with gaps (an edit made outside Referent): start over.
      await db.deleteFrom('item_sections').where('item_id', '=', itemId).execute();
      existing = [];
    }
    for (const [position, s] of sections.entries()) {
      const old = existing[position];
      if (!old) await db.insertInto('item_sections').values({ id: newId(), item_id: itemId, position, ...s }).execute();
      else if (old.kind !== s.kind || old.heading !== s.heading || old.body !== s.body) await db.updateTable('item_sections').set(s).where('id', '=', old.id).execute();
    }
    if (existing.length > sections.length) await db.deleteFrom('item_sections').where('item_id', '=', itemId).where('position', '>=', sections.length).execute();
  },
  route: (db: Db, itemId: string) => db.selectFrom('item_route_steps').selectAll().where('item_id', '=', itemId).orderBy('position').execute(),
  async replaceRoute(db: Db, itemId: string, steps: readonly { body: string; date: string | null }[]): Promise<void> {
    await db.deleteFrom('item_route_steps').where('item_id', '=', itemId).execute();
    for (const [position, s] of steps.entries()) await db.insertInto('item_route_steps').values({ item_id: itemId, position, body: s.body, date: s.date }).execute();
  },

  attachments: (db: Db, itemId: string) =>
    db
      .selectFrom('attachments as a')
      .leftJoin('files as f', 'f.sha256', 'a.sha256')
      .selectAll('a')
      .select('f.size')
      .where('a.item_id', '=', itemId)
      .orderBy('a.position')
      .execute(),
  attachmentById: (db: Db, id: string) => db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst(),
};

type NewSectionKind = 'summary' | 'recommendation' | 'presentation' | 'legal' | 'economy' | 'procedure' | 'history' | 'custom';
