// `npm run bench -- crash`: the crash harness's full run, 100 SIGKILLs of a writer in the middle of
// edits, imports with large attachments and exports, each followed by the checks of check.ts.
import { runCrashHarness } from './crash/harness';
import type { Bench } from './lib';

const ROUNDS = Number(process.env.REFERENT_BENCH_CRASH_ROUNDS ?? 100);

const bench: Bench = async (report) => {
  const r = await runCrashHarness({ rounds: ROUNDS, seed: 2026, attachmentBytes: [256 * 1024, 3 * 1024 * 1024], log: (l) => console.log(`  ${l}`) });
  for (const f of r.faults) console.log(`  FAULT ${f}`);
  const during = Object.entries(r.killedDuring)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  report({ name: `kills survived, of ${r.rounds}`, value: r.rounds - new Set(r.faults.map((f) => /^round (\d+)/.exec(f)?.[1])).size, unit: '', target: `${r.rounds} of ${r.rounds}`, met: r.faults.length === 0, note: during });
  report({ name: 'acknowledged writes, all found after the kills', value: r.acks, unit: '' });
  report({ name: 'time per kill (start, write, kill, check)', value: r.ms / r.rounds, unit: 'ms' });
};

export default bench;
