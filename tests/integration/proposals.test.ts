// Items between committees (issue 14 §5): "Anbefales" proposes the item to the next body on its
// route; it lands on that committee's agenda only when its secretary accepts it (with its history,
// Sagens forløb), or is rejected with a reason the sender sees. Runs on SQLite and PostgreSQL.
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import type { MeetingDayView } from '../../src-shared/api/meetingday';
import { refusal } from '../helpers/refusal';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, KB_MEETING, MEETING, OU_MEETING, seedMeetingDay } from './meetingday-fixture';
import { pandocMarkdown, pdfPages, squash, writeTemp } from './documents-helpers';

let ctx: CoreContext;
let view: MeetingDayView;
let ou: string;
const printer = playwrightPrinter();
afterAll(() => printer.close());

beforeEach(async () => {
  ctx = { ...testContext(), printer };
  await seedMeetingDay(ctx);
  view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  ou = (await call(ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!.id;
});

/** Item 3 (route OBU → ØU → KB) decided "Anbefales" by 4 votes to 1, with a dissent. */
async function recommendItem3(): Promise<void> {
  view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
  await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 3), votes: { for: ['hm', 'cdh', 'mbi', 'fl'], against: ['js'], abstained: [] } });
  view = await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 3), member: 'js', text: 'Politikken bør vente på NIS2-loven.' });
}

/** ØU's meeting of 10 June is published, then held. */
async function holdOuMeeting(): Promise<void> {
  await call(ctx, 'meetings.setStatus', { id: OU_MEETING, status: 'agenda-published' });
  await call(ctx, 'meetings.setStatus', { id: OU_MEETING, status: 'held' });
}

const sourceMeeting = async () => (await call(ctx, 'exchange.export', {})).committees[0]!.meetings.find((m) => m.id === MEETING)!;
const agendaTitles = async (meetingId: string) => (await call(ctx, 'agenda.get', { meetingId })).items.map((i) => i.title);
const logActions = async () => (await ctx.store.db.selectFrom('change_log').select(['action', 'author', 'committee_id']).orderBy('seq').execute()).filter((e) => e.action.startsWith('proposal.'));

describe('recording "Anbefales"', () => {
  test('proposes the item to the next body on its route once, and nothing lands on its agenda', async () => {
    await recommendItem3();
    // Recorded again (the text edited): still one proposal.
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended', text: 'Udvalget anbefaler politikken.' });
    const inbox = await call(ctx, 'proposals.list', { committeeId: ou });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      status: 'pending',
      title: 'Informationssikkerhedspolitik 2026',
      caseNumber: '26/9889',
      from: { committeeName: 'Organisations- og Beredskabsudvalget', meetingId: MEETING, number: 3 },
      to: { committeeId: ou, committeeName: 'Økonomiudvalget' },
      // The route names ØU on 10 June: its meeting that day, not the one of 1 June.
      meeting: { id: OU_MEETING, start: '2026-06-10T08:00' },
      accepted: null,
    });
    // The explicit call answers the same proposal.
    expect((await call(ctx, 'proposals.propose', { itemId: itemId(view, 3) })).id).toBe(inbox[0]!.id);
    expect(await call(ctx, 'proposals.list', { committeeId: ou, all: true })).toHaveLength(1);
    expect(await agendaTitles(OU_MEETING)).toEqual(['Godkendelse af dagsorden']);
    expect(view.items[2]!.proposal).toMatchObject({ id: inbox[0]!.id, status: 'pending', to: { committeeName: 'Økonomiudvalget' } });
    expect((await logActions()).map((e) => e.action)).toEqual(['proposal.create']);
  });

  test('opened, the proposal shows the item with its history: meeting, date, decision, votes and dissent', async () => {
    await recommendItem3();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const detail = await call(ctx, 'proposals.get', { proposalId: p!.id });
    expect(detail.sections.map((s) => s.kind)).toEqual(['summary', 'history', 'procedure']);
    expect(detail.sections[1]!.body).toBe(
      '**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3**\n\nAnbefales\n\n' +
        'Afstemning – For: 4 (Holger Mikkelsen, Carsten Dyhre Hansen, Mette Baltersen Isen, Finn Lykkeskov); Imod: 1 (Jørgen Smed); Undlod at stemme: 0\n\n' +
        'Protokoltilførsel fra Jørgen Smed: Politikken bør vente på NIS2-loven.',
    );
    expect(detail.attachments).toEqual([{ title: 'Informationssikkerhedspolitik 2026.pdf' }]);
  });

  test('with no body after this committee on its route, no proposal is made, and asking for one says why', async () => {
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: 'recommended' });
    expect(view.items[1]!.proposal).toBeNull();
    const e = await refusal(call(ctx, 'proposals.propose', { itemId: itemId(view, 2) }));
    expect(e.message).toBe("Item 2's route names no body after Organisations- og Beredskabsudvalget to recommend it to.");
    expect(e.da).toBe('Punkt 2s sagsgang nævner intet organ efter Organisations- og Beredskabsudvalget, som punktet kan anbefales til.');
  });

  test('is not carried directly onto the other committee\'s agenda', async () => {
    await recommendItem3();
    const e = await refusal(call(ctx, 'meetingday.carryForward', { itemId: itemId(view, 3) }));
    expect(e.message).toContain('it goes to the next body as a proposal');
    expect(await agendaTitles(OU_MEETING)).toEqual(['Godkendelse af dagsorden']);
  });
});

