// Search's allocation cuts (session 6: words cut by a table scan, windows scored without building
// them, plain text copied only where Markdown or whitespace needs it) must change no snippet: the
// snippets of thousands of generated items and queries are compared with those of the code before
// the cuts (tests/fixtures/snippet-before.ts), and plainText and wordSpans with their definitions.
import { describe, expect, test } from 'vitest';
import { OUTCOMES, type Outcome } from '../../../src-shared/domain';
import { plainTextBefore, snippetBefore, wordSpansBefore } from '../../../tests/fixtures/snippet-before';
import { wordSpans } from './analysis';
import type { ItemText } from './item-text';
import { parseQuery } from './query';
import { plainText, settledSnippet, snippetOf } from './snippet';

let seed = 11;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;

const WORDS = [
  'kommunen', 'Kommunen', 'kommunens', 'kommune', 'KOMMUNE', 'komite', 'kompost', 'udvalget', 'Udvalget', 'godkendte', 'grøn', 'Grøn', 'omstilling',
  'ambassadør', 'ambassadører', 'Ambassadørerne', 'Ærø', 'æbler', 'Ålborg', 'ølejr', 'skole', 'skolen', 'vej', 'vejen', 'Skamlingsbanken', '26/4881',
  '2027', 'kr.', 'mio.', 'MED-udvalget', 'İstanbul', 'straße', 'café', 'digitalisering', 'digitaliseringsstrategi', 'a', 'og', 'i', 'at', 'der',
];
const GLUE = [' ', ' ', ' ', ' ', ', ', '. ', '\n', '\n\n', '  ', '\t', '\u00a0', ' | ', ' **', '** ', ' _', '_ ', ' `', ' [', '](https://x.dk/a) ', '\n- ', '\n1. ', '\n# ', '\n> ', '\n---\n', '\n| a | b |\n|---|---|\n| ', ' ('];

function text(words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += pick(WORDS) + (next() < 0.7 ? ' ' : pick(GLUE));
  return s;
}

function item(i: number): ItemText {
  const sections = Array.from({ length: 1 + Math.floor(next() * 4) }, () => ({ kind: pick(['summary', 'recommendation', 'presentation', 'economy'] as const), body: text(Math.floor(next() * 900)) }));
  const outcome: Outcome | null = next() < 0.6 ? pick(OUTCOMES) : null;
  return {
    itemId: `i${i}`, meetingId: 'm', committeeId: 'c', committee: 'Udvalget', number: null, start: '2026-01-01T10:00', access: 'open', title: text(5), caseNumber: next() < 0.5 ? '26/4881' : null,
    sections: next() < 0.05 ? [] : sections,
    decision: outcome ? { outcome, text: `Godkendt\n${text(Math.floor(next() * 40))}` } : null,
    votes: next() < 0.2 ? 'For: A, B. Imod: C.' : null,
    dissents: next() < 0.1 ? [`Anne: ${text(20)}`] : [],
    attachments: next() < 0.3 ? [text(4), text(3)] : [],
  };
}

const QUERIES = ['kommunen', 'kom', 'kommunen ', 'Ærø', 'ambassadør ', '"grøn omstilling"', '"grøn omst', 'skole vej', 'skole vej ', '26/4881', 'digitalis', 'udvalget godkendte kommune', 'Skamlingsbanken', 'café straße', 'istanbul'];

describe('snippets after the allocation cuts', () => {
  test('are the snippets of before on 200 generated items for 15 queries each', { timeout: 120_000 }, () => {
    let matched = 0;
    for (let i = 0; i < 200; i++) {
      const t = item(i);
      for (const q of QUERIES) {
        const terms = parseQuery(q);
        const now = snippetOf(t, terms);
        expect(now).toEqual(snippetBefore(t, terms));
        if (now.snippet.includes('[[')) matched++;
      }
    }
    // The comparison covers snippets with marked matches, not only starts of texts.
    expect(matched).toBeGreaterThan(1000);
  });

  test("settled by the sections and decision alone are the whole text's, and the others say they are not settled", { timeout: 120_000 }, () => {
    let settled = 0;
    let open = 0;
    for (let i = 0; i < 200; i++) {
      const t = item(i);
      const head = { ...t, votes: null, dissents: [], attachments: [] };
      for (const q of QUERIES) {
        const terms = parseQuery(q);
        const s = settledSnippet(head, terms);
        if (s === null) open++;
        else {
          settled++;
          expect(s).toEqual(snippetOf(t, terms));
        }
      }
    }
    expect(settled).toBeGreaterThan(700);
    expect(open).toBeGreaterThan(50);
    // A term found only in an attachment's title is not settled without it.
    const t = { ...item(0), sections: [{ kind: 'summary' as const, body: 'Udvalget drøftede sagen.' }], decision: null, votes: null, dissents: [], attachments: [] };
    expect(settledSnippet(t, parseQuery('Bilagsoversigt'))).toBeNull();
    expect(snippetOf({ ...t, attachments: ['Bilagsoversigt 2026'] }, parseQuery('Bilagsoversigt')).snippet).toBe('[[Bilagsoversigt]] 2026');
  });

  test('plainText is what it was on 2,000 generated Markdown texts', () => {
    for (let i = 0; i < 2000; i++) {
      const t = text(Math.floor(next() * 200));
      expect(plainText(t)).toBe(plainTextBefore(t));
      expect(plainText(`\u0001${t}`)).toBe(plainTextBefore(`\u0001${t}`));
    }
    expect(plainText('**Indstilling**\n\n- at  [planen](https://x.dk) godkendes\n| a | b |\n|---|---|\t\u00a0slut ')).toBe('Indstilling at planen godkendes a b');
  });

  test('wordSpans gives the words and places of the regular expression, characters outside the BMP and changing lengths too', () => {
    for (let i = 0; i < 3000; i++) {
      const t = text(Math.floor(next() * 60)) + (i % 7 === 0 ? ' 😀 𝔘x İy ' : '');
      expect(wordSpans(t)).toEqual(wordSpansBefore(t));
    }
    expect(wordSpans('Ærø, İy og ÅL')).toEqual(wordSpansBefore('Ærø, İy og ÅL'));
  });
});
