// A .docx never fails for lack of a browser (issue 12 §6): without one, the export still makes
// the .docx, with the page numbers cached for this very version if there are any, else with a
// linked table of contents without numbers, and says why in one sentence (English and Danish).
// A PDF without a browser is refused in one sentence. No update prompt either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import type { PdfPrinter } from '../../src-main/core/documents/pdf';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { tempStore } from '../helpers/store';
import { docxParts, importFixture, REFERENCE } from './documents-helpers';

const store = tempStore();
const printer = playwrightPrinter();
let meetingId = '';

beforeAll(async () => {
  meetingId = await importFixture(store, REFERENCE);
});
afterAll(async () => {
  await printer.close();
  await store.close();
});

const unxml = (s: string): string => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The TOC as written: each entry's title and the number after its tab, if any. */
function tocOf(bytes: Uint8Array): { anchor: string; text: string }[] {
  const xml = docxParts(bytes)['word/document.xml']!;
  const sdt = /<w:sdt>.*?<\/w:sdt>/s.exec(xml)![0];
  return [...sdt.matchAll(/<w:hyperlink w:anchor="([^"]+)"[^>]*>(.*?)<\/w:hyperlink>/gs)].map((m) => ({
    anchor: m[1]!,
    text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] !== undefined ? unxml(t[1]) : '\t')).join(''),
  }));
}

describe('exports without a browser', () => {
  it('makes the .docx with a linked table of contents without page numbers, no update prompt, and one sentence why', async () => {
    const { doc } = await loadReferat(store.db, { meetingId, kind: 'agenda', public: false });
    const r = await exportDocument(store.db, null, { meetingId, kind: 'agenda', public: false, format: 'docx' });
    const toc = tocOf(r.bytes);
    expect(toc.map((e) => e.anchor)).toEqual(doc.chapters.map((c) => c.anchor));
    for (const [i, e] of toc.entries()) expect(e.text).toBe(doc.chapters[i]!.tocTitle); // no tab, no number
    const parts = docxParts(r.bytes);
    expect(parts['word/settings.xml']).not.toContain('updateFields');
    expect(parts['word/document.xml']).not.toContain('w:dirty');
    expect(r.notice?.message).toMatch(/^No browser to number the pages with was found .*without page numbers\.$/);
    expect(r.notice?.messageDa).toMatch(/^Der blev ikke fundet nogen browser .*uden sidetal\.$/);
  });

  it('uses the page numbers measured for this version when there are any', async () => {
    const pdf = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
    expect(pdf.notice).toBeNull();
    const r = await exportDocument(store.db, null, { meetingId, kind: 'minutes', public: false, format: 'docx' });
    expect(r.notice).toBeNull();
    const toc = tocOf(r.bytes);
    expect(toc.length).toBeGreaterThan(10);
    for (const e of toc) expect(e.text).toMatch(/\t\d+$/);
  });

  it('makes the .docx when the browser fails to print, saying so', async () => {
    const broken: PdfPrinter = { tagged: true, print: () => Promise.reject(new Error('Failed to launch the browser process')) };
    const r = await exportDocument(store.db, broken, { meetingId, kind: 'decisions', public: true, format: 'docx' });
    expect(tocOf(r.bytes).every((e) => !e.text.includes('\t'))).toBe(true);
    expect(r.notice?.message).toBe('The browser could not print the document (Failed to launch the browser process), so the table of contents links to each item without page numbers.');
  });

  it('refuses a PDF in one sentence, English and Danish', async () => {
    const err = await exportDocument(store.db, null, { meetingId, kind: 'minutes', public: false, format: 'pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe('No browser to print the PDF with was found: install Microsoft Edge, Google Chrome or Chromium, or set CHROMIUM_PATH to one.');
    expect((err as AppError).da).toMatch(/^Der blev ikke fundet nogen browser at lave PDF-filen med/);
  });
});
