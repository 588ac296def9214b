// The main operations on both dialects side by side (issue 14): the same generated archive
// (BENCH_DIALECT_ITEMS items, default 2,000) imported with `referent import --db …` into a SQLite
// file and into a PostgreSQL database on a throwaway server started here with PostgreSQL's own
// durable defaults (fsync on, as a municipality runs it). Then, in this process, each store's
// autosave, new item, meeting-day decision and searches, and `referent verify` / `export-json` as
// commands. Each PostgreSQL figure is given beside SQLite's from the same run, as a ratio.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../src-main/core/dispatch';
import type { CoreContext } from '../src-main/core/context';
import { resolveKeyFile } from '../src-main/core/paths';
import { openStore, type Store } from '../src-main/core/store/open';
import { CLI_BUNDLE, ensureCliBundle } from '../scripts/lib/cli-bundle.mjs';
import { startThrowawayPostgres } from '../tests/support/throwaway-postgres';
import { archiveJson } from './archive/files';
import { PLANTED } from './archive/generate';
import { percentile, timedRuns, type Bench } from './lib';

const ITEMS = Number(process.env.BENCH_DIALECT_ITEMS ?? 2000);
const root = path.resolve(import.meta.dirname, '..');

type Dialect = 'sqlite' | 'postgres';
type Figure = { ms: number; note?: string };

/** `referent ARGS…` with the bundled bin, as a user runs it: wall time and peak memory of the command. */
function referent(env: NodeJS.ProcessEnv, ...args: string[]): { ms: number; maxRssMB: number; ok: boolean; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', path.join(import.meta.dirname, 'archive/usage.mjs'), path.join(root, CLI_BUNDLE), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26, timeout: 1_800_000 });
  const ms = performance.now() - t0;
  const usage = JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '{}') as { maxRssMB?: number };
  return { ms, maxRssMB: usage.maxRssMB ?? NaN, ok: r.status === 0, out: `${r.stdout}${r.stderr}`.replace(/\s+/g, ' ').slice(0, 200) };
}

/** The same steps on one store; keys are the report's line names. */
async function measure(target: string, filesDir: string, json: string, dir: string): Promise<Map<string, Figure>> {
  const out = new Map<string, Figure>();
  const env = { REFERENT_FILES: filesDir };
  const imp = referent(env, 'import', json, '--db', target);
  if (!imp.ok) throw new Error(`referent import failed: ${imp.out}`);
  out.set('referent import (wall)', { ms: imp.ms, note: `${Math.round((ITEMS / imp.ms) * 1000)} items/s, ${imp.maxRssMB.toFixed(0)} MB` });

  const t0 = performance.now();
  const store: Store = await openStore(target, { filesDir, keyFile: resolveKeyFile() });
  out.set('open the store', { ms: performance.now() - t0 });
  const ctx: CoreContext = { store, shell: 'cli', version: 'bench' };
  try {
    // A new meeting of the archive's first committee, with one of its items copied in (text and
    // all): the archive's own meetings are approved and locked.
    const source = await store.db.selectFrom('items as i').innerJoin('meetings as m', 'm.id', 'i.meeting_id').select(['i.id', 'm.committee_id']).where('i.role', 'is', null).orderBy('m.start', 'desc').limit(1).executeTakeFirstOrThrow();
    const meeting = await call(ctx, 'meetings.create', { committeeId: source.committee_id, start: '2027-03-01T16:00' });
    const planned = { id: (await call(ctx, 'agenda.copyItem', { itemId: source.id, meetingId: meeting.id })).id, meeting_id: meeting.id };
    const item = await call(ctx, 'agenda.getItem', { itemId: planned.id });
    let n = 0;
    const save = (): Promise<unknown> => call(ctx, 'agenda.updateItem', { itemId: planned.id, sections: item.sections.map((s, i) => (i === item.sections.length - 1 ? { ...s, body: `${s.body} ${++n}` } : s)) });
    const saves = await timedRuns(save, 21, 3);
    out.set('autosave one section: p50', { ms: percentile(saves, 50) });
    out.set('autosave one section: p99', { ms: percentile(saves, 99) });
    const adds = await timedRuns(() => call(ctx, 'agenda.addItem', { meetingId: planned.meeting_id, title: `Nyt punkt ${++n}` }), 11, 1);
    out.set('add an item: p50', { ms: percentile(adds, 50) });
    const reads = await timedRuns(() => call(ctx, 'agenda.get', { meetingId: planned.meeting_id }), 21, 2);
    out.set('read an agenda: p50', { ms: percentile(reads, 50) });
    const decisions = await timedRuns(() => call(ctx, 'meetingday.setDecision', { itemId: planned.id, outcome: 'approved', text: `Godkendt ${++n}` }), 11, 1);
    out.set('record a decision: p50', { ms: percentile(decisions, 50) });
    await store.search.refresh(store.db);
    for (const [kind, query] of [['rare word', PLANTED.rare], ['common word', 'kommunen'], ['prefix', 'kommu'], ['phrase', `"${PLANTED.phrase}"`], ['stem', PLANTED.stemForms[0]!]] as const) {
      let total = 0;
      const times = await timedRuns(async () => (total = (await call(ctx, 'search.items', { query })).total), 21, 2);
      out.set(`search ${kind}: p50`, { ms: percentile(times, 50), note: `${total} hits` });
      out.set(`search ${kind}: p99`, { ms: percentile(times, 99) });
    }
  } finally {
    await store.close();
  }
  const verify = referent(env, 'verify', '--db', target);
  out.set('referent verify (wall)', { ms: verify.ms, note: `${verify.ok ? 'ok' : `FAILED ${verify.out}`}, ${verify.maxRssMB.toFixed(0)} MB` });
  const exportFile = path.join(dir, `export-${path.basename(filesDir)}.json`);
  const exp = referent(env, 'export-json', '--db', target, '--out', exportFile);
  out.set('referent export-json (wall)', { ms: exp.ms, note: `${exp.ok ? `${(fs.statSync(exportFile).size / 1e6).toFixed(1)} MB` : `FAILED ${exp.out}`}, ${exp.maxRssMB.toFixed(0)} MB` });
  return out;
}

const bench: Bench = async (report) => {
  await ensureCliBundle(root);
  const json = await archiveJson({ items: ITEMS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-dialects-'));
  const server = await startThrowawayPostgres({ durable: true });
  try {
    const figures: Record<Dialect, Map<string, Figure>> = {
      sqlite: await measure(path.join(dir, 'bench.sqlite'), path.join(dir, 'files-sqlite'), json, dir),
      postgres: await measure(await server.createDatabase('referent_bench'), path.join(dir, 'files-postgres'), json, dir),
    };
    for (const [name, lite] of figures.sqlite) {
      const pg = figures.postgres.get(name)!;
      const unit = lite.ms >= 1000 ? 's' : 'ms';
      const value = (f: Figure): number => (unit === 's' ? f.ms / 1000 : f.ms);
      report({ name: `[${ITEMS}] ${name}: SQLite`, value: value(lite), unit, note: lite.note });
      report({ name: `[${ITEMS}] ${name}: PostgreSQL`, value: value(pg), unit, note: `${(pg.ms / lite.ms).toFixed(1)}x SQLite${pg.note ? `; ${pg.note}` : ''}` });
    }
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
