// The PDF as shipped: every TOC number is the page its item's heading is printed on, "Side X af Y"
// on every page, fonts embedded with æøå, tagged (StructTreeRoot) with bookmarks, A4; and the
// page cache lets an unchanged document print once.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import type { PdfPrinter } from '../../src-main/core/documents/pdf';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { headingPages, fixtureStores, pdfObjectsText, pdfPages, squash, tocEntries, writeTemp } from './documents-helpers';

const inner = playwrightPrinter();
let prints = 0;
const printer: PdfPrinter = { tagged: true, print: (html, o) => (prints++, inner.print(html, o)) };
const { stores, ids } = fixtureStores();
const store = stores.rich;
afterAll(() => inner.close());

describe('the PDF', () => {
  for (const fixture of ['reference', 'rich'] as const) {
    it(`${fixture}: each TOC number is the page the item's heading is printed on`, async () => {
      const meetingId = ids[fixture]!;
      const db = stores[fixture].db;
      const { doc } = await loadReferat(db, { meetingId, kind: 'minutes', public: false });
      const r = await exportDocument(db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
      const pages = pdfPages(writeTemp('m.pdf', r.bytes));
      expect(pages.length).toBe(r.pageCount);

      const toc = tocEntries(pages, doc.chapters.map((c) => c.tocTitle));
      const printed = headingPages(pages, doc.chapters.map((c) => c.heading));
      expect(toc.filter((n) => n !== undefined)).toHaveLength(doc.chapters.length);
      doc.chapters.forEach((c, i) => expect({ chapter: c.heading, toc: toc[i] }).toEqual({ chapter: c.heading, toc: printed.get(c.heading) }));
      pages.forEach((p, i) => expect(squash(p)).toContain(`Side ${i + 1} af ${pages.length}`));
    });
  }

  it('is A4, tagged, has bookmarks per item, and embeds its fonts with æøå intact', async () => {
    const r = await exportDocument(stores.reference.db, printer, { meetingId: ids.reference!, kind: 'minutes', public: false, format: 'pdf' });
    const file = writeTemp('ref.pdf', r.bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const objects = pdfObjectsText(file);
    expect(objects).toContain('/StructTreeRoot');
    expect(objects).toContain('/Lang (da-DK)');
    for (const n of [42, 45, 52]) expect(objects).toContain(`"title":"Punkt ${n}: `);

    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/LiberationSans/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
    }
    expect(pdfPages(file).join('\n')).toContain('Databeskyttelsesrådgiverens årsberetning for 2025');
  });

  it('prints once when the page numbers are cached, and checks a stale guess against what it printed', async () => {
    const meetingId = ids.rich!;
    // The cache serves drafts: approved minutes print from their seal, and their .docx always
    // takes its numbers from a print (tests/integration/seal-documents.test.ts). So the meeting is
    // reopened here, in the file, for its rows to print and change.
    await store.db.updateTable('meetings').set({ locked_at: null, status: 'held' }).where('id', '=', meetingId).execute();
    const req = { meetingId, kind: 'decisions' as const, public: true };
    await exportDocument(store.db, printer, { ...req, format: 'pdf' });
    prints = 0;
    await exportDocument(store.db, printer, { ...req, format: 'pdf' });
    expect(prints).toBe(1);
    prints = 0;
    await exportDocument(store.db, printer, { ...req, format: 'docx' });
    expect(prints).toBe(0);

    // A new title moves no page: the earlier numbers hold, and one print does.
    await store.db.updateTable('items').set({ title: 'Gensidig orientering og eventuelt' }).where('meeting_id', '=', meetingId).where('title', '=', 'Gensidig orientering').execute();
    prints = 0;
    let r = await exportDocument(store.db, printer, { ...req, format: 'pdf' });
    expect(prints).toBe(1);
    const shortPages = pdfPages(writeTemp('d.pdf', r.bytes));
    expect(squash(shortPages[0]!)).toContain('Gensidig orientering og eventuelt');
    const before = headingPages(shortPages, ['Punkt 2: Budgetopfølgning og rige formater']).get('Punkt 2: Budgetopfølgning og rige formater')!;

    // A long decision text pushes the later items on: the guess is wrong, found so, and printed again.
    const first = await store.db.selectFrom('items').select('id').where('meeting_id', '=', meetingId).where('position', '=', 0).executeTakeFirstOrThrow();
    await store.db.updateTable('decisions').set({ text: Array.from({ length: 40 }, (_, i) => `Afsnit ${i + 1} af en lang beslutning om dagsordenen.`).join('\n\n') }).where('item_id', '=', first.id).execute();
    prints = 0;
    r = await exportDocument(store.db, printer, { ...req, format: 'pdf' });
    expect(prints).toBe(2);
    const { doc } = await loadReferat(store.db, req);
    const pages = pdfPages(writeTemp('d2.pdf', r.bytes));
    const toc = tocEntries(pages, doc.chapters.map((c) => c.tocTitle));
    const printed = headingPages(pages, doc.chapters.map((c) => c.heading));
    expect(printed.get('Punkt 2: Budgetopfølgning og rige formater')).toBeGreaterThan(before);
    doc.chapters.forEach((c, i) => expect({ chapter: c.heading, toc: toc[i] }).toEqual({ chapter: c.heading, toc: printed.get(c.heading) }));
  });

  it('a planned meeting without items still makes an agenda: the header, no table of contents', async () => {
    const db = stores.rich.db;
    const committee = await db.selectFrom('committees').select('id').executeTakeFirstOrThrow();
    const ctx = { store: stores.rich, shell: 'cli' as const, version: 'test' };
    const meeting = await call(ctx, 'meetings.create', { committeeId: committee.id, start: '2026-09-01T14:30', location: 'Rådhuset' });
    const pdf = await exportDocument(db, printer, { meetingId: meeting.id, kind: 'agenda', public: false, format: 'pdf' });
    const pages = pdfPages(writeTemp('empty.pdf', pdf.bytes));
    expect(pages).toHaveLength(1);
    expect(squash(pages[0]!)).toContain('DAGSORDEN Organisations- og Beredskabsudvalget d. 01-09-2026');
    expect(squash(pages[0]!)).not.toContain('Indholdsfortegnelse');
    const docx = await exportDocument(db, printer, { meetingId: meeting.id, kind: 'agenda', public: false, format: 'docx' });
    expect(docx.fileName).toBe('2026-09-01 OBU Dagsorden.docx');
  });
});