describe('the target committee\'s secretary', () => {
  test('accepts it at the position she chooses, numbered like any item, with Sagens forløb; the sender sees where it went', async () => {
    await recommendItem3();
    const before = await sourceMeeting();
    await call(ctx, 'agenda.addItem', { meetingId: OU_MEETING, title: 'Budgetopfølgning' });
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const secretaryB = { ...ctx, author: 'Anne Holm' };
    const accepted = await call(secretaryB, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING, position: 1 });
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'Anne Holm', accepted: { meetingId: OU_MEETING, number: 2 } });
    expect(await agendaTitles(OU_MEETING)).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026', 'Budgetopfølgning']);
    const item = await call(ctx, 'agenda.getItem', { itemId: accepted.accepted!.itemId });
    expect(item).toMatchObject({ number: 2, caseNumber: '26/9889' });
    expect(item.sections.find((s) => s.kind === 'history')!.body).toContain('**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3**\n\nAnbefales\n\nAfstemning – For: 4');
    expect(item.attachments.map((a) => a.title)).toEqual(['Informationssikkerhedspolitik 2026.pdf']);

    // The inbox is empty; the sender's meeting mode says where it went; the sender's record is as it was.
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toEqual([]);
    view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[2]!.proposal).toMatchObject({ status: 'accepted', accepted: { meetingId: OU_MEETING, number: 2 } });
    expect(await sourceMeeting()).toEqual(before);
    // A change-log entry names who accepted it.
    expect((await logActions()).slice(-1)).toEqual([{ action: 'proposal.accept', author: 'Anne Holm', committee_id: ou }]);

    // Accepting twice is refused, naming where it went.
    const e = await refusal(call(secretaryB, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING }));
    expect(e.message).toBe('The proposal "Informationssikkerhedspolitik 2026" (from Organisations- og Beredskabsudvalget) was already accepted as item 2 of the meeting on 10-06-2026.');
    expect(e.da).toBe('Forslaget »Informationssikkerhedspolitik 2026« (fra Organisations- og Beredskabsudvalget) er allerede optaget som punkt 2 på mødet den 10-06-2026.');
  });

  test('removes the accepted item from her agenda again: the sender sees it was taken on, and where it is now gone', async () => {
    await recommendItem3();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const { accepted } = await call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
    await call(ctx, 'agenda.removeItem', { itemId: accepted!.itemId });
    view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[2]!.proposal).toMatchObject({ status: 'accepted', accepted: null });
    // Recording "Anbefales" again proposes nothing new: it was answered.
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended', text: 'Anbefales.' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou, all: true })).toMatchObject([{ id: p!.id, status: 'accepted' }]);
  });

  test('prints the history as Sagens forløb in the target meeting\'s agenda (.docx and PDF)', async () => {
    await recommendItem3();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    await call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
    const docx = await call(ctx, 'documents.export', { meetingId: OU_MEETING, kind: 'agenda', format: 'docx' });
    const md = squash(pandocMarkdown(writeTemp('ou.docx', Buffer.from(docx.base64, 'base64'))));
    expect(md).toMatch(/Sagens forløb.*Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3.*Anbefales.*Afstemning – For: 4 .*Imod: 1 \(Jørgen Smed\).*Protokoltilførsel fra Jørgen Smed: Politikken bør vente på NIS2-loven\./);
    const pdf = await call(ctx, 'documents.export', { meetingId: OU_MEETING, kind: 'agenda', format: 'pdf' });
    const text = squash(pdfPages(writeTemp('ou.pdf', Buffer.from(pdf.base64, 'base64'))).join('\n'));
    expect(text).toMatch(/Sagens forløb.*Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3.*Anbefales.*Protokoltilførsel fra Jørgen Smed/);
  }, 120_000);

  test('rejects it with a reason that the sending secretary sees; it cannot be accepted after', async () => {
    await recommendItem3();
    const before = await sourceMeeting();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const secretaryB = { ...ctx, author: 'Anne Holm' };
    await expect(call(secretaryB, 'proposals.reject', { proposalId: p!.id, reason: '  ' })).rejects.toThrow('must say why');
    const rejected = await call(secretaryB, 'proposals.reject', { proposalId: p!.id, reason: 'Sagen behandles i forbindelse med budgettet i september.' });
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Sagen behandles i forbindelse med budgettet i september.', decidedBy: 'Anne Holm' });
    view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[2]!.proposal).toMatchObject({ status: 'rejected', reason: 'Sagen behandles i forbindelse med budgettet i september.' });
    expect(await agendaTitles(OU_MEETING)).toEqual(['Godkendelse af dagsorden']);
    expect(await sourceMeeting()).toEqual(before);
    expect((await logActions()).slice(-1)).toEqual([{ action: 'proposal.reject', author: 'Anne Holm', committee_id: ou }]);
    const e = await refusal(call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING }));
    expect(e.message).toBe('The proposal "Informationssikkerhedspolitik 2026" (from Organisations- og Beredskabsudvalget) was already rejected by Anne Holm.');
    // Recording "Anbefales" again does not reopen a rejected proposal.
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended', text: 'Anbefales igen.' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou, all: true })).toMatchObject([{ status: 'rejected' }]);
  });

  test('accepts only onto a meeting of her committee not yet held', async () => {
    await recommendItem3();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const e = await refusal(call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: KB_MEETING }));
    expect(e.message).toBe('The meeting on 23-06-2026 is not a meeting of Økonomiudvalget, to which the item is proposed.');
    await holdOuMeeting();
    const held = await refusal(call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING }));
    expect(held.message).toBe('The meeting on 10-06-2026 has been held; take the proposal onto a meeting not yet held.');
  });
});

