import { describe, expect, test } from 'vitest';
import { call } from '../dispatch';
import { readMeetings } from '../meetings/meeting-content';
import { testContext } from '../../../tests/helpers/store';
import type { CoreContext } from '../context';

const OBU = 'Organisations- og Beredskabsudvalget';

/** A committee whose January meeting used Punkt 1..41, as the reference referat's committee. */
async function seed(ctx: CoreContext) {
  await call(ctx, 'exchange.import', {
    document: {
      format: 'referent/v1',
      committees: [
        {
          name: OBU,
          shortName: 'OBU',
          numbering: 'per-year',
          template: {
            standardItems: [
              { title: 'Godkendelse af dagsorden', role: 'agenda-approval', position: 'first' },
              { title: 'Gensidig orientering', role: 'mutual-information', position: 'last' },
              { title: 'Underskriftsside', role: 'signature', position: 'last' },
            ],
          },
          members: [{ key: 'hm', name: 'Holger Mikkelsen', role: 'chair' }],
          meetings: [{ start: '2026-01-13T14:30', status: 'held', items: Array.from({ length: 41 }, (_, i) => ({ title: `Punkt ${i + 1}` })) }],
        },
      ],
    },
  });
  const [committee] = await call(ctx, 'committees.list', {});
  const june = await call(ctx, 'meetings.create', { committeeId: committee!.id, start: '2026-06-02T14:30' });
  return { committeeId: committee!.id, juneId: june.id };
}

const titles = (agenda: { items: { number: number; title: string }[] }) => agenda.items.map((i) => `${i.number} ${i.title}`);

