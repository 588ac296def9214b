// `npm run bench`: runs every bench/*.bench.ts. Each measures its subject against a baseline
// measured in the same run and reports ratios (a machine's speed cancels out of a ratio).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Bench } from './lib';

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let missed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench };
  await mod.default((l) => {
    if (l.met === false) missed++;
    const status = l.met === undefined ? '' : l.met ? '  [met]' : '  [MISSED]';
    console.log(`${l.name.padEnd(58)} ${l.value.toFixed(l.unit === 'x' ? 2 : 1).padStart(9)} ${l.unit.padEnd(3)}${l.target ? `  target ${l.target}` : ''}${status}${l.note ? `  (${l.note})` : ''}`);
  });
}
console.log(`\n${files.length} benchmark files; ${missed} target(s) missed.`);

