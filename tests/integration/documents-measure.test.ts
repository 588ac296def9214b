// Where the chapters land is learnt before printing, from the same page laid out on screen with
// each page a column (html-writer `columns`, PdfPrinter.measure): the measurement is what a print
// shows for every kind of document, public or not, long or short, so a document whose numbers are
// not cached prints once (before: a measuring print, then the final one). That page is then
// printed as it stands, numbers written in (PdfPrinter.printMeasured): the same file, page for
// page, as a print of the HTML writer's page with those numbers.
import { afterAll, describe, expect, it } from 'vitest';
import { generatedReferat } from '../../bench/documents-data';
import type { DocumentKind, Referat } from '../../src-main/core/documents/build-referat';
import { loadReferat } from '../../src-main/core/documents/documents.service';
import { renderHtml } from '../../src-main/core/documents/html-writer';
import { PRINT_SCALE } from '../../src-main/core/documents/layout';
import { renderPdf, type PdfPrinter } from '../../src-main/core/documents/pdf';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { fixtureStores, pdfPages, writeTemp } from './documents-helpers';

const printer = playwrightPrinter();
/** The same browser measuring with a print, as a printer without `measure` does. */
const measuringByPrint: PdfPrinter = { tagged: true, print: (html, o) => printer.print(html, o) };
const { stores, ids } = fixtureStores();
afterAll(() => printer.close());

async function expectOnePrint(doc: Referat): Promise<void> {
  const byPrint = await renderPdf(doc, measuringByPrint, undefined, { finish: false });
  const measured = await renderPdf(doc, printer, undefined, { finish: false });
  expect(Object.fromEntries(measured.pages)).toEqual(Object.fromEntries(byPrint.pages));
  expect(measured.prints).toBe(1);
  // The measured page, printed where it stands, is the writer's page with those numbers, as a
  // fresh load prints it (never laid out on screen, HtmlOptions.printOnly).
  const reloaded = await printer.print(renderHtml(doc, { pages: measured.pages, printScale: PRINT_SCALE, printOnly: true }), { final: false });
  expect(pdfPages(writeTemp('in-place.pdf', measured.bytes))).toEqual(pdfPages(writeTemp('reloaded.pdf', reloaded)));
}

describe('the chapters measured on screen land where the print puts them', () => {
  const cases: [keyof typeof stores, DocumentKind, boolean][] = [
    ['reference', 'minutes', false],
    ['reference', 'minutes', true],
    ['rich', 'minutes', false],
    ['rich', 'agenda', false],
    ['rich', 'decisions', false],
    ['rich', 'decisions', true],
  ];
  for (const [fixture, kind, isPublic] of cases) {
    it(`${fixture} ${kind}${isPublic ? ' (public)' : ''}: one print`, async () => {
      const { doc } = await loadReferat(stores[fixture].db, { meetingId: ids[fixture]!, kind, public: isPublic });
      await expectOnePrint(doc);
    });
  }

  it('the generated 60-item meeting (166 pages): one print, every number as printed', { timeout: 180_000 }, async () => {
    await expectOnePrint(generatedReferat());
  });

  it('a final print of the measured page is tagged, with the outline, like a print of the page loaded anew', async () => {
    const { doc } = await loadReferat(stores.rich.db, { meetingId: ids.rich!, kind: 'minutes', public: false });
    const pdf = await renderPdf(doc, printer, undefined, { finish: false });
    const text = new TextDecoder('latin1').decode(await printer.print(renderHtml(doc, { pages: pdf.pages, printScale: PRINT_SCALE }), { final: false }));
    expect(text).not.toContain('/StructTreeRoot');
    const shipped = await renderPdf(doc, printer);
    expect(shipped.prints).toBe(1);
    const objects = new TextDecoder('latin1').decode(shipped.bytes);
    expect(objects).toContain('/StructTreeRoot');
    expect(objects).toContain('/Outlines');
  });
});