describe('the agenda of a meeting', () => {
  test('a new meeting starts with the template’s standard items, numbered after the year so far', async () => {
    const ctx = testContext();
    const { juneId } = await seed(ctx);
    const agenda = await call(ctx, 'agenda.get', { meetingId: juneId });
    expect(titles(agenda)).toEqual(['42 Godkendelse af dagsorden', '43 Gensidig orientering', '44 Underskriftsside']);
    expect(agenda.firstNumber).toBe(42);
    expect(agenda.template.order[0]).toBe('summary');
    expect(agenda.template.decisionHeading).toBe('Beslutning i {udvalg} den {dato}');
  });

  test('items go in before the closing standard items, with a route for this committee and date; reorder renumbers', async () => {
    const ctx = testContext();
    const { juneId } = await seed(ctx);
    const a = await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Databeskyttelsesrådgiverens årsberetning for 2025', caseNumber: '26/4881' });
    expect(a.number).toBe(43);
    expect(a.route).toEqual([{ body: OBU, date: '2026-06-02' }]);
    await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Haderslev Kommunes Informationssikkerhedspolitik 2026', caseNumber: '26/9889' });
    let agenda = await call(ctx, 'agenda.get', { meetingId: juneId });
    expect(titles(agenda)).toEqual([
      '42 Godkendelse af dagsorden',
      '43 Databeskyttelsesrådgiverens årsberetning for 2025',
      '44 Haderslev Kommunes Informationssikkerhedspolitik 2026',
      '45 Gensidig orientering',
      '46 Underskriftsside',
    ]);
    const ids = agenda.items.map((i) => i.id);
    agenda = await call(ctx, 'agenda.reorder', { meetingId: juneId, itemIds: [ids[0], ids[2], ids[1], ids[3], ids[4]] });
    expect(agenda.items.slice(1, 3).map((i) => `${i.number} ${i.caseNumber}`)).toEqual(['43 26/9889', '44 26/4881']);
    await expect(call(ctx, 'agenda.reorder', { meetingId: juneId, itemIds: ids.slice(1) })).rejects.toThrow(/every item of the meeting exactly once/);
  });

  test('sections, route and access are kept as given; empty sections are dropped', async () => {
    const ctx = testContext();
    const { juneId } = await seed(ctx);
    const item = await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'KL’s Baseline 2026' });
    const updated = await call(ctx, 'agenda.updateItem', {
      itemId: item.id,
      access: 'closed',
      sections: [
        { kind: 'summary', body: 'Orientering om **resultatet**.' },
        { kind: 'recommendation', body: 'Direktøren for Arbejdsmarked og Borgerservice indstiller, at\n\n- orienteringen tages til efterretning.' },
        { kind: 'presentation', body: '   ' },
      ],
      route: [{ body: OBU, date: '2026-06-02' }, { body: 'Kommunalbestyrelsen', date: '2026-06-23' }],
    });
    expect(updated.sections.map((s) => s.kind)).toEqual(['summary', 'recommendation']);
    // A change of the text alone (the autosave's usual patch) touches no item column.
    const textOnly = await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [{ kind: 'summary', body: 'Kort.' }] });
    expect(textOnly.sections).toEqual([{ kind: 'summary', heading: null, body: 'Kort.' }]);
    await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: updated.sections });
    const [content] = await readMeetings(ctx.store.db, { meetingIds: [juneId] });
    const stored = content!.meeting.items.find((i) => i.title === 'KL’s Baseline 2026')!;
    expect(stored.access).toBe('closed');
    expect(stored.sections?.[0]?.body).toBe('Orientering om **resultatet**.');
    expect(stored.route).toEqual([{ body: OBU, date: '2026-06-02' }, { body: 'Kommunalbestyrelsen', date: '2026-06-23' }]);
    expect(stored.number).toBe(43);
  });

  test('publishing freezes the numbers; a later item is supplementary with the next free number', async () => {
    const ctx = testContext();
    const { juneId } = await seed(ctx);
    await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Budget' });
    await call(ctx, 'meetings.setStatus', { id: juneId, status: 'agenda-published' });
    const [content] = await readMeetings(ctx.store.db, { meetingIds: [juneId] });
    expect(content!.meeting.items.map((i) => i.number)).toEqual([42, 43, 44, 45]);
    const extra = await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Tillæg: Beredskab' });
    expect(extra).toMatchObject({ number: 46, supplementary: true, numberFrozen: true });
    const agenda = await call(ctx, 'agenda.get', { meetingId: juneId });
    expect(titles(agenda)).toEqual(['42 Godkendelse af dagsorden', '43 Budget', '46 Tillæg: Beredskab', '44 Gensidig orientering', '45 Underskriftsside']);
    // Back to planning: the numbers move with the agenda again.
    await call(ctx, 'meetings.setStatus', { id: juneId, status: 'planned' });
    expect(titles(await call(ctx, 'agenda.get', { meetingId: juneId }))[2]).toBe('44 Tillæg: Beredskab');
    await expect(call(ctx, 'meetings.setStatus', { id: juneId, status: 'held' })).rejects.toThrow(/one step at a time/);
    await expect(call(ctx, 'meetings.setStatus', { id: juneId, status: 'minutes-approved' })).rejects.toThrow(/cannot be set directly/);
  });

  test('a cancelled meeting must be emptied first, and then uses up no numbers', async () => {
    const ctx = testContext();
    const { committeeId, juneId } = await seed(ctx);
    const april = await call(ctx, 'meetings.create', { committeeId, start: '2026-04-07T14:30' });
    const aprilItem = await call(ctx, 'agenda.addItem', { meetingId: april.id, title: 'Digitaliseringsstrategi' });
    expect(titles(await call(ctx, 'agenda.get', { meetingId: juneId }))[0]).toBe('46 Godkendelse af dagsorden');
    await expect(call(ctx, 'meetings.cancel', { id: april.id })).rejects.toThrow(/still has 4 agenda items/);
    await expect(call(ctx, 'meetings.cancel', { id: april.id })).rejects.toMatchObject({ da: 'Mødet den 07-04-2026 har stadig 4 punkter på dagsordenen; flyt dem til et andet møde eller slet dem, før mødet aflyses.' });
    const moved = await call(ctx, 'agenda.moveItem', { itemId: aprilItem.id, meetingId: juneId });
    expect(moved.meetingId).toBe(juneId);
    const rest = await call(ctx, 'agenda.get', { meetingId: april.id });
    for (const i of rest.items) await call(ctx, 'agenda.removeItem', { itemId: i.id });
    const cancelled = await call(ctx, 'meetings.cancel', { id: april.id });
    expect(cancelled.status).toBe('cancelled');
    expect(titles(await call(ctx, 'agenda.get', { meetingId: juneId }))).toEqual([
      '42 Godkendelse af dagsorden',
      '43 Digitaliseringsstrategi',
      '44 Gensidig orientering',
      '45 Underskriftsside',
    ]);
    await expect(call(ctx, 'agenda.addItem', { meetingId: april.id, title: 'X' })).rejects.toThrow(/cancelled/);
  });

  test('attachments are stored by hash, read back, titled, ordered and copied with their item', async () => {
    const ctx = testContext();
    const { committeeId, juneId } = await seed(ctx);
    const item = await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Budget 2027-2030' });
    const pdf = Buffer.from('%PDF-1.4 udvalgsbemærkninger');
    const a = await call(ctx, 'agenda.addAttachment', { itemId: item.id, fileName: 'Udvalgsbemærkninger OBU budget 2027-2030.pdf', base64: pdf.toString('base64') });
    expect(a).toMatchObject({ title: 'Udvalgsbemærkninger OBU budget 2027-2030', access: 'open', size: pdf.length });
    const b = await call(ctx, 'agenda.addAttachment', { itemId: item.id, fileName: 'anlaeg.pdf', title: 'Bilag - anlæg', access: 'closed', base64: Buffer.from('%PDF-1.4 anlæg').toString('base64') });
    const back = await call(ctx, 'agenda.readAttachment', { attachmentId: a.id });
    expect(Buffer.from(back.base64, 'base64').toString()).toBe('%PDF-1.4 udvalgsbemærkninger');
    expect(back.mime).toBe('application/pdf');
    let detail = await call(ctx, 'agenda.reorderAttachments', { itemId: item.id, attachmentIds: [b.id, a.id] });
    expect(detail.attachments.map((x) => x.title)).toEqual(['Bilag - anlæg', 'Udvalgsbemærkninger OBU budget 2027-2030']);
    await call(ctx, 'agenda.updateAttachment', { attachmentId: b.id, access: 'open', title: 'Bilag – anlæg' });

    const september = await call(ctx, 'meetings.create', { committeeId, start: '2026-09-01T14:30' });
    const copy = await call(ctx, 'agenda.copyItem', { itemId: item.id, meetingId: september.id });
    expect(copy.attachments.map((x) => `${x.title} ${x.access}`)).toEqual(['Bilag – anlæg open', 'Udvalgsbemærkninger OBU budget 2027-2030 open']);
    expect(copy.route).toEqual([{ body: OBU, date: '2026-09-01' }]);

    detail = await call(ctx, 'agenda.removeAttachment', { attachmentId: b.id });
    expect(detail.attachments.map((x) => x.title)).toEqual(['Udvalgsbemærkninger OBU budget 2027-2030']);
    const [content] = await readMeetings(ctx.store.db, { meetingIds: [juneId] });
    expect(content!.meeting.items.find((i) => i.title === 'Budget 2027-2030')?.attachments?.[0]?.sha256).toBe(a.sha256);
  });

  test('a locked meeting refuses every change', async () => {
    const ctx = testContext();
    const { juneId } = await seed(ctx);
    const item = await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Budget' });
    await ctx.store.db.updateTable('meetings').set({ locked_at: '2026-06-20T10:00:00Z', status: 'minutes-approved' }).where('id', '=', juneId).execute();
    await expect(call(ctx, 'agenda.updateItem', { itemId: item.id, title: 'Nyt' })).rejects.toThrow(/approved and locked/);
    await expect(call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Nyt' })).rejects.toThrow(/approved and locked/);
    await expect(call(ctx, 'meetings.setStatus', { id: juneId, status: 'held' })).rejects.toThrow(/approved and locked/);
    await expect(call(ctx, 'meetings.update', { id: juneId, location: 'Et andet sted' })).rejects.toThrow(/approved and locked/);
  });

  test('moving a meeting to another day moves its own procedure step along', async () => {
    const ctx = testContext();
    const { juneId } = await seed(ctx);
    const item = await call(ctx, 'agenda.addItem', { meetingId: juneId, title: 'Budget' });
    const moved = await call(ctx, 'meetings.update', { id: juneId, start: '2026-06-03T15:00', location: 'Byrådssalen' });
    expect(moved).toMatchObject({ start: '2026-06-03T15:00', location: 'Byrådssalen' });
    expect((await call(ctx, 'agenda.getItem', { itemId: item.id })).route).toEqual([{ body: OBU, date: '2026-06-03' }]);
  });
});

