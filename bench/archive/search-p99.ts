// Search's tail at a size: CPU ms p50/p99/max of `searchItems` per query, the queries taken in turn
// RUNS times over an imported archive (the first two rounds warm up and are not counted).
//   npx tsx bench/archive/search-p99.ts FILE.sqlite ['q1|q2|…'] [RUNS]
import { openSqliteStore } from '../../src-main/core/store/open';
import { searchItems } from '../../src-main/core/search/search.service';
import { percentile } from '../lib';
import { PLANTED } from './generate';

const store = openSqliteStore(process.argv[2]!, { readOnly: true });
const queries = (process.argv[3] ?? `${PLANTED.rare}|kommunen|digitalis|kommu|kom|"${PLANTED.phrase}"|${PLANTED.stemForms[0]}`).split('|');
const runs = Number(process.argv[4] ?? 52);
const cpu: Record<string, number[]> = {};
for (let i = 0; i < runs; i++) {
  for (const query of queries) {
    const before = process.cpuUsage();
    await searchItems(store.db, store.search, { query });
    const used = process.cpuUsage(before);
    if (i >= 2) (cpu[query] ??= []).push((used.user + used.system) / 1000);
  }
}
for (const [query, times] of Object.entries(cpu)) {
  console.log(`${query.padEnd(20)} CPU p50 ${percentile(times, 50).toFixed(1)}  p99 ${percentile(times, 99).toFixed(1)}  max ${Math.max(...times).toFixed(1)} ms  (${times.length} runs)`);
}
await store.close();
