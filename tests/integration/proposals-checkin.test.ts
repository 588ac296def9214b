// "Anbefales" recorded on a laptop during offline work (issue 14 §4 with §5): the laptop's copy holds
// only the one committee, so it proposes nothing there; the check-in makes the proposal on the
// server, in the merge's own transaction, exactly as recording the decision there would: once, named
// as the holder, and withdrawn when the decision was changed back offline. The server runs on SQLite
// and, in the matrix, PostgreSQL; the laptop is always a SQLite file.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { verifyChain } from '../../src-main/core/changelog/changelog';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir, testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, OU_MEETING, seedMeetingDay } from './meetingday-fixture';

async function setup() {
  const server = testContext();
  await seedMeetingDay(server);
  const ou = (await call(server, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!.id;
  const laptop = testContext(openSqliteStore(path.join(tempDir(), 'laptop.sqlite')));
  return { server, laptop, ou };
}

/** Out to the laptop as Anne Holm, the day recorded there by `work`, and back in. */
async function offline(server: CoreContext, laptop: CoreContext, work: (item3: string) => Promise<void>) {
  await call(laptop, 'checkout.receive', { package: await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Anne Holm' }) });
  const view = await call(laptop, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  await work(itemId(view, 3));
  return call(server, 'checkout.checkin', { package: await call(laptop, 'checkout.prepare', { meetingId: MEETING }) });
}

const actions = async (ctx: CoreContext) => (await ctx.store.db.selectFrom('change_log').select(['action', 'author']).orderBy('seq').execute());

describe('"Anbefales" recorded offline', () => {
  test('proposes nothing on the laptop, and at check-in proposes the item to the next body once, named as the holder', async () => {
    const { server, laptop, ou } = await setup();
    await offline(server, laptop, async (item3) => {
      await call(laptop, 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
      await call(laptop, 'meetingday.setVotes', { itemId: item3, votes: { for: ['hm', 'cdh', 'mbi', 'fl'], against: ['js'], abstained: [] } });
      // Edited again offline, still "Anbefales": one proposal all the same.
      await call(laptop, 'meetingday.setDecision', { itemId: item3, outcome: 'recommended', text: 'Udvalget anbefaler politikken.' });
      // The laptop's copy has no other committee: nothing to propose to there.
      expect(await laptop.store.db.selectFrom('proposals').selectAll().execute()).toEqual([]);
    });

    const inbox = await call(server, 'proposals.list', { committeeId: ou });
    expect(inbox).toMatchObject([{
      status: 'pending', title: 'Informationssikkerhedspolitik 2026', createdBy: 'Anne Holm',
      from: { meetingId: MEETING, number: 3 }, meeting: { id: OU_MEETING },
    }]);
    // The history the target's secretary reads is the decision as recorded offline.
    const detail = await call(server, 'proposals.get', { proposalId: inbox[0]!.id });
    expect(detail.sections.find((s) => s.kind === 'history')!.body).toBe(
      '**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3**\n\nUdvalget anbefaler politikken.\n\n' +
        'Afstemning – For: 4 (Holger Mikkelsen, Carsten Dyhre Hansen, Mette Baltersen Isen, Finn Lykkeskov); Imod: 1 (Jørgen Smed); Undlod at stemme: 0',
    );
    // The sender's meeting mode on the server shows it, as after recording it there.
    const view = await call(server, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[2]!.proposal).toMatchObject({ id: inbox[0]!.id, status: 'pending', to: { committeeName: 'Økonomiudvalget' } });
    // One proposal.create, after the replayed decisions and before the check-in's own entry; the chain verifies.
    const log = (await actions(server)).map((e) => e.action).filter((a) => a.startsWith('meetingday.setDecision') || a.startsWith('proposal.') || a === 'meeting.checkin');
    expect(log).toEqual(['meetingday.setDecision', 'meetingday.setDecision', 'proposal.create', 'meeting.checkin']);
    expect((await actions(server)).find((e) => e.action === 'proposal.create')!.author).toBe('Anne Holm');
    expect((await verifyChain(server.store.db)).fault).toBeNull();

    // Checked out and in again with the decision untouched: still the one proposal, no new entry.
    await offline(server, await again(server, laptop), async () => {});
    expect(await call(server, 'proposals.list', { committeeId: ou, all: true })).toMatchObject([{ id: inbox[0]!.id, status: 'pending' }]);
    expect((await actions(server)).filter((e) => e.action === 'proposal.create')).toHaveLength(1);
  });

  test('changed back offline, it withdraws the proposal the server had made; "Anbefales" again offline makes it pending again', async () => {
    const { server, laptop, ou } = await setup();
    let view = await call(server, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    await call(server, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
    const [proposal] = await call(server, 'proposals.list', { committeeId: ou });

    await offline(server, laptop, async (item3) => {
      await call(laptop, 'meetingday.setDecision', { itemId: item3, outcome: 'postponed', text: 'Udsat til næste møde.' });
    });
    expect(await call(server, 'proposals.list', { committeeId: ou })).toEqual([]);
    expect(await call(server, 'proposals.list', { committeeId: ou, all: true })).toMatchObject([{ id: proposal!.id, status: 'withdrawn' }]);
    view = await call(server, 'meetingday.get', { meetingId: MEETING });
    expect(view.items[2]!.proposal).toBeNull();
    expect((await actions(server)).filter((e) => e.action.startsWith('proposal.')).map((e) => e.action)).toEqual(['proposal.create', 'proposal.withdraw']);

    // Out again, "Anbefales" again (then a detour through "Godkendt"): pending once more, the same proposal.
    await offline(server, await again(server, laptop), async (item3) => {
      await call(laptop, 'meetingday.setDecision', { itemId: item3, outcome: 'approved' });
      await call(laptop, 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
    });
    expect(await call(server, 'proposals.list', { committeeId: ou })).toMatchObject([{ id: proposal!.id, status: 'pending' }]);
    expect((await actions(server)).filter((e) => e.action.startsWith('proposal.')).map((e) => e.action)).toEqual(['proposal.create', 'proposal.withdraw', 'proposal.create']);
  });

  test('a refused check-in makes no proposal', async () => {
    const { server, laptop, ou } = await setup();
    await call(laptop, 'checkout.receive', { package: await call(server, 'checkout.take', { meetingId: MEETING, holder: 'Anne Holm' }) });
    const view = await call(laptop, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    await call(laptop, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
    const pkg = await call(laptop, 'checkout.prepare', { meetingId: MEETING });
    // Released on the server meanwhile: the copy is stale.
    await call(server, 'checkout.release', { meetingId: MEETING, holder: 'Anne Holm' });
    await expect(call(server, 'checkout.checkin', { package: pkg })).rejects.toThrow('no longer open');
    expect(await call(server, 'proposals.list', { committeeId: ou, all: true })).toEqual([]);
  });
});

/** The laptop's copy done with, so the meeting can be taken out to it again. */
async function again(server: CoreContext, laptop: CoreContext): Promise<CoreContext> {
  const [copy] = await call(laptop, 'checkout.copies', {});
  if (copy) await call(laptop, 'checkout.done', { meetingId: MEETING, checkoutId: copy.checkoutId });
  return laptop;
}
