// Search answers "when did we decide X?": it finds items by title, case number, sections,
// decision, votes, dissents and attachment titles, in Danish, numbered as printed, and stays
// true as items change.
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { runCli } from '../../src-main/cli/run';
import { openSqliteStore } from '../../src-main/core/store/open';
import { searchWords } from '../../src-main/core/store/migrations/0060-search-words';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempDir, testContext } from '../helpers/store';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8')) as unknown;
type Ctx = ReturnType<typeof testContext>;
const search = (ctx: Ctx, query: string, more: Record<string, unknown> = {}) => call(ctx, 'search.items', { query, ...more });
const titles = async (ctx: Ctx, query: string, more: Record<string, unknown> = {}) => (await search(ctx, query, more)).hits.map((h) => h.title);

async function withFixture(): Promise<Ctx> {
  const ctx = testContext();
  await call(ctx, 'exchange.import', { document: fixture });
  return ctx;
}

const member = (key: string, name: string) => ({ key, name, role: 'member' as const });

/** Two committees over two years, with words chosen to tell each rule apart. */
const danish = (): ReferentDocument => ({
  format: 'referent/v1',
  committees: [
    {
      name: 'Teknik- og Klimaudvalget',
      shortName: 'TKU',
      numbering: 'per-year',
      members: [member('a', 'Anne Andersen'), member('b', 'Bo Bæk')],
      meetings: [
        {
          start: '2025-03-04T15:00',
          status: 'minutes-approved',
          items: [
            { title: 'Ny sø ved Vojens', caseNumber: '25/4881', sections: [{ kind: 'summary', body: 'Kommunen vil grave en sø ved skolen.' }], decision: { outcome: 'approved' } },
            { title: 'So og gris i Gram', caseNumber: '25/100', sections: [{ kind: 'summary', body: 'Punkt om 25 grise og 4881 kroner.' }], decision: { outcome: 'rejected', text: 'Afvist, da ansøgningen kom for sent.' } },
          ],
        },
        {
          start: '2026-05-05T15:00',
          status: 'planned',
          items: [
            { title: 'Grøn omstilling af flåden', sections: [{ kind: 'presentation', body: 'Planen for grøn omstilling frem mod 2030.' }] },
            { title: 'Omstilling af busser', sections: [{ kind: 'presentation', body: 'En grøn plan; omstilling af busdriften. Busserne kører også til Vojens.' }] },
            { title: 'Besøg fra udlandet', access: 'closed', sections: [{ kind: 'summary', body: 'Ambassadørerne fra Norden kommer på besøg.' }], attachments: [{ title: 'Program for ambassadørbesøget' }] },
          ],
        },
      ],
    },
    {
      name: 'Økonomiudvalget',
      shortName: 'ØU',
      numbering: 'per-meeting',
      members: [member('c', 'Carl Carlsen'), member('d', 'Dorte Dam')],
      meetings: [
        {
          start: '2026-02-03T14:00',
          status: 'held',
          attendance: [{ member: 'c', status: 'present' }, { member: 'd', status: 'present' }],
          items: [
            { title: 'Godkendelse af dagsorden', decision: { outcome: 'approved' } },
            {
              title: 'Salg af grund',
              sections: [{ kind: 'summary', body: 'En ambassadør har vist interesse.' }],
              decision: { outcome: 'approved', votes: { for: ['c'], against: ['d'], abstained: [] }, dissents: [{ member: 'd', text: 'Prisen er for lav.' }] },
            },
          ],
        },
      ],
    },
  ],
});

async function withDanish(): Promise<Ctx> {
  const ctx = testContext();
  await call(ctx, 'exchange.import', { document: danish() });
  return ctx;
}

