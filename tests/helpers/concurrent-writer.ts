// A second process writing to the same database file: opens it, says "ready", waits for "go" on
// stdin, then makes `count` Api writes (each reads before it writes, as real operations do) and
// prints one JSON line: how many landed and the distinct failure messages.
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore } from '../../src-main/core/store/open';

const [file, label, countArg] = process.argv.slice(2);
const count = Number(countArg);
const store = openSqliteStore(file!);
const ctx = { store, shell: 'cli' as const, version: 'test' };
const committee = await call(ctx, 'committees.create', { name: `Udvalg ${label}`, numbering: 'per-meeting' });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

let ok = 0;
const failures = new Map<string, number>();
for (let i = 0; i < count; i++) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(i / 28) % 12).padStart(2, '0');
  const year = 2030 + Math.floor(i / (28 * 12));
  try {
    await call(ctx, 'meetings.create', { committeeId: committee.id, start: `${year}-${month}-${day}T14:30` });
    ok++;
  } catch (e) {
    const m = `${(e as { code?: string }).code}: ${(e as Error).message}`;
    failures.set(m, (failures.get(m) ?? 0) + 1);
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ label, ok, failures: Object.fromEntries(failures) })}\n`);
process.stdin.destroy();
