// The sender changes a decision the receiving committee already took onto its agenda (issue 14 §5):
// nothing changes by itself in the receiver's agenda; her inbox and the proposal say what changed,
// by whom and when; she keeps the item or takes it off her agenda; each step is a change-log entry of
// her committee. Runs on SQLite and PostgreSQL.
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { refusal } from '../helpers/refusal';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, OU_MEETING, seedMeetingDay } from './meetingday-fixture';

let ctx: CoreContext;
let ou: string;
let item3: string;
const sender = () => ({ ...ctx, author: 'Bo Jensen' });
const receiver = () => ({ ...ctx, author: 'Anne Holm' });
const HEAD = '**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3**';

beforeEach(async () => {
  ctx = testContext();
  await seedMeetingDay(ctx);
  const view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  ou = (await call(ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!.id;
  item3 = itemId(view, 3);
  await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
  const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
  await call(receiver(), 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
});

const agenda = async () => (await call(ctx, 'agenda.get', { meetingId: OU_MEETING })).items.map((i) => i.title);
const log = async () => (await ctx.store.db.selectFrom('change_log').select(['action', 'author', 'committee_id', 'payload']).orderBy('seq').execute()).filter((e) => e.action.startsWith('proposal.'));

describe('the sender changes an accepted item\'s decision', () => {
  test('her agenda stays as it was; her inbox shows what changed, by whom and when; the entry is her committee\'s', async () => {
    const before = await call(ctx, 'agenda.getItem', { itemId: (await call(ctx, 'proposals.list', { committeeId: ou, all: true }))[0]!.accepted!.itemId });
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'postponed', text: 'Udsat til august.' });
    expect(await agenda()).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026']);
    const after = await call(ctx, 'agenda.getItem', { itemId: before.id });
    expect(after.sections).toEqual(before.sections);

    const inbox = await call(ctx, 'proposals.list', { committeeId: ou });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ status: 'accepted', accepted: { meetingId: OU_MEETING, number: 2 }, change: { by: 'Bo Jensen', was: `${HEAD}\n\nAnbefales`, now: `${HEAD}\n\nUdsat til august.` } });
    expect(Date.now() - Date.parse(inbox[0]!.change!.at)).toBeLessThan(60_000);
    expect((await log()).slice(-1)).toMatchObject([{ action: 'proposal.source-change', author: 'Bo Jensen', committee_id: ou }]);

    // The vote changed too: the notice says the decision as it is now, still against what she accepted.
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'recommended', text: 'Anbefales med ændringer.' });
    await call(sender(), 'meetingday.setVotes', { itemId: item3, votes: { for: ['hm', 'cdh', 'mbi'], against: ['js', 'fl'], abstained: [] } });
    const [changed] = await call(ctx, 'proposals.list', { committeeId: ou });
    expect(changed!.change!.was).toBe(`${HEAD}\n\nAnbefales`);
    expect(changed!.change!.now).toBe(`${HEAD}\n\nAnbefales med ændringer.\n\nAfstemning – For: 3 (Holger Mikkelsen, Carsten Dyhre Hansen, Mette Baltersen Isen); Imod: 2 (Jørgen Smed, Finn Lykkeskov); Undlod at stemme: 0`);
    // The sender sees it is still on the other agenda.
    const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[2]!.proposal).toMatchObject({ status: 'accepted', accepted: { number: 2 } });
  });

  test('reopened (the decision removed), she is told the decision is gone; set back as accepted, the notice goes', async () => {
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: null });
    expect((await call(ctx, 'proposals.list', { committeeId: ou }))[0]!.change).toMatchObject({ now: '' });
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toEqual([]);
    expect((await log()).map((e) => e.action)).toEqual(['proposal.create', 'proposal.accept', 'proposal.source-change', 'proposal.source-change']);
  });

  test('she keeps the item: the notice is answered, and a later change is told against the decision she kept', async () => {
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'approved' });
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const kept = await call(receiver(), 'proposals.keep', { proposalId: p!.id });
    expect(kept).toMatchObject({ status: 'accepted', change: null, accepted: { number: 2 } });
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toEqual([]);
    expect(await agenda()).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026']);
    expect((await log()).slice(-1)).toMatchObject([{ action: 'proposal.keep', author: 'Anne Holm', committee_id: ou }]);
    // Answered once: keeping again is refused in a sentence.
    expect((await refusal(call(receiver(), 'proposals.keep', { proposalId: p!.id }))).da).toContain('har ikke ændret sin beslutning');
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'rejected' });
    expect((await call(ctx, 'proposals.list', { committeeId: ou }))[0]!.change).toMatchObject({ was: `${HEAD}\n\nGodkendt`, now: `${HEAD}\n\nAfvist` });
  });

  test('she takes it off her agenda: the item goes, the proposal is withdrawn, and "Anbefales" again proposes it anew', async () => {
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'postponed' });
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const removed = await call(receiver(), 'proposals.removeAccepted', { proposalId: p!.id });
    expect(removed).toMatchObject({ status: 'withdrawn', accepted: null, change: null, decidedBy: 'Anne Holm' });
    expect(await agenda()).toEqual(['Godkendelse af dagsorden']);
    expect((await log()).slice(-1)).toMatchObject([{ action: 'proposal.remove', author: 'Anne Holm', committee_id: ou }]);
    expect((await ctx.store.db.selectFrom('change_log').select('action').orderBy('seq').execute()).map((e) => e.action)).toContain('item.remove');
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toMatchObject([{ id: p!.id, status: 'pending', change: null }]);
  });

  test('once her meeting is held, taking it off is refused with a sentence; keeping still answers', async () => {
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'postponed' });
    await call(ctx, 'meetings.setStatus', { id: OU_MEETING, status: 'agenda-published' });
    await call(ctx, 'meetings.setStatus', { id: OU_MEETING, status: 'held' });
    const [p] = await call(ctx, 'proposals.list', { committeeId: ou });
    const e = await refusal(call(receiver(), 'proposals.removeAccepted', { proposalId: p!.id }));
    expect(e.message).toBe('The meeting on 10-06-2026 has been held, so the item stays on its agenda; keep it, and note the changed decision there.');
    expect(e.da).toBe('Mødet den 10-06-2026 er afholdt, så punktet bliver på dagsordenen; behold det, og notér den ændrede beslutning dér.');
    expect((await call(ctx, 'proposals.list', { committeeId: ou }))[0]!.change).not.toBeNull();
    expect(await agenda()).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026']);
    await call(receiver(), 'proposals.keep', { proposalId: p!.id });
    expect(await call(ctx, 'proposals.list', { committeeId: ou })).toEqual([]);
  });

  test('the notice travels in the exchange document', async () => {
    await call(sender(), 'meetingday.setDecision', { itemId: item3, outcome: 'postponed' });
    const doc = await call(ctx, 'exchange.export', {});
    expect(doc.proposals![0]).toMatchObject({ acceptedDecision: `${HEAD}\n\nAnbefales`, change: { by: 'Bo Jensen', now: `${HEAD}\n\nUdsat` } });
    const b = testContext();
    await call(b, 'exchange.import', { document: doc });
    const ouB = (await call(b, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!.id;
    expect((await call(b, 'proposals.list', { committeeId: ouB }))[0]!.change).toEqual((await call(ctx, 'proposals.list', { committeeId: ou }))[0]!.change);
  });
});
