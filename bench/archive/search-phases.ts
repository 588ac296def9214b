// Where a search's time goes on an imported archive: CPU ms (median/max of 9) of the whole
// `search.items` and of each of its steps, the index query, reading the 50 hits' texts, numbering
// them and cutting snippets. `npx tsx bench/archive/search-phases.ts FILE.sqlite ['q1|q2|…']`.
import { openSqliteStore } from '../../src-main/core/store/open';
import { parseQuery } from '../../src-main/core/search/query';
import { loadItemTexts } from '../../src-main/core/search/item-text';
import { numbersOfItems } from '../../src-main/core/meetings/meeting-numbers';
import { snippetOf } from '../../src-main/core/search/snippet';
import { searchItems } from '../../src-main/core/search/search.service';
import { PLANTED } from './generate';
import { cpuNowMs as cpu } from '../lib';

const store = openSqliteStore(process.argv[2]!, { readOnly: true });
const db = store.db;
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const queries = (process.argv[3] ?? `${PLANTED.rare}|kommunen|digitalis|kommu|kom|"${PLANTED.phrase}"|${PLANTED.stemForms[0]}`).split('|');
const RUNS = 9;

for (const query of queries) {
  const terms = parseQuery(query);
  const steps: Record<string, number[]> = { whole: [], index: [], texts: [], numbers: [], snippets: [] };
  let hits = 0;
  for (let i = 0; i <= RUNS; i++) {
    const took: Record<string, number> = {};
    let c = cpu();
    await searchItems(db, store.search, { query });
    took.whole = cpu() - c;
    c = cpu();
    const answer = await store.search.query(db, { terms, filters: {}, offset: 0, limit: 50 });
    took.index = cpu() - c;
    c = cpu();
    const texts = await loadItemTexts(db, answer.itemIds);
    took.texts = cpu() - c;
    c = cpu();
    await numbersOfItems(db, [...texts.keys()]);
    took.numbers = cpu() - c;
    c = cpu();
    for (const t of texts.values()) snippetOf(t, terms);
    took.snippets = cpu() - c;
    hits = answer.itemIds.length;
    // The first run warms the caches and is not counted.
    if (i > 0) for (const [k, v] of Object.entries(took)) steps[k]!.push(v);
  }
  console.log(`${query.padEnd(20)} ${Object.entries(steps).map(([k, v]) => `${k} ${median(v).toFixed(1)}/${Math.max(...v).toFixed(1)}`).join('  ')}  (${hits} hits shown)`);
}
await store.close();
