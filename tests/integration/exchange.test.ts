// The exchange format: the rich fixture uses every field, survives import -> export, a bad
// document changes nothing and names its JSON path, and approved meetings stay as they were.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { referentJsonSchema, renderJsonSchema } from '../../src-main/core/exchange/json-schema';
import { importDocument } from '../../src-main/core/exchange/import';
import { exportDocument } from '../../src-main/core/exchange/export';
import { readBundle, writeBundle, writeBundleStream } from '../../src-main/core/exchange/bundle';
import { cli } from '../helpers/cli';
import { storeFile } from '../../src-main/core/files/file-store';
import { call } from '../../src-main/core/dispatch';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempStore, testContext } from '../helpers/store';
import type { Store } from '../../src-main/core/store/open';

const fixturePath = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');
const rich = (): ReferentDocument => JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as ReferentDocument;

function schemaPaths(schema: Record<string, unknown>, prefix: string, out: Set<string>): Set<string> {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, sub] of Object.entries(props ?? {})) {
    const p = prefix ? `${prefix}.${key}` : key;
    out.add(p);
    schemaPaths(sub, p, out);
  }
  if (schema.items && typeof schema.items === 'object') schemaPaths(schema.items as Record<string, unknown>, `${prefix}[]`, out);
  for (const alt of [...((schema.anyOf as Record<string, unknown>[]) ?? []), ...((schema.oneOf as Record<string, unknown>[]) ?? [])]) schemaPaths(alt, prefix, out);
  return out;
}

function valuePaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) valuePaths(v, `${prefix}[]`, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${key}` : key;
      out.add(p);
      valuePaths(v, p, out);
    }
  }
  return out;
}

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['committees', 'people', 'memberships', 'meetings', 'items', 'item_sections', 'attachments', 'attendance', 'decisions', 'votes', 'dissents', 'approvals', 'addenda', 'change_log'] as const) {
    const r = await store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** "Defaults aside": what export adds that the fixture left to its default. */
function withoutDefaults(doc: ReferentDocument, reference: ReferentDocument): unknown {
  const clone = JSON.parse(JSON.stringify(doc)) as ReferentDocument;
  clone.committees.forEach((c, ci) => {
    const refC = reference.committees[ci]!;
    c.meetings.forEach((m, mi) => {
      const refM = refC.meetings[mi]!;
      if (refM.id === undefined) delete m.id;
      if (refM.status === undefined && m.status === 'planned') delete m.status;
      m.items.forEach((item, ii) => {
        const refI = refM.items[ii]!;
        if (refI.number === undefined) delete item.number;
        if (refI.access === undefined && item.access === 'open') delete item.access;
        item.attachments?.forEach((a, ai) => {
          if (refI.attachments?.[ai]?.access === undefined && a.access === 'open') delete a.access;
        });
      });
    });
  });
  return clone;
}

describe('exchange format referent/v1', () => {
  test('the published JSON Schema is the one generated from the zod schema', () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/schema/referent-v1.schema.json'), 'utf8');
    expect(committed).toBe(renderJsonSchema());
  });

  test('the rich fixture uses every field of the schema', () => {
    const inSchema = schemaPaths(referentJsonSchema(), '', new Set());
    const inFixture = valuePaths(rich(), '', new Set());
    const unused = [...inSchema].filter((p) => !inFixture.has(p));
    expect(unused).toEqual([]);
    expect(inSchema.size).toBeGreaterThan(80);
  });

  test('import then export gives the document back, defaults aside', async () => {
    const store = tempStore();
    const report = await importDocument(store, rich());
    expect(report).toMatchObject({ committees: { added: 2, updated: 0 }, meetings: { added: 5, replaced: 0, unchanged: 0 }, items: 12 });
    const exported = await exportDocument(store.db);
    // The anchor is this store's: its change log's head and length when it exported.
    const head = await store.db.selectFrom('change_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const entries = await store.db.selectFrom('change_log').select('seq').execute();
    expect(exported.anchor).toBe(`${head.hash}:${entries.length}`);
    expect(withoutDefaults({ ...exported, anchor: rich().anchor }, rich())).toEqual(rich());
    // Export writes every item's number, following the committee's rule (per year: 1..3, then 4..).
    const june = exported.committees[0]!.meetings[1]!;
    expect(june.items.map((i) => i.number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(exported.committees[0]!.meetings[2]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('an imported approved meeting is locked with a content hash', async () => {
    const store = tempStore();
    await importDocument(store, rich());
    const locked = await store.db.selectFrom('meetings').select(['start', 'locked_at', 'content_hash']).where('status', '=', 'minutes-approved').execute();
    expect(locked).toHaveLength(1);
    expect(locked[0]!.content_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('re-importing the same document duplicates nothing, and leaves the locked meeting unchanged', async () => {
    const store = tempStore();
    await importDocument(store, rich());
    const before = await counts(store);
    const again = await importDocument(store, rich());
    expect(again.meetings).toEqual({ added: 0, replaced: 4, unchanged: 1 });
    const after = await counts(store);
    expect({ ...after, change_log: 0 }).toEqual({ ...before, change_log: 0 });
  });

  test('a locked meeting with different content is refused, naming it, and nothing changes', async () => {
    const store = tempStore();
    await importDocument(store, rich());
    const before = await counts(store);
    const doc = rich();
    doc.committees[0]!.meetings[0]!.items[1]!.decision!.text = 'Godkendt alligevel.';
    doc.committees[1]!.meetings[0]!.items[0]!.title = 'Ændret titel';
    await expect(importDocument(store, doc)).rejects.toThrow(/committees\[0\]\.meetings\[0\]: the meeting of Organisations- og Beredskabsudvalget on 2026-04-07 14:30 is approved and locked/);
    expect(await counts(store)).toEqual(before);
    const kb = await exportDocument(store.db, { committee: 'KB' });
    expect(kb.committees[0]!.meetings[0]!.items[0]!.title).toBe('Haderslev Kommunes Informationssikkerhedspolitik 2026');
  });

  test.each([
    ['committees[0].meetings[1].items[2].title: must not be empty', (d: ReferentDocument) => void (d.committees[0]!.meetings[1]!.items[2]!.title = '  ')],
    ['committees[0].meetings[0].start: must be a local date and time like 2026-06-02T14:30', (d: ReferentDocument) => void (d.committees[0]!.meetings[0]!.start = '2026-04-07 14:30')],
    ['committees[0].meetings[0].end: is not a real calendar date', (d: ReferentDocument) => void (d.committees[0]!.meetings[0]!.end = '2026-02-30T16:00')],
    ['committees[0].meetings[0].attendance[5].substitute: names "nobody", who is not a member of this committee', (d: ReferentDocument) => void (d.committees[0]!.meetings[0]!.attendance![5]!.substitute = 'nobody')],
    ['committees[0].meetings[0].items[1].decision.votes.against[0]: names "ghost"', (d: ReferentDocument) => void (d.committees[0]!.meetings[0]!.items[1]!.decision!.votes!.against[0] = 'ghost')],
    ['committees[1].numbering: Invalid option', (d: ReferentDocument) => void ((d.committees[1] as { numbering: string }).numbering = 'yearly')],
    ['format: must be "referent/v1"', (d: ReferentDocument) => void ((d as { format: string }).format = 'referent/v2')],
    ['committees[0].meetings[1].items[0]: Unrecognized key: "colour"', (d: ReferentDocument) => void ((d.committees[0]!.meetings[1]!.items[0] as Record<string, unknown>).colour = 'red')],
  ])('a bad document changes nothing: %s', async (message, spoil) => {
    const store = tempStore();
    await importDocument(store, rich());
    const before = await counts(store);
    const doc = rich();
    spoil(doc);
    await expect(importDocument(store, doc)).rejects.toThrow(message);
    expect(await counts(store)).toEqual(before);
  });

  test('a conflict found while writing also rolls everything back', async () => {
    const store = tempStore();
    const doc = rich();
    // Two committees may not share a short name; the second one fails after the first was written.
    doc.committees[1]!.shortName = 'OBU';
    await expect(importDocument(store, doc)).rejects.toThrow(/committees\[1\]\.shortName: "OBU" is already the short name of "Organisations- og Beredskabsudvalget"/);
    expect((await counts(store)).committees).toBe(0);
    expect((await counts(store)).meetings).toBe(0);
  });

  test('the Api op reports the path too', async () => {
    const ctx = testContext();
    await expect(call(ctx, 'exchange.import', { document: { format: 'referent/v1', committees: [{ name: 'X', numbering: 'per-meeting', members: [], meetings: [{ start: 'tomorrow', items: [] }] }] } })).rejects.toThrow(
      'committees[0].meetings[0].start: must be a local date and time like 2026-06-02T14:30',
    );
  });

  test('a .referent.zip bundle carries the attachment files to another machine', async () => {
    const source = tempStore();
    const bytes = new TextEncoder().encode('%PDF-1.4 strategi');
    const sha = await storeFile(source.db, source.files, bytes);
    const doc = rich();
    doc.committees[0]!.meetings[0]!.items[1]!.attachments![0]!.sha256 = sha;
    await importDocument(source, doc);
    const zip = await writeBundle(source.db, await exportDocument(source.db), source.files);

    const target = tempStore();
    const { document, files } = readBundle(zip, 'x.referent.zip');
    expect([...files.keys()]).toEqual([sha]);
    const report = await importDocument(target, document, { files });
    expect(report.files).toBe(1);
    const stored = await target.db.selectFrom('attachments').select(['title', 'sha256', 'file_name']).where('sha256', '=', sha).executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'Udkast til strategi', sha256: sha, file_name: 'strategi.pdf' });
    expect((await target.files.get(target.db, sha))?.toString('utf8')).toBe('%PDF-1.4 strategi');
  });

  test('referent export-json --out x.referent.zip writes the same bundle a batch of meetings at a time', async () => {
    const source = tempStore();
    const sha = await storeFile(source.db, source.files, new TextEncoder().encode('%PDF-1.4 strategi'));
    const doc = rich();
    doc.committees[0]!.meetings[0]!.items[1]!.attachments![0]!.sha256 = sha;
    await importDocument(source, doc);
    const chunks: Uint8Array[] = [];
    await writeBundleStream(source.db, {}, source.files, (c) => void chunks.push(c));
    // Written in many pieces, not built whole and then written.
    expect(chunks.length).toBeGreaterThan(2);
    const { document, files } = readBundle(Buffer.concat(chunks), 'x.referent.zip');
    expect(document).toEqual(await exportDocument(source.db));
    expect([...files.entries()].map(([k, v]) => [k, new TextDecoder().decode(v)])).toEqual([[sha, '%PDF-1.4 strategi']]);
    // And through the command, to a file.
    await source.close();
    const out = path.join(source.dir, 'x.referent.zip');
    expect(await cli(['export-json', '--out', out, '--db', source.file], source.dir)).toMatchObject({ code: 0 });
    expect(readBundle(fs.readFileSync(out), 'x.referent.zip').document).toEqual(document);
  });

  test('a bundle whose file does not match its name is refused before anything is written', async () => {
    const store = tempStore();
    const files = new Map([['a'.repeat(64), new TextEncoder().encode('not it')]]);
    await expect(importDocument(store, rich(), { files })).rejects.toThrow(/files\/a{64}: the file's content does not match its SHA-256 name/);
    expect((await counts(store)).meetings).toBe(0);
  });
});
