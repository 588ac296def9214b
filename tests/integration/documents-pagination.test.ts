// The .docx paginates like the PDF, checked in a real word processor: LibreOffice converts the
// .docx to PDF, and every number in its table of contents is the page on which LibreOffice prints
// that chapter's heading, which is also the page the PDF prints it on. For the reference referat,
// the rich fixture and a generated 60-item meeting (~48,000 words). And the layout nits: a "Bilag"
// block never starts a page, and a wrapped TOC entry has its number on its last line.
import { afterAll, describe, expect, it } from 'vitest';
import { generatedReferat } from '../../bench/documents-data';
import type { Referat } from '../../src-main/core/documents/build-referat';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import { renderDocx } from '../../src-main/core/documents/docx-writer';
import { renderPdf } from '../../src-main/core/documents/pdf';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { headingPages, fixtureStores, pdfPages, soffice, squash, tocEntries, writeTemp } from './documents-helpers';

const printer = playwrightPrinter();
const { stores, ids } = fixtureStores();
afterAll(() => printer.close());

/** The first line of body text on each page (after the running header). */
const firstLines = (pages: string[]): string[] => pages.map((p) => squash(p.split('\n').filter((l) => l.trim()).slice(1, 2).join('')));

type Layouts = { lo: string[]; pdf: string[] };

/** The .docx, written with the numbers the PDF printed, as LibreOffice lays it out; and the PDF. */
async function layouts(name: string, doc: Referat, docx?: Uint8Array): Promise<Layouts> {
  const pdf = await renderPdf(doc, printer);
  const bytes = docx ?? (await renderDocx(doc, { pages: pdf.pages }));
  return { lo: pdfPages(soffice(writeTemp(`${name}.docx`, bytes))), pdf: pdfPages(writeTemp(`${name}.pdf`, pdf.bytes)) };
}

function expectSamePagination(doc: Referat, { lo, pdf }: Layouts): void {
  const headings = doc.chapters.map((c) => c.heading);
  const inLo = headingPages(lo, headings);
  const inPdf = headingPages(pdf, headings);
  const toc = tocEntries(lo, doc.chapters.map((c) => c.tocTitle));
  const rows = doc.chapters.map((c, i) => ({ chapter: c.heading, toc: toc[i], libreOffice: inLo.get(c.heading), pdf: inPdf.get(c.heading) }));
  for (const r of rows) expect(r).toEqual({ ...r, toc: r.libreOffice, pdf: r.libreOffice });
  expect(lo).toHaveLength(pdf.length);
  // "Bilag" keeps with its item in both: it is never the first thing on a page.
  for (const [name, pages] of Object.entries({ lo, pdf })) {
    const lone = firstLines(pages).flatMap((l, i) => (l === 'Bilag' ? [`${name} page ${i + 1}`] : []));
    expect(lone).toEqual([]);
  }
}

describe('the .docx in LibreOffice paginates like the PDF, and its TOC numbers are right', () => {
  for (const fixture of ['reference', 'rich'] as const) {
    it(`${fixture}: every TOC number is the page LibreOffice prints the heading on, the PDF's page too`, async () => {
      const db = stores[fixture].db;
      const req = { meetingId: ids[fixture]!, kind: 'minutes' as const, public: false };
      const { doc } = await loadReferat(db, req);
      const docx = await exportDocument(db, printer, { ...req, format: 'docx' });
      expectSamePagination(doc, await layouts(fixture, doc, docx.bytes));
    }, 240_000);
  }

  it('a 60-item meeting (~48,000 words, ~165 pages): every TOC number right, every heading on the PDF page', async () => {
    const doc = generatedReferat();
    const found = await layouts('sixty', doc);
    expect(found.pdf.length).toBeGreaterThan(150);
    expectSamePagination(doc, found);
  }, 400_000);

  it('a TOC title that wraps has its number on its last line, after the dots, in both files', async () => {
    const base = generatedReferat();
    const long = 'Budget 2027-2030 for Organisations- og Beredskabsudvalget med tekniske korrektioner, supplerende ønsker og anlægsoversigt';
    const doc: Referat = { ...base, chapters: base.chapters.slice(0, 3).map((c, i) => (i === 1 ? { ...c, tocTitle: long } : c)) };
    const { lo, pdf } = await layouts('wrapped', doc);
    for (const [name, pages] of Object.entries({ lo, pdf })) {
      const lines = pages[0]!.split('\n').map(squash).filter(Boolean);
      const first = lines.findIndex((l) => l.startsWith('Budget 2027-2030 for'));
      expect({ name, firstLine: lines[first] }).toEqual({ name, firstLine: expect.stringMatching(/[a-zæøå,]$/) });
      expect({ name, lastLine: lines[first + 1] }).toEqual({ name, lastLine: expect.stringMatching(/anlægsoversigt[\s.]*\d+$/) });
    }
  }, 240_000);
});
