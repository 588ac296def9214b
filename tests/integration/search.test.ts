// Search finds items by title, case number and section text, with their effective number.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { ftsQuery } from '../../src-main/core/search/search.service';
import { runCli } from '../../src-main/cli/run';
import { openStore } from '../../src-main/core/store/open';
import { tempDir, testContext } from '../helpers/store';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8')) as unknown;

describe('search', () => {
  test('words in section text, titles and case numbers are found, ranked, with the item number', async () => {
    const ctx = testContext();
    await call(ctx, 'exchange.import', { document: fixture });
    const hits = await call(ctx, 'search.items', { query: 'MED-udvalget' });
    expect(hits.map((h) => [h.committee, h.number, h.title])).toEqual([['Organisations- og Beredskabsudvalget', 2, 'Digitaliseringsstrategi 2026 - 2028']]);
    expect(hits[0]!.snippet).toContain('Høringssvar fra [[MED-udvalget]], se kommunens side');
    const byCase = await call(ctx, 'search.items', { query: '22/22880' });
    expect(byCase.map((h) => h.number).sort()).toEqual([2, 5]);
    const prefix = await call(ctx, 'search.items', { query: 'digitalis' });
    expect(prefix.length).toBe(2);
    expect(await call(ctx, 'search.items', { query: 'tandlæge' })).toEqual([]);
  });

  test('what she types cannot break the query', async () => {
    expect(ftsQuery('AND OR "NEAR( x*')).toBe('"AND" "OR" "NEAR(" "x*"*');
    expect(ftsQuery(' - " ')).toBeNull();
    const ctx = testContext();
    await call(ctx, 'exchange.import', { document: fixture });
    await expect(call(ctx, 'search.items', { query: 'NOT ( "' })).resolves.toEqual([]);
  });

  test('edits are found at once', async () => {
    const ctx = testContext();
    await call(ctx, 'exchange.import', { document: fixture });
    ctx.store.sqlite.prepare("UPDATE item_sections SET body = 'Ny tekst om Vojens skole' WHERE kind = 'legal'").run();
    expect((await call(ctx, 'search.items', { query: 'Vojens' })).map((h) => h.title)).toEqual(['Ekstra punkt']);
  });

  test('the referent search command prints one line per hit, or JSON', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.sqlite');
    const io = (out: string[]) => ({ out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), open: (f?: string) => ({ store: openStore(f ?? db), shell: 'cli' as const, version: 't' }), cwd: dir });
    const lines: string[] = [];
    fs.writeFileSync(path.join(dir, 'f.json'), JSON.stringify(fixture));
    expect(await runCli(['import', 'f.json', '--db', db], io([]))).toBe(0);
    expect(await runCli(['search', 'personalesag', '--db', db], io(lines))).toBe(0);
    expect(lines[0]).toBe('Organisations- og Beredskabsudvalget 07-04-2026  Punkt 3: Personalesag  (26/1111)  [lukket]');
    const json: string[] = [];
    await runCli(['search', 'Personalesag', '--json', '--committee', 'OBU', '--db', db], io(json));
    expect((JSON.parse(json[0]!) as { hits: { number: number }[] }).hits[0]!.number).toBe(3);
  });
});
