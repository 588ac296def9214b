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

/** Every word's box (pdftotext -bbox), in points from the page's top left, with its page. */
function wordBoxes(file: string): { page: { width: number; height: number }; words: { page: number; text: string; left: number; top: number; height: number }[] } {
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(xml)!;
  const words: { page: number; text: string; left: number; top: number; height: number }[] = [];
  xml.split('<page ').slice(1).forEach((p, i) => {
    for (const m of p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, text: m[4]!, left: Number(m[1]), top: Number(m[2]), height: Number(m[3]) - Number(m[2]) });
    }
  });
  return { page: { width: Number(size[1]), height: Number(size[2]) }, words };
}

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
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
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

  it('writes each run of text as one string, at the house style\'s sizes on A4, with links and bookmarks over what they point to', async () => {
    const meetingId = ids.reference!;
    const { doc } = await loadReferat(stores.reference.db, { meetingId, kind: 'minutes', public: false });
    const r = await exportDocument(stores.reference.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
    const file = writeTemp('strings.pdf', r.bytes);
    const objects = pdfObjectsText(file);
    // Laid out at 11 pt (14.67 CSS px) Chromium placed every glyph on its own ("x 0 Td <gid> Tj"):
    // several strings a word. Laid out at whole pixels, a line is a string or a few.
    const strings = objects.match(/\bTj\b/g)?.length ?? 0;
    const words = pdfPages(file).join(' ').split(/\s+/).filter(Boolean).length;
    expect(strings).toBeLessThan(words / 2);

    // The page scaled back to A4 keeps the house style's sizes: a word's box is its font's height (Arial: 1.117 em).
    const boxes = wordBoxes(file);
    expect(boxes.page.width).toBeCloseTo(595.3, 0);
    expect(boxes.page.height).toBeCloseTo(841.9, 0);
    const heightOf = (text: string, page: number): number => boxes.words.find((w) => w.page === page && w.text === text)!.height;
    expect(heightOf('Side', 1)).toBeCloseTo(9 * 1.117, 1); // footer, 9 pt
    const first = doc.chapters[0]!;
    const firstPage = headingPages(pdfPages(file), [first.heading]).get(first.heading)!;
    expect(heightOf('Punkt', firstPage)).toBeCloseTo(14 * 1.117, 1); // item heading, 14 pt
    // The body: most words of the document (bold, headings and tables aside).
    const body = boxes.words.filter((w) => Math.abs(w.height - 11 * 1.117) < 0.1).length;
    expect(body).toBeGreaterThan(boxes.words.length * 0.6);

    // The first TOC entry's link covers its title, and its target is the top of the item's page.
    const title = boxes.words.find((w) => w.page === 1 && first.tocTitle.startsWith(w.text) && w.top > 150)!;
    const rect = /"\/Rect":\[([\d.]+),([\d.]+),([\d.]+),([\d.]+)\]/.exec(objects)!.slice(1).map(Number);
    const [x0, y0, x1, y1] = rect as [number, number, number, number];
    expect(title.left).toBeGreaterThanOrEqual(x0 - 1);
    expect(title.left).toBeLessThan(x1);
    expect(boxes.page.height - title.top).toBeLessThanOrEqual(y1 + 1);
    expect(boxes.page.height - title.top - title.height).toBeGreaterThanOrEqual(y0 - 1);
    const tops = [...objects.matchAll(/"\/XYZ",[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(tops.length).toBeGreaterThan(doc.chapters.length);
    for (const top of tops) expect(top).toBeLessThanOrEqual(boxes.page.height + 0.5);
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
