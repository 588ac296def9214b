// One of the concurrent writers of tests/postgres/concurrency.test.ts: its own process and its own
// pool of connections to the shared database. Says "ready", waits for "go" on stdin, then adds
// items to the committee's meetings (all of one year, numbered per year), sections to them, a
// member, and reorders, as a secretary would; prints one JSON line with what it added.
import { call } from '../../src-main/core/dispatch';
import { openStore } from '../../src-main/core/store/open';

const [url, label, committeeId, meetingsArg, countArg, filesDir] = process.argv.slice(2);
const meetings = JSON.parse(meetingsArg!) as string[];
const count = Number(countArg);
const store = await openStore(url!, { filesDir: filesDir! });
const ctx = { store, shell: 'cli' as const, version: 'test' };
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

const items: string[] = [];
/** Failures, by what was tried: an addition must never fail; a reorder of a list another writer changed meanwhile may be refused. */
const failures: { what: string; code: string; message: string }[] = [];
const attempt = async (what: string, run: () => Promise<unknown>): Promise<void> => {
  try {
    await run();
  } catch (e) {
    failures.push({ what, code: String((e as { code?: string }).code), message: (e as Error).message });
  }
};
await attempt('member', () => call(ctx, 'committees.addMember', { committeeId: committeeId!, name: `Medlem ${label}`, role: 'member' }));
for (let i = 0; i < count; i++) {
  const meetingId = meetings[i % meetings.length]!;
  await attempt('item', async () => {
    const item = await call(ctx, 'agenda.addItem', { meetingId, title: `Punkt ${label}-${i}` });
    items.push(item.id);
    await call(ctx, 'agenda.updateItem', { itemId: item.id, sections: [{ kind: 'summary', body: `Resumé ${label}-${i}` }, { kind: 'recommendation', body: 'Forvaltningen indstiller' }] });
  });
  if (i % 5 === 4) {
    await attempt('reorder', async () => {
      const agenda = await call(ctx, 'agenda.get', { meetingId });
      const ids = agenda.items.map((x) => x.id);
      await call(ctx, 'agenda.reorder', { meetingId, itemIds: [...ids.slice(1), ids[0]!] });
    });
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ label, items, failures })}\n`);
process.stdin.destroy();
