// The reference referat (../shared/reference), entered as tests/fixtures/reference-referat.json,
// exported as the public PDF and compared with the published text section by section: the title,
// the meeting facts, the TOC titles in order, and per item its heading, case number, section
// headings and every paragraph and bullet, in order.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../src-main/core/documents/documents.service';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { tempStore } from '../helpers/store';
import { importFixture, pdfPages, REFERENCE, writeTemp } from './documents-helpers';

// A copy of ../shared/reference/referat-haderslev-2026-06-02.txt, so CI has it too.
const referenceText = fs.readFileSync(path.join(path.dirname(REFERENCE), 'documents/referat-haderslev-2026-06-02.txt'), 'utf8');

/** Whitespace, bullet glyphs and line-break hyphenation do not count; a trailing period of a line does not either. */
const norm = (s: string): string =>
  s
    .replace(/[•◦▪]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/-\s+/g, '-')
    .trim();
const paragraphs = (block: string): string[] =>
  block
    .split('\n')
    .map((l) => l.replace(/^\s*-\s+/, '').trim())
    .filter(Boolean)
    .map((l) => norm(l).replace(/\.$/, ''));

const printer = playwrightPrinter();
const store = tempStore();
let ours = '';

beforeAll(async () => {
  const meetingId = await importFixture(store, REFERENCE);
  const r = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: true, format: 'pdf' });
  // The running header and the footer sit between the pages' text; a paragraph may run across.
  const body = pdfPages(writeTemp('reference.pdf', r.bytes)).map((p) =>
    p
      .replace(/^\s*Haderslev Kommune\b.*\n/, '')
      .replace(/Side \d+ af \d+\s*$/, ''),
  );
  ours = norm(body.join('\n'));
}, 60_000);
afterAll(async () => {
  await printer.close();
  await store.close();
});

function expectInOrder(haystack: string, needles: string[], where: string): void {
  let at = 0;
  for (const n of needles) {
    const found = haystack.indexOf(n, at);
    expect({ where, missing: found === -1 ? n : null }).toEqual({ where, missing: null });
    at = found + n.length;
  }
}

describe('the reference referat', () => {
  const [front = '', ...items] = referenceText.split(/\n(?=Punkt \d+: )/);

  it('has the title line, the meeting facts and the TOC titles in order', () => {
    const lines = front.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(ours).toContain(norm('REFERAT Organisations- og Beredskabsudvalget d. 02-06-2026'));
    for (const fact of ['Mødedato', 'Mødested', 'Mødedeltagere']) {
      const line = lines.find((l) => l.startsWith(fact))!;
      expect(ours).toContain(norm(line.replace(fact, `${fact} `)));
    }
    const toc = lines.slice(lines.indexOf('Indholdsfortegnelse') + 1).map((l) => norm(l.replace(/\.{3,}\s*\d+$/, '')));
    expect(toc).toHaveLength(11);
    expectInOrder(ours, ['Indholdsfortegnelse', ...toc], 'TOC');
  });

  for (const item of items) {
    const heading = item.split('\n')[0]!.trim();
    it(`${heading}: heading, case number, sections and every paragraph in order`, () => {
      const start = ours.indexOf(norm(heading));
      expect(start, heading).toBeGreaterThan(-1);
      const next = ours.indexOf(' Punkt ', start + heading.length);
      const printed = ours.slice(start, next === -1 ? undefined : next);
      expectInOrder(printed, paragraphs(item), heading);
    });
  }
});