describe('a proposal', () => {
  test('is withdrawn when the sending decision is changed before approval, and made again when it is "Anbefales" again', async () => {
    await recommendItem3();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'approved' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toEqual([]);
    expect(await call(ctx, 'proposals.list', { committeeId: ou, all: true })).toMatchObject([{ id: p!.id, status: 'withdrawn' }]);
    expect(view.items[2]!.proposal).toBeNull();
    const e = await refusal(call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING }));
    expect(e.message).toBe('The proposal "Informationssikkerhedspolitik 2026" (from Organisations- og Beredskabsudvalget) was withdrawn: Organisations- og Beredskabsudvalget changed its decision.');
    expect(e.da).toBe('Forslaget »Informationssikkerhedspolitik 2026« (fra Organisations- og Beredskabsudvalget) er trukket tilbage: Organisations- og Beredskabsudvalget har ændret sin beslutning.');
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou, all: true })).toMatchObject([{ id: p!.id, status: 'pending' }]);
    expect((await logActions()).map((x) => x.action)).toEqual(['proposal.create', 'proposal.withdraw', 'proposal.create']);
  });

  test('waits in the inbox while the committee has no meeting not yet held, and goes to the next one created', async () => {
    await holdOuMeeting();
    await recommendItem3();
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toMatchObject([{ status: 'pending', meeting: null }]);
    const created = await call(ctx, 'meetings.create', { committeeId: ou, start: '2026-09-01T08:00' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toMatchObject([{ status: 'pending', meeting: { id: created.id, start: '2026-09-01T08:00' } }]);
  });

  test('goes on from each body in turn, its history growing: OBU, then ØU, then Kommunalbestyrelsen', async () => {
    await recommendItem3();
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const { accepted } = await call(ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
    const ouView = await call(ctx, 'meetingday.setDecision', { itemId: accepted!.itemId, outcome: 'recommended' });
    expect(ouView.items[1]!.proposal).toMatchObject({ status: 'pending', to: { committeeName: 'Kommunalbestyrelsen' }, meeting: { id: KB_MEETING } });
    const kb = ouView.items[1]!.proposal!.to.committeeId;
    const [toKb] = await call(ctx, 'proposals.list', { committeeId: kb });
    const r = await call(ctx, 'proposals.accept', { proposalId: toKb!.id, meetingId: KB_MEETING });
    const item = await call(ctx, 'agenda.getItem', { itemId: r.accepted!.itemId });
    expect(item.sections.find((s) => s.kind === 'history')!.body).toMatch(/^\*\*Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3\*\*[\s\S]*\*\*Økonomiudvalget den 10-06-2026, punkt 2\*\*\n\nAnbefales$/);
  });

  test('survives its meetings being written again whole (an import, a check-in): pending, accepted and rejected alike', async () => {
    await recommendItem3();
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: 'recommended' });
    await call(ctx, 'agenda.updateItem', { itemId: itemId(view, 6), route: [{ body: 'OBU' }, { body: 'ØU' }] });
    view = await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 6), outcome: 'recommended' });
    const inbox = await call(ctx, 'proposals.list', { committeeId: ou });
    expect(inbox.map((p) => p.from.number)).toEqual([3, 6]);
    const accepted = await call(ctx, 'proposals.accept', { proposalId: inbox[0]!.id, meetingId: OU_MEETING });
    await call(ctx, 'proposals.reject', { proposalId: inbox[1]!.id, reason: 'Hører under et andet udvalg.' });
    const before = await call(ctx, 'proposals.list', { committeeId: ou, all: true });

    // Both meetings come back whole from an exchange document: every item is written again.
    await call(ctx, 'exchange.import', { document: await call(ctx, 'exchange.export', {}) });
    const after = await call(ctx, 'proposals.list', { committeeId: ou, all: true });
    expect(after.map((p) => ({ ...p, accepted: p.accepted && { ...p.accepted, itemId: '' } }))).toEqual(before.map((p) => ({ ...p, accepted: p.accepted && { ...p.accepted, itemId: '' } })));
    expect(after[0]!.accepted).toMatchObject({ meetingId: OU_MEETING, number: accepted.accepted!.number });
    view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items.map((i) => i.proposal?.status ?? null)).toEqual([null, null, 'accepted', null, null, 'rejected', null, null]);
    // Recording "Anbefales" again proposes nothing twice.
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended', text: 'Anbefales.' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou, all: true })).toHaveLength(2);
  });
});
