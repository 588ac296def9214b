// Text a secretary typed is printed as typed, in both writers. Each case is a line that Markdown
// reads as bare syntax ("-" as "nothing to add" became an empty bullet in the PDF and vanished
// from the .docx): once as a section body arriving unescaped (an import, old data), once typed
// into the plain decision field. The .docx is read from its XML, the PDF with pdftotext, and the
// HTML the PDF is printed from is checked for empty bullets and headings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import { renderHtml } from '../../src-main/core/documents/html-writer';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempStore, testContext } from '../helpers/store';
import { docxParts, pdfPages, writeTemp } from './documents-helpers';

/** What was typed, and the lines a reader sees (a trailing space is invisible). */
const CASES: [typed: string, printed: string[]][] = [
  ['-', ['-']],
  ['1.', ['1.']],
  ['#', ['#']],
  ['> ', ['>']],
  ['+', ['+']],
  ['*', ['*']],
  ['---', ['---']],
  ['|', ['|']],
  ['***', ['***']],
  ['Ingen bemærkninger\n===', ['Ingen bemærkninger', '===']],
  ['<ingen>', ['<ingen>']],
];
/**
 * Typed into the plain decision field, Markdown with content is text too: "- " is a dash, "*" an
 * asterisk. (In a section body the editor's own bullets and emphasis are Markdown, so these are
 * not cases for an imported body.)
 */
const DECISION_ONLY = ['- ingen bemærkninger', 'Godkendt, idet *alle* var enige', '1. behandling af sagen'];

const MEETING = '1b7e0c3a-5d2f-4a61-8e90-3c4d5e6f7a80';
const ctx = testContext(tempStore());
const printer = playwrightPrinter();

function document(): ReferentDocument {
  return {
    format: 'referent/v1',
    committees: [
      {
        name: 'Økonomiudvalget',
        numbering: 'per-meeting',
        members: [{ key: 'hm', name: 'Holger Mikkelsen', role: 'chair' }],
        meetings: [
          {
            id: MEETING,
            start: '2026-06-02T14:30',
            status: 'held',
            attendance: [{ member: 'hm', status: 'present' }],
            // The section bodies arrive as an import would bring them: not escaped.
            items: [
              ...CASES.map(([typed], i) => ({ title: `Sag ${i + 1}`, sections: [{ kind: 'summary' as const, body: typed }] })),
              { title: 'Beslutninger som tekst' },
            ],
          },
        ],
      },
    ],
  };
}

beforeAll(async () => {
  await call(ctx, 'exchange.import', { document: document() });
  const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
  // The decision field is plain text: typed as is.
  for (const [i, [typed]] of CASES.entries()) await call(ctx, 'meetingday.setDecision', { itemId: view.items[i]!.id, outcome: 'noted', text: typed });
  await call(ctx, 'meetingday.setDecision', { itemId: view.items[CASES.length]!.id, outcome: 'approved', text: DECISION_ONLY.join('\n') });
});
afterAll(async () => {
  await printer.close();
  await ctx.store.close();
});

/** The paragraphs of document.xml as a reader sees them, a line break as "\n". */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : t[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')))
      .join(''),
  );

describe('typed text is printed as typed', () => {
  it('in the .docx: the section and the decision each hold the typed lines, and no list numbering is used', async () => {
    const r = await exportDocument(ctx.store.db, printer, { meetingId: MEETING, kind: 'minutes', public: false, format: 'docx' });
    const xml = docxParts(r.bytes)['word/document.xml']!;
    const paras = paragraphs(xml);
    for (const [i, [typed, printed]] of CASES.entries()) {
      const at = paras.indexOf(`Punkt ${i + 1}: Sag ${i + 1}`);
      const item = paras.slice(at, paras.indexOf(`Punkt ${i + 2}: Sag ${i + 2}`) === -1 ? undefined : paras.indexOf(`Punkt ${i + 2}: Sag ${i + 2}`));
      expect({ typed, section: item[item.indexOf('Sagsresume') + 1] }).toEqual({ typed, section: printed.join('\n') });
      expect({ typed, decision: item[item.findIndex((p) => p.startsWith('Beslutning i')) + 1] }).toEqual({ typed, decision: printed.join('\n') });
    }
    expect(xml).not.toContain('<w:numPr>');
    expect(paras).toContain(DECISION_ONLY.join('\n'));
  });

  it('in the HTML the PDF is printed from: no empty bullet, heading, quote or rule', async () => {
    const { doc } = await loadReferat(ctx.store.db, { meetingId: MEETING, kind: 'minutes', public: false });
    // The chapters only: the table of contents is a list of its own.
    const html = renderHtml(doc).slice(renderHtml(doc).indexOf('<section'));
    expect(html).not.toMatch(/<li>\s*<\/li>|<ul>|<ol>|<h[1-6]>\s*<\/h[1-6]>|<blockquote>|<hr>/);
  });

  it('in the PDF: every typed line is there, twice per item (the section and the decision)', async () => {
    const r = await exportDocument(ctx.store.db, printer, { meetingId: MEETING, kind: 'minutes', public: false, format: 'pdf' });
    const pages = pdfPages(writeTemp('typed.pdf', r.bytes));
    for (const [i, [typed, printed]] of CASES.entries()) {
      const page = pages.find((p) => p.includes(`Punkt ${i + 1}: Sag ${i + 1}`))!;
      const lines = page.split('\n').map((l) => l.trim());
      for (const line of printed) expect({ typed, line, times: lines.filter((l) => l === line).length }).toEqual({ typed, line, times: 2 });
    }
    const last = pages.find((p) => p.includes(`Punkt ${CASES.length + 1}: Beslutninger som tekst`))!.split('\n').map((l) => l.trim());
    for (const line of DECISION_ONLY) expect(last).toContain(line);
  });

  it('the meeting-day view gives the decision back as typed, while the store keeps Markdown that prints it', async () => {
    const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(view.items.map((i) => i.decision?.text)).toEqual([...CASES.map(([typed]) => typed.trim()), DECISION_ONLY.join('\n')]);
    const exported = await call(ctx, 'exchange.export', {});
    expect(exported.committees[0]!.meetings[0]!.items[0]!.decision!.text).toBe('\\-');
  });
});