describe('search finds', () => {
  test('words in section text, titles and case numbers, with the item number as printed and the match marked', async () => {
    const ctx = await withFixture();
    const r = await search(ctx, 'MED-udvalget');
    expect(r.hits.map((h) => [h.committee, h.number, h.title, h.matchedIn, h.section])).toEqual([['Organisations- og Beredskabsudvalget', 2, 'Digitaliseringsstrategi 2026 - 2028', 'section', 'custom']]);
    expect(r.hits[0]!.snippet).toContain('Høringssvar fra [[MED-udvalget]], se kommunens side');
    expect(r).toMatchObject({ total: 1, more: false });
    expect((await search(ctx, '22/22880')).hits.map((h) => h.number).sort()).toEqual([2, 5]);
    expect((await search(ctx, 'digitalis')).total).toBe(2);
    expect((await search(ctx, 'tandlæge')).hits).toEqual([]);
  });

  test('decisions (outcome and text), votes, dissents and attachment titles', async () => {
    const ctx = await withFixture();
    const sent = (await search(ctx, 'sendt')).hits;
    expect(sent.map((h) => [h.title, h.matchedIn, h.outcome])).toEqual([['Andet', 'decision', 'other']]);
    expect(sent[0]!.snippet).toBe('Andet Sendt i høring.'.replace('Sendt', '[[Sendt]]'));
    expect((await search(ctx, 'anbefales')).hits.map((h) => h.title)).toEqual(['Forslag']);
    const brandt = (await search(ctx, 'udsættelsen')).hits;
    expect(brandt.map((h) => [h.title, h.matchedIn])).toEqual([['Digitaliseringsstrategi 2026 - 2028', 'dissent']]);
    expect(brandt[0]!.snippet).toBe('… sin stemme mod [[udsættelsen]] ført til protokols.');
    expect((await search(ctx, 'imod')).hits.map((h) => h.matchedIn).sort()).toEqual(['votes', 'votes']);
    const attachment = (await search(ctx, '"intern vurdering"')).hits;
    expect(attachment.map((h) => [h.title, h.matchedIn, h.snippet])).toEqual([['Digitaliseringsstrategi 2026 - 2028', 'attachment', '[[Intern vurdering]]']]);
  });

  test('a case number whole: 25/4881 finds that case, not 25 and 4881 apart', async () => {
    const ctx = await withDanish();
    expect(await titles(ctx, '25/4881')).toEqual(['Ny sø ved Vojens']);
    expect(await titles(ctx, '4881')).toEqual(['Ny sø ved Vojens', 'So og gris i Gram']);
    const hit = (await search(ctx, '25/4881')).hits[0]!;
    expect([hit.matchedIn, hit.caseNumber]).toEqual(['caseNumber', '25/4881']);
  });

  test('a quoted phrase: the words together and in order, not apart', async () => {
    const ctx = await withDanish();
    expect(await titles(ctx, '"grøn omstilling"')).toEqual(['Grøn omstilling af flåden']);
    expect(await titles(ctx, 'grøn omstilling')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
  });

  test('a stem finds its inflections, in text and attachment titles; the last word typed matches as a prefix', async () => {
    const ctx = await withDanish();
    const found = (await search(ctx, 'ambassadør')).hits;
    expect(found.map((h) => h.title)).toEqual(['Besøg fra udlandet', 'Salg af grund']);
    expect(found[0]!.snippet).toBe('[[Ambassadørerne]] fra Norden kommer på besøg.');
    expect(await titles(ctx, 'ambassadørerne')).toEqual(['Besøg fra udlandet', 'Salg af grund']);
    expect(await titles(ctx, 'omstil')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
    expect(await titles(ctx, 'bu')).toEqual([]);
    expect(await titles(ctx, 'bus')).toEqual(['Omstilling af busser']);
  });

  test('æ, ø and å are letters of their own: sø is not so', async () => {
    const ctx = await withDanish();
    expect(await titles(ctx, 'sø')).toEqual(['Ny sø ved Vojens']);
    expect(await titles(ctx, 'so')).toEqual(['So og gris i Gram']);
  });

  test('filters: committee, year, outcome, open or closed', async () => {
    const ctx = await withDanish();
    const committees = await call(ctx, 'committees.list', {});
    const tku = committees.find((c) => c.shortName === 'TKU')!.id;
    expect(await titles(ctx, 'ambassadør', { committeeId: tku })).toEqual(['Besøg fra udlandet']);
    expect(await titles(ctx, 'ambassadør', { access: 'closed' })).toEqual(['Besøg fra udlandet']);
    expect(await titles(ctx, 'ambassadør', { access: 'open' })).toEqual(['Salg af grund']);
    expect(await titles(ctx, 'kommunen OR grise')).toEqual([]);
    expect(await titles(ctx, 'gram', { outcome: 'rejected' })).toEqual(['So og gris i Gram']);
    expect(await titles(ctx, 'gram', { outcome: 'approved' })).toEqual([]);
    expect(await titles(ctx, 'omstilling', { year: 2026 })).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
    expect(await titles(ctx, 'omstilling', { year: 2025 })).toEqual([]);
    expect(await titles(ctx, 'vojens', { year: 2025 })).toEqual(['Ny sø ved Vojens']);
  });

  test('title and case-number matches first, then the rest; each newest first', async () => {
    const ctx = await withDanish();
    expect(await titles(ctx, 'vojens')).toEqual(['Ny sø ved Vojens', 'Omstilling af busser']);
    expect(await titles(ctx, 'plan')).toEqual(['Grøn omstilling af flåden', 'Omstilling af busser']);
    const page = await search(ctx, 'af', { limit: 1, offset: 1 });
    expect(page.hits.map((h) => h.title)).toEqual(['Omstilling af busser']);
  });

  test('the numbers of the hits are the printed ones, per year and per meeting', async () => {
    const ctx = await withDanish();
    const hits = (await search(ctx, 'ambassadør')).hits;
    expect(hits.map((h) => [h.title, h.number])).toEqual([['Besøg fra udlandet', 3], ['Salg af grund', 2]]);
  });

  test('what she types cannot break the query', async () => {
    const ctx = await withFixture();
    for (const q of ['NOT ( "', 'AND OR', '"NEAR( x*', '* ^ :', '{title}: x', '"', '- " ']) await expect(search(ctx, q)).resolves.toMatchObject({ hits: [] });
  });
});

describe('a prefix being typed', () => {
  /** One committee with a meeting whose items say `words`, one word an item. */
  const saying = (words: string[]): ReferentDocument => ({
    format: 'referent/v1',
    committees: [{ name: 'Børne- og Skoleudvalget', numbering: 'per-meeting', members: [], meetings: [{ start: '2026-06-02T15:00', items: words.map((w, i) => ({ title: `Punkt ${i + 1}`, sections: [{ kind: 'summary' as const, body: `Udvalget drøftede ${w} i dag.` }] })) }] }],
  });

  test('stands for the shortest whole words that start with it, even when hundreds do', async () => {
    const ctx = testContext();
    // 300 words start with "skole"; the prefix stands for the 40 shortest, so "skolen" is found
    // and a long compound is found once she types enough of it.
    const compounds = Array.from({ length: 300 }, (_, i) => `skole${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(i / 26)]}vej`);
    await call(ctx, 'exchange.import', { document: saying(['skolen', ...compounds, 'skolebestyrelsesformandens']) });
    expect(await titles(ctx, 'skole')).toContain('Punkt 1');
    expect(await titles(ctx, 'skolebestyr')).toEqual(['Punkt 302']);
    expect(await titles(ctx, 'skolezkv')).toEqual([`Punkt ${compounds.indexOf('skolezkvej') + 2}`]);
    expect((await search(ctx, 'skole')).total).toBe(40);
    // A phrase being typed: its last word as a prefix.
    expect(await titles(ctx, '"drøftede skolebes')).toEqual(['Punkt 302']);
  });

  test('finds words saved after the import, and a store indexed before the word list was kept gets it from its index', async () => {
    const ctx = testContext();
    await call(ctx, 'exchange.import', { document: saying(['skolen']) });
    const item = (await search(ctx, 'skolen')).hits[0]!;
    await call(ctx, 'agenda.updateItem', { itemId: item.itemId, title: 'Vejbelysning på Gråstenvej' });
    expect(await titles(ctx, 'gråsten')).toEqual(['Vejbelysning på Gråstenvej']);

    // A file at the schema before search_words, its index built by then: the words come from the index.
    const file = path.join(tempDir(), 'r.sqlite');
    const old = openSqliteStore(file, { targetVersion: searchWords.version - 1 });
    old.sqlite.prepare("INSERT INTO item_search (rowid, title, case_number, body, stems, facets) VALUES (7, 'Skolestruktur', '', 'Kommunalbestyrelsen besluttede', '', '')").run();
    await old.close();
    const store = openSqliteStore(file);
    const words = store.sqlite.prepare("SELECT word FROM search_words WHERE word LIKE 'kommunal%' OR word LIKE 'skole%'").pluck().all();
    expect(words).toEqual(['kommunalbestyrelsen', 'skolestruktur']);
    await store.close();
  });
});

describe('the index stays true', () => {
  test('edits, removals and a moved meeting are found at once', async () => {
    const ctx = await withFixture();
    // Written past the Api (as another program could): the database itself marks the item for the index.
    await sql`UPDATE item_sections SET body = 'Ny tekst om Vojens skole' WHERE kind = 'legal'`.execute(ctx.store.db);
    expect(await titles(ctx, 'Vojens')).toEqual(['Ekstra punkt']);
    const hit = (await search(ctx, 'Vojens')).hits[0]!;
    await call(ctx, 'agenda.updateItem', { itemId: hit.itemId, title: 'Skolesag' });
    expect(await titles(ctx, 'skolesag')).toEqual(['Skolesag']);
    expect(await titles(ctx, 'ekstra')).toEqual([]);
    await call(ctx, 'meetings.update', { id: hit.meetingId, start: '2027-01-12T14:30' });
    expect(await titles(ctx, 'skolesag', { year: 2027 })).toEqual(['Skolesag']);
    expect(await titles(ctx, 'skolesag', { year: 2026 })).toEqual([]);
    await call(ctx, 'agenda.removeItem', { itemId: hit.itemId });
    expect(await titles(ctx, 'skolesag')).toEqual([]);
  });

  test('an archive larger than one round of indexing is indexed whole, newest meeting first, and removed items leave it', async () => {
    const ctx = testContext();
    const meetings = Array.from({ length: 60 }, (_, m) => ({
      start: `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-07T15:00`,
      items: Array.from({ length: 12 }, (_, i) => ({ title: `Punkt ${m}.${i}`, sections: [{ kind: 'summary' as const, body: `Vandløbet ved skolen, sag ${m}.` }] })),
    }));
    await call(ctx, 'exchange.import', { document: { format: 'referent/v1', committees: [{ name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting', members: [], meetings }] } });
    // Items in the index: FTS5's keys in the file, the server's one row per item (the test runs on both).
    const indexed = async (): Promise<number> =>
      Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(ctx.store.dialect === 'sqlite' ? 'search_keys' : 'search_documents')}`.execute(ctx.store.db)).rows[0]!.n);
    expect(await indexed()).toBe(720);
    const first = await search(ctx, 'vandløbet');
    expect(first.total).toBe(720);
    expect(first.hits.slice(0, 2).map((h) => h.title)).toEqual(['Punkt 59.0', 'Punkt 59.1']);
    expect((await search(ctx, 'vandløbet', { offset: 710 })).hits.map((h) => h.title)).toEqual(['Punkt 0.2', 'Punkt 0.3', 'Punkt 0.4', 'Punkt 0.5', 'Punkt 0.6', 'Punkt 0.7', 'Punkt 0.8', 'Punkt 0.9', 'Punkt 0.10', 'Punkt 0.11']);
    await ctx.store.db.deleteFrom('items').where('title', 'like', 'Punkt 0.%').execute();
    expect((await search(ctx, 'vandløbet')).total).toBe(708);
    expect(await indexed()).toBe(708);
    expect(await ctx.store.search.refresh(ctx.store.db)).toBe(0);
  });

  test('an item is indexed once per change, however many of its rows changed', async () => {
    const ctx = await withFixture();
    expect(await ctx.store.search.refresh(ctx.store.db)).toBe(0);
    const db = ctx.store.db;
    const item = await db.selectFrom('item_sections').select('item_id').where('kind', '=', 'custom').executeTakeFirstOrThrow();
    await sql`UPDATE item_sections SET body = body || ' mere' WHERE item_id = ${item.item_id}`.execute(db);
    await sql`UPDATE attachments SET title = title || ' ny' WHERE item_id = ${item.item_id}`.execute(db);
    await sql`UPDATE decisions SET text = 'Ny tekst' WHERE item_id = ${item.item_id}`.execute(db);
    expect(await ctx.store.search.refresh(ctx.store.db)).toBe(1);
    expect(await titles(ctx, '"udkast til strategi ny"')).toEqual(['Digitaliseringsstrategi 2026 - 2028']);
  });

  test('the referent search command prints one line per hit and the count, or JSON; filters by committee, year, outcome', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.sqlite');
    const io = (out: string[]) => ({ out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), open: (f?: string) => ({ store: openSqliteStore(f ?? db), shell: 'cli' as const, version: 't' }), cwd: dir });
    const lines: string[] = [];
    fs.writeFileSync(path.join(dir, 'f.json'), JSON.stringify(fixture));
    expect(await runCli(['import', 'f.json', '--db', db], io([]))).toBe(0);
    expect(await runCli(['search', 'personalesag', '--db', db], io(lines))).toBe(0);
    expect(lines[0]).toBe('Organisations- og Beredskabsudvalget 07-04-2026  Punkt 3: Personalesag  (26/1111)  [lukket]');
    expect(lines.at(-1)).toBe('1 item(s) match; 1 shown.');
    const json: string[] = [];
    await runCli(['search', 'Personalesag', '--json', '--committee', 'OBU', '--year', '2026', '--outcome', 'approved', '--db', db], io(json));
    expect((JSON.parse(json[0]!) as { hits: { number: number }[] }).hits[0]!.number).toBe(3);
    const bad: string[] = [];
    expect(await runCli(['search', 'x', '--outcome', 'maybe', '--db', db], io(bad))).toBe(2);
    expect(bad.join('\n')).toMatch(/--outcome must be one of approved/);
  });
});
