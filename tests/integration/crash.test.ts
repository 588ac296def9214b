// The crash harness in CI: a writer killed (SIGKILL) ten times at seeded random moments while it
// edits, imports a bundle with large attachments and exports; after every kill the file is intact,
// every acknowledged write is there, no import is partial, no export is half-written, and every
// stored file matches its hash. (`npm run bench -- crash` runs 100.)
import { describe, expect, test } from 'vitest';
import { runCrashHarness } from '../../bench/crash/harness';

describe('crash harness', () => {
  test('ten kills of a writer: nothing acknowledged is lost, nothing is left half-written', async () => {
    const lines: string[] = [];
    const r = await runCrashHarness({ rounds: 10, seed: 10, log: (l) => lines.push(l) });
    expect(r.faults, lines.join('\n')).toEqual([]);
    expect(r.rounds).toBe(10);
    // Every round wrote something before its kill, so the checks had something to check.
    expect(r.acks).toBeGreaterThanOrEqual(10);
  }, 600_000);
});
