// The `referent` command: import a fixture, export it back, exit codes and one-line reasons.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src-main/core/store/open';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempDir } from '../helpers/store';
import { cli } from '../helpers/cli';

const fixture = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');

describe('referent command', () => {
  test('import prints what it added, and export-json gives the document back', async () => {
    const db = path.join(tempDir(), 'r.sqlite');
    const imported = await cli(['import', fixture, '--db', db]);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('committees 2 added, 0 updated; meetings 5 added, 0 replaced, 0 unchanged; 12 items');

    const exported = await cli(['export-json', '--db', db]);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(exported.out) as ReferentDocument;
    expect(doc.committees.map((c) => c.name)).toEqual(['Organisations- og Beredskabsudvalget', 'Kommunalbestyrelsen']);
    expect(doc.committees[0]!.meetings[0]!.items[1]!.decision!.dissents![0]!.text).toMatch(/ført til protokols/);

    const byShortName = JSON.parse((await cli(['export-json', '--committee', 'KB', '--year', '2026', '--db', db])).out) as ReferentDocument;
    expect(byShortName.committees.map((c) => c.name)).toEqual(['Kommunalbestyrelsen']);
    expect(byShortName.committees[0]!.meetings).toHaveLength(2);
    const noMeetings = JSON.parse((await cli(['export-json', '--year', '2025', '--db', db])).out) as ReferentDocument;
    expect(noMeetings.committees.flatMap((c) => c.meetings)).toEqual([]);
  });

  test('a bad document exits 2 with one line naming the file and the JSON path, and imports nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.sqlite');
    const doc = JSON.parse(fs.readFileSync(fixture, 'utf8')) as ReferentDocument;
    doc.committees[0]!.meetings[2]!.start = '2026-13-01T14:30';
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(doc));
    const r = await cli(['import', 'bad.json', '--db', db], dir);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual(['referent import: bad.json: committees[0].meetings[2].start: is not a real calendar date']);
    const store = openSqliteStore(db);
    expect(await store.db.selectFrom('committees').selectAll().execute()).toEqual([]);
    await store.close();
  });

  test('a file that is not JSON, a missing file and unknown flags exit 2', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'x.json'), '{"format": "referent/v1", ');
    expect(await cli(['import', 'x.json', '--db', path.join(dir, 'r.sqlite')], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/^referent import: x\.json: not valid JSON/) });
    expect(await cli(['import', 'nope.json'], dir)).toMatchObject({ code: 2, err: 'referent import: nope.json: no such file\n' });
    expect((await cli(['export-json', '--colour', 'red'], dir)).code).toBe(2);
    expect((await cli(['export-json', '--year', '26'], dir)).err).toContain('--year must be a year like 2026');
    expect((await cli(['frobnicate'], dir)).code).toBe(2);
  });

  test('an unknown committee exits 2', async () => {
    const dir = tempDir();
    // An existing database (export-json only reads, and names a missing file instead).
    await cli(['api', 'system.info', '--db', path.join(dir, 'r.sqlite')], dir);
    const r = await cli(['export-json', '--committee', 'Finansudvalget', '--db', path.join(dir, 'r.sqlite')], dir);
    expect(r).toMatchObject({ code: 2, err: 'referent export-json: No committee is called "Finansudvalget" (by name or short name).\n' });
  });

  test('export-json --out writes a .referent.zip that imports elsewhere', async () => {
    const dir = tempDir();
    await cli(['import', fixture, '--db', path.join(dir, 'a.sqlite')], dir);
    expect((await cli(['export-json', '--out', 'all.referent.zip', '--db', path.join(dir, 'a.sqlite')], dir)).code).toBe(0);
    const r = await cli(['import', 'all.referent.zip', '--db', path.join(dir, 'b.sqlite')], dir);
    expect(r.out).toContain('meetings 5 added');
    // Named in capitals, as the app's Eksportér… takes it: a bundle all the same.
    expect((await cli(['export-json', '--out', 'ALT.REFERENT.ZIP', '--db', path.join(dir, 'a.sqlite')], dir)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'ALT.REFERENT.ZIP')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await cli(['import', 'ALT.REFERENT.ZIP', '--db', path.join(dir, 'c.sqlite')], dir)).out).toContain('meetings 5 added');
  });

  test('the api command calls any operation of the contract', async () => {
    const db = path.join(tempDir(), 'r.sqlite');
    const r = await cli(['api', 'committees.create', JSON.stringify({ name: 'Social- og Seniorudvalget', numbering: 'per-meeting' }), '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, value: { name: 'Social- og Seniorudvalget' } });
    expect((await cli(['api', 'list'])).out).toContain('exchange.import');
  });

  test('the real command, the bundled bin and npm run referent alike, runs with $REFERENT_DB', async () => {
    const dir = tempDir();
    const env = { ...process.env, REFERENT_DB: path.join(dir, 'env.sqlite') };
    const run = promisify(execFile);
    const bin = path.resolve((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { bin: { referent: string } }).bin.referent);
    await run(process.execPath, [bin, 'import', fixture], { env });
    // `npm run referent --` runs scripts/referent.mjs, which runs the same bundle.
    const { stdout } = await run(process.execPath, ['scripts/referent.mjs', 'export-json', '--committee', 'OBU'], { env });
    expect((JSON.parse(stdout) as ReferentDocument).committees[0]!.shortName).toBe('OBU');
    const failed = await run(process.execPath, [bin, 'import', 'missing.json'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stderr: 'referent import: missing.json: no such file\n' });
    // Three starts of the command on a shared 2-core machine: they get the time they need
    // (one cold start took 60 s under a load of 25 while eight engineers ran their suites).
  }, 600_000);
});
