// referent migrate moves the proposals between committees with the rest (issue 14 §5, §7): a laptop
// archive with a proposal accepted, one rejected and one pending arrives on the server with each as
// it was, and the export-json the command compares now carries them, so a dropped one would fail it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { openSqliteStore } from '../../src-main/core/store/open';
import { cli } from '../helpers/cli';
import { reopenTestStore, tempDir, tempStore, testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, OU_MEETING, seedMeetingDay } from '../integration/meetingday-fixture';

const inbox = async (ctx: CoreContext) => {
  const ou = (await call(ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!.id;
  return (await call(ctx, 'proposals.list', { committeeId: ou, all: true })).map((p) => ({ ...p, from: { ...p.from, committeeId: '' }, to: { ...p.to, committeeId: '' }, accepted: p.accepted && { ...p.accepted, itemId: '' } }));
};

describe('referent migrate', () => {
  it('moves every proposal, accepted, rejected and pending, and compares them in the two exports', async () => {
    const cwd = tempDir();
    const keyFile = path.join(cwd, 'seal.key');
    const file = path.join(cwd, 'laptop.sqlite');
    const laptop = testContext(openSqliteStore(file, { keyFile }));
    await seedMeetingDay(laptop);
    const view = await call(laptop, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    for (const n of [4, 5]) await call(laptop, 'agenda.updateItem', { itemId: itemId(view, n), route: [{ body: 'OBU' }, { body: 'ØU' }] });
    for (const n of [3, 4, 5]) await call(laptop, 'meetingday.setDecision', { itemId: itemId(view, n), outcome: 'recommended' });
    const [first, second] = await inbox(laptop);
    const anne = { ...laptop, author: 'Anne Holm' };
    await call(anne, 'proposals.accept', { proposalId: first!.id, meetingId: OU_MEETING });
    await call(anne, 'proposals.reject', { proposalId: second!.id, reason: 'Hører under et andet udvalg.' });
    const before = await inbox(laptop);
    expect(before.map((p) => p.status)).toEqual(['accepted', 'rejected', 'pending']);
    await laptop.store.close();

    const server = tempStore();
    await server.db.selectFrom('committees').select('id').execute();
    const moved = await cli(['migrate', '--from', file, '--to', server.file], cwd, { keyFile });
    expect(moved.err).toBe('');
    expect(moved.out).toMatch(/OK: export-json of the file and of the server are identical/);
    const exported = JSON.parse((await cli(['export-json', '--db', server.file], cwd)).out) as { proposals?: { status: string }[] };
    expect(exported.proposals?.map((p) => p.status)).toEqual(['accepted', 'rejected', 'pending']);

    const onServer = testContext(await reopenTestStore(server.file, { keyFile }));
    try {
      expect(await inbox(onServer)).toEqual(before);
      // The secretary of ØU goes on from there on the server.
      await call(onServer, 'proposals.accept', { proposalId: before[2]!.id, meetingId: OU_MEETING });
      expect((await call(onServer, 'agenda.get', { meetingId: OU_MEETING })).items.map((i) => i.title)).toEqual([
        'Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026', 'Digitaliseringsstrategi 2026 - 2028',
      ]);
    } finally {
      await onServer.store.close();
    }
  });
});
