// The .docx in real readers: LibreOffice converts it to PDF with the title, every item heading,
// table cells and "Side X af Y" (documents-pagination.test.ts checks its TOC numbers, exactly);
// pandoc reads it back to Markdown with headings and tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { tempStore } from '../helpers/store';
import { headingPages, importFixture, pandocMarkdown, pdfPages, RICH, soffice, squash, writeTemp } from './documents-helpers';

const printer = playwrightPrinter();
const store = tempStore();
let meetingId = '';
let docxFile = '';

beforeAll(async () => {
  meetingId = await importFixture(store, RICH);
  const r = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'docx' });
  docxFile = writeTemp('rich.docx', r.bytes);
}, 60_000);

afterAll(async () => {
  await printer.close();
  await store.close();
});

describe('the .docx in LibreOffice and pandoc', () => {
  it('LibreOffice prints the title, every heading, table cells and the footer', async () => {
    const pages = pdfPages(soffice(docxFile));
    expect(squash(pages[0]!)).toContain('REFERAT Organisations- og Beredskabsudvalget d. 10-03-2026');
    expect(squash(pages[0]!)).toContain('Mødedeltagere Holger Mikkelsen, Finn Lykkeskov (til punkt 5)');

    const { doc } = await loadReferat(store.db, { meetingId, kind: 'minutes', public: false });
    expect([...headingPages(pages, doc.chapters.map((c) => c.heading)).keys()]).toEqual(doc.chapters.map((c) => c.heading));
    const all = squash(pages.join('\n'));
    for (const cell of ['Område', 'Drift', '1.350', 'Beredskab', '110']) expect(all).toContain(cell);
    expect(all).toContain('Afstemning – For: 3 (Holger Mikkelsen, Finn Lykkeskov, Anne Juhl)');
    pages.forEach((p, i) => expect(squash(p)).toContain(`Side ${i + 1} af ${pages.length}`));
  }, 120_000);

  it('pandoc reads it back to Markdown with the item headings and the table intact', () => {
    const md = pandocMarkdown(docxFile);
    for (const h of ['# Punkt 1: Godkendelse af dagsorden', '# Punkt 2: Budgetopfølgning og rige formater', '## Resume og sagens baggrund', '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026']) {
      expect(md).toContain(h);
    }
    const table = md.split('\n').filter((l) => l.startsWith('|'));
    expect(table.map((l) => l.split('|').map((c) => c.trim()).filter(Boolean))).toEqual(
      expect.arrayContaining([
        ['**Område**', '**2026**', '**2027**'],
        ['Drift', '1.200', '1.350'],
        ['Beredskab', '95', '110'],
      ]),
    );
    expect(md).toMatch(/\[kommunens hjemmeside\]\(https:\/\/www\.haderslev\.dk\/politik\)/);
    // Nesting survives: the second level is indented under the first.
    expect(md).toMatch(/^-\s+Første niveau\n\n? {4}-\s+Andet niveau med \*\*fed\*\* tekst/m);
    expect(md).toMatch(/^1\.\s+Første trin/m);
    expect(md).toMatch(/^ {4}1\.\s+Deltrin a/m);
  });
});
