// Filer > Importér… and Filer > Eksportér JSON… against a real temporary database, with the OS
// dialogs stood in for: the rich fixture goes in, comes back out, and errors are told, in Danish,
// not thrown. (The host is in-process here; worker-host.test.ts runs the same tasks in the worker.)
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { unzipSync } from 'fflate';
import { tempDir, tempStore, testContext } from '../../tests/helpers/store';
import type { CoreContext } from '../core/context';
import type { ApiHost } from '../host/api-host';
import { inProcessHost } from '../host/in-process-host';
import { call } from '../core/dispatch';
import { exportJson, importExchange, importSummary, type ExchangeMenuDeps, type Notice } from './exchange-menu';

const FIXTURE = path.resolve(import.meta.dirname, '../../tests/fixtures/exchange/rich.referent.json');

let ctx: CoreContext;
let host: ApiHost;
afterEach(async () => host?.close());

function deps(picks: { open?: string | null; save?: string | null; answer?: number }): ExchangeMenuDeps & { notices: Notice[]; questions: { message: string }[]; refreshed: number } {
  const notices: Notice[] = [];
  const questions: { title: string; message: string; buttons: string[] }[] = [];
  const out = {
    host,
    showOpen: async () => (picks.open ? { canceled: false, filePaths: [picks.open] } : { canceled: true, filePaths: [] }),
    showSave: async () => (picks.save ? { canceled: false, filePath: picks.save } : { canceled: true }),
    notify: async (n: Notice) => void notices.push(n),
    ask: async (q: { title: string; message: string; buttons: string[] }) => {
      questions.push(q);
      return picks.answer ?? 0;
    },
    questions,
    refresh: () => void out.refreshed++,
    today: () => '2026-06-02',
    notices,
    refreshed: 0,
  };
  return out;
}

describe('Importér…', () => {
  test('imports the chosen document, refreshes the window and says what was added, in Danish', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    const d = deps({ open: FIXTURE });
    const report = await importExchange(d);
    expect(report?.committees.added).toBeGreaterThan(0);
    expect(d.refreshed).toBe(1);
    expect(d.notices).toEqual([{ kind: 'info', title: 'Import gennemført', message: importSummary('rich.referent.json', report!) }]);
    expect(d.notices[0]!.message).toMatch(/^rich\.referent\.json: \d+ udvalg tilføjet, 0 opdateret; \d+ møder tilføjet/);
    const names = await ctx.store.db.selectFrom('committees').select('name').execute();
    expect(names.map((r) => r.name)).toContain('Organisations- og Beredskabsudvalget');
  });

  test('a file that is not JSON is reported and changes nothing', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    const bad = path.join(tempDir(), 'noter.json');
    fs.writeFileSync(bad, 'Dagsorden: 1. Godkendelse');
    const d = deps({ open: bad });
    expect(await importExchange(d)).toBeNull();
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]).toMatchObject({ kind: 'error', title: 'Importen mislykkedes' });
    expect(d.notices[0]!.message).toMatch(/^noter\.json er ikke gyldig JSON/);
    expect(d.refreshed).toBe(0);
    expect(await ctx.store.db.selectFrom('committees').select('id').execute()).toEqual([]);
  });

  test('a document the importer refuses names the JSON path in the message', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    const file = path.join(tempDir(), 'forkert.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'referent/v1', committees: [{ name: '' }] }));
    const d = deps({ open: file });
    expect(await importExchange(d)).toBeNull();
    expect(d.notices[0]!.message).toContain('committees[0]');
    expect(await ctx.store.db.selectFrom('committees').select('id').execute()).toEqual([]);
  });

  test("another organisation's file: the import asks, keeps our name unless told, and says what it kept", async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    await importExchange(deps({ open: FIXTURE }));
    const other = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { organization: { name: string } };
    other.organization.name = 'Aabenraa Kommune';
    const file = path.join(tempDir(), 'aabenraa.json');
    fs.writeFileSync(file, JSON.stringify(other));

    const keep = deps({ open: file, answer: 0 });
    await importExchange(keep);
    expect(keep.questions).toHaveLength(1);
    expect(keep.questions[0]!.message).toContain('Beholdt organisationens navn: filen siger »Aabenraa Kommune«, her står »Haderslev Kommune«.');
    expect(keep.notices[0]!.message).toContain('Beholdt organisationens navn');
    const name = async () => (await call(ctx, 'settings.get', {})).name;
    expect(await name()).toBe('Haderslev Kommune');

    const adopt = deps({ open: file, answer: 1 });
    await importExchange(adopt);
    expect(adopt.notices[0]!.message).toContain('Ændrede organisationens navn til filens: filen siger »Aabenraa Kommune«, før stod »Haderslev Kommune«.');
    expect(await name()).toBe('Aabenraa Kommune');
  });

  test('cancelling the dialog does nothing at all', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    const d = deps({ open: null });
    expect(await importExchange(d)).toBeNull();
    expect(d.notices).toEqual([]);
  });
});

describe('Eksportér JSON…', () => {
  test('writes the document as JSON at the chosen path', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    await importExchange(deps({ open: FIXTURE }));
    const target = path.join(tempDir(), 'eksport.json');
    const d = deps({ save: target });
    expect(await exportJson(d)).toBe(target);
    const doc = JSON.parse(fs.readFileSync(target, 'utf8')) as { format: string; committees: { name: string }[] };
    expect(doc.format).toBe('referent/v1');
    expect(doc.committees.map((c) => c.name)).toContain('Organisations- og Beredskabsudvalget');
    expect(d.notices).toEqual([{ kind: 'info', title: 'Eksport gennemført', message: `Gemt som ${target}.` }]);
  });

  test('a .referent.zip name gives the bundle with referent.json inside', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    await importExchange(deps({ open: FIXTURE }));
    const target = path.join(tempDir(), 'arkiv.referent.zip');
    await exportJson(deps({ save: target }));
    const entries = unzipSync(fs.readFileSync(target));
    const doc = JSON.parse(Buffer.from(entries['referent.json']!).toString('utf8')) as { format: string };
    expect(doc.format).toBe('referent/v1');
  });

  test('cancelled: no file and no message', async () => {
    ctx = testContext(tempStore());
    host = inProcessHost(ctx);
    const d = deps({ save: null });
    expect(await exportJson(d)).toBeNull();
    expect(d.notices).toEqual([]);
  });
});
