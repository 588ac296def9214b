// Two secretaries (or two windows) edit the same item or meeting: the edit made from a version the
// other one has since changed is refused with a sentence naming who changed what and when, and
// the other's change is kept. Runs on SQLite and on PostgreSQL (vitest.config.ts).
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { entryHash, verifyChain } from '../../src-main/core/changelog/changelog';
import { refusal } from '../helpers/refusal';
import { copenhagenTime } from '../helpers/copenhagen-time';
import { testContext } from '../helpers/store';

const document = {
  format: 'referent/v1',
  committees: [
    {
      name: 'Økonomiudvalget',
      numbering: 'per-meeting',
      members: [],
      meetings: [{ start: '2026-06-02T14:30', location: 'Mødelokale 1', items: [{ title: 'Godkendelse af dagsorden' }, { title: 'Budgetopfølgning', sections: [{ kind: 'summary', body: 'Første udkast.' }] }] }],
    },
  ],
};

async function seed() {
  const ctx = testContext();
  await call(ctx, 'exchange.import', { document });
  const [committee] = await call(ctx, 'committees.list', {});
  const [meeting] = await call(ctx, 'meetings.list', { committeeId: committee!.id });
  const agenda = await call(ctx, 'agenda.get', { meetingId: meeting!.id });
  return { ctx, meeting: meeting!, itemId: agenda.items[1]!.id };
}

/** The Copenhagen "HH:MM on DD-MM-YYYY" of the item's latest change, as the sentence must say it. */
async function lastChangeTime(ctx: ReturnType<typeof testContext>): Promise<{ time: string; date: string }> {
  const { at } = await ctx.store.db.selectFrom('change_log').select('at').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return copenhagenTime(at);
}


describe('an edit made from an older version', () => {
  test('of an item is refused, naming what was changed and when, and the other change is kept', async () => {
    const { ctx, itemId } = await seed();
    const loadedByA = await call(ctx, 'agenda.getItem', { itemId });
    const loadedByB = await call(ctx, 'agenda.getItem', { itemId });
    expect(loadedByB.version).toBe(loadedByA.version);

    const saved = await call(ctx, 'agenda.updateItem', { itemId, version: loadedByA.version, title: 'Budgetopfølgning 2. kvartal', sections: [{ kind: 'summary', body: 'A’s tekst.' }] });
    expect(saved.version).toBe(loadedByA.version + 1);
    const { time, date } = await lastChangeTime(ctx);

    const e = await refusal(call(ctx, 'agenda.updateItem', { itemId, version: loadedByB.version, sections: [{ kind: 'summary', body: 'B’s tekst.' }] }));
    expect(e.code).toBe('Conflict');
    expect(e.message).toBe(`Item 2 (Budgetopfølgning 2. kvartal) was changed in another window at ${time} on ${date} (title, text) after you opened it; reload it to see the change, then edit again.`);
    expect(e.da).toBe(`Punkt 2 (Budgetopfølgning 2. kvartal) blev ændret i et andet vindue kl. ${time} den ${date} (titel, tekst), efter du åbnede det; indlæs det igen for at se ændringen, og ret så igen.`);
    const kept = await call(ctx, 'agenda.getItem', { itemId });
    expect(kept.sections.map((s) => s.body)).toEqual(['A’s tekst.']);
    expect(kept.version).toBe(saved.version);

    // B reloads and edits again: now it is stored.
    const again = await call(ctx, 'agenda.updateItem', { itemId, version: kept.version, sections: [{ kind: 'summary', body: 'B’s tekst.' }] });
    expect(again.sections.map((s) => s.body)).toEqual(['B’s tekst.']);
    expect(again.title).toBe('Budgetopfølgning 2. kvartal');
  });

  test('names the author the change log holds, and the chain covers the name', async () => {
    const { ctx, itemId } = await seed();
    const loaded = await call(ctx, 'agenda.getItem', { itemId });
    await call({ ...ctx, author: 'Anne Holm' }, 'agenda.updateItem', { itemId, version: loaded.version, caseNumber: '26/4881' });
    const e = await refusal(call(ctx, 'agenda.updateItem', { itemId, version: loaded.version, title: 'Mit forslag' }));
    expect(e.message).toMatch(/^Item 2 \(Budgetopfølgning\) was changed by Anne Holm at \d\d:\d\d on \d\d-\d\d-\d{4} \(case number\) after you opened it;/);
    expect(e.da).toMatch(/^Punkt 2 \(Budgetopfølgning\) blev ændret af Anne Holm kl\. \d\d:\d\d den \d\d-\d\d-\d{4} \(sagsnummer\), efter du åbnede det;/);
    expect((await call(ctx, 'agenda.getItem', { itemId })).title).toBe('Budgetopfølgning');

    const entry = await ctx.store.db.selectFrom('change_log').selectAll().where('action', '=', 'item.update').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry.author).toBe('Anne Holm');
    // The name is in the hash: the entry with another author (or none) would not hash to it.
    expect(entryHash(entry.prev_hash, entry)).toBe(entry.hash);
    expect(entryHash(entry.prev_hash, { ...entry, author: 'Bo Jensen' })).not.toBe(entry.hash);
    expect(entryHash(entry.prev_hash, { ...entry, author: null })).not.toBe(entry.hash);
    expect((await verifyChain(ctx.store.db)).fault).toBeNull();
  });

  test('of a meeting is refused and its place kept; an edit without a version (the CLI) still wins', async () => {
    const { ctx, meeting } = await seed();
    await call(ctx, 'meetings.update', { id: meeting.id, version: meeting.version, location: 'Byrådssalen' });
    const e = await refusal(call(ctx, 'meetings.update', { id: meeting.id, version: meeting.version, start: '2026-06-03T14:30' }));
    const { time, date } = await lastChangeTime(ctx);
    expect(e.code).toBe('Conflict');
    expect(e.message).toBe(`The meeting on 2026-06-02 was changed in another window at ${time} on ${date} (place) after you opened it; reload it to see the change, then edit again.`);
    expect(e.da).toBe(`Mødet den 02-06-2026 blev ændret i et andet vindue kl. ${time} den ${date} (sted), efter du åbnede det; indlæs det igen for at se ændringen, og ret så igen.`);
    const kept = await call(ctx, 'meetings.get', { id: meeting.id });
    expect([kept.start, kept.location, kept.version]).toEqual(['2026-06-02T14:30', 'Byrådssalen', meeting.version + 1]);

    const moved = await call(ctx, 'meetings.update', { id: meeting.id, start: '2026-06-03T14:30' });
    expect([moved.start, moved.location, moved.version]).toEqual(['2026-06-03T14:30', 'Byrådssalen', meeting.version + 2]);
  });
});