describe('committee members', () => {
  test('a member who left keeps appearing with their period', async () => {
    const ctx = testContext();
    const { committeeId } = await seed(ctx);
    let c = await call(ctx, 'committees.addMember', { committeeId, name: 'Finn Lykkeskov', role: 'vice-chair', party: 'V', from: '2026-01-01' });
    const finn = c.members.find((m) => m.name === 'Finn Lykkeskov')!;
    expect(finn.key).toBe('finn-lykkeskov');
    c = await call(ctx, 'committees.updateMember', { committeeId, key: finn.key, title: 'Byrådsmedlem' });
    expect(c.members.find((m) => m.key === finn.key)?.title).toBe('Byrådsmedlem');
    await expect(call(ctx, 'committees.endMembership', { committeeId, key: finn.key, until: '2025-06-01' })).rejects.toThrow(/before it begins/);
    c = await call(ctx, 'committees.endMembership', { committeeId, key: finn.key, until: '2026-05-31' });
    expect(c.members.map((m) => `${m.name} ${m.role} ${m.from ?? ''}–${m.until ?? ''}`)).toEqual(['Holger Mikkelsen chair –', 'Finn Lykkeskov vice-chair 2026-01-01–2026-05-31']);
    // Back as a substitute after he left: a new membership from the day after (at the same time it would be a duplicate).
    const again = await call(ctx, 'committees.addMember', { committeeId, name: 'Finn Lykkeskov', role: 'substitute', from: '2026-06-01' });
    expect(again.members.at(-1)?.key).toBe('finn-lykkeskov-2');
  });
});
