// How fast the `referent` command starts: the bundled bin (out/cli/referent.mjs) against a bare
// `node -e 0` in the same run, interleaved so that a busy moment hits both alike.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Bench } from './lib';
import { CLI_BUNDLE, ensureCliBundle } from '../scripts/lib/cli-bundle.mjs';
import { tempDir } from '../tests/helpers/store';

const root = path.resolve(import.meta.dirname, '..');

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of each command, run in turn `runs` times. */
function interleaved(commands: Record<string, string[]>, runs: number): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr.toString()}`);
      times[name]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, medianOf(v)]));
}

const bench: Bench = async (report) => {
  await ensureCliBundle(root);
  const bin = path.join(root, CLI_BUNDLE);
  const db = path.join(tempDir(), 'bench.sqlite');
  const t = interleaved({ node: ['-e', '0'], help: [bin, '--help'], list: [bin, 'api', 'list'], store: [bin, 'api', 'committees.list', '--db', db] }, 15);
  const note = `node -e 0: ${t.node!.toFixed(0)} ms`;
  report({ name: 'CLI start: referent --help vs node -e 0', value: t.help! / t.node!, unit: 'x', target: '≤ 6×', met: t.help! / t.node! <= 6, note });
  report({ name: 'CLI start: referent api list vs node -e 0', value: t.list! / t.node!, unit: 'x', target: '≤ 6×', met: t.list! / t.node! <= 6, note: `${t.list!.toFixed(0)} ms` });
  report({ name: 'CLI: one operation on the store (opens it) vs node -e 0', value: t.store! / t.node!, unit: 'x', note: `${t.store!.toFixed(0)} ms` });
  // How it started before the bundle: tsx compiling the sources at every start.
  const before = interleaved({ node: ['-e', '0'], tsx: [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src-main/cli/main.ts', 'api', 'list'] }, 3);
  report({ name: 'the same "api list" from the sources through tsx (before)', value: before.tsx! / before.node!, unit: 'x', note: `${before.tsx!.toFixed(0)} ms` });
};

export default bench;
