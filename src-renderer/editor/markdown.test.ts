// The stored Markdown's house style: equal content is one string, and text never turns into syntax.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { docToMarkdown, markdownToDoc, normalizeMarkdown } from './markdown';

const p = (...content: object[]) => ({ type: 'paragraph', content });
const text = (t: string, ...marks: string[]) => (marks.length ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) } : { type: 'text', text: t });

describe('docToMarkdown', () => {
  it('escapes what the secretary typed so it does not become a list or emphasis on reload', () => {
    const md = docToMarkdown({
      type: 'doc',
      content: [p(text('2. juni 2026 holdt udvalget møde.')), p(text('- ikke en liste')), p(text('5 * 3 og **ikke fed**'))],
    });
    expect(md).toBe('2\\. juni 2026 holdt udvalget møde.\n\n\\- ikke en liste\n\n5 \\* 3 og \\*\\*ikke fed\\*\\*\n');
    const back = markdownToDoc(md);
    expect(back.content?.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(docToMarkdown(back)).toBe(md);
  });

  it('moves spaces at the edge of bold and italic outside the marks, where CommonMark needs them', () => {
    const md = docToMarkdown({ type: 'doc', content: [p(text('Udvalget '), text('godkender ', 'bold'), text('budgettet'), text(' i dag', 'italic'))] });
    expect(md).toBe('Udvalget **godkender** budgettet *i dag*\n');
  });

  it('keeps a link around formatted text as one link', () => {
    const link = { type: 'link', attrs: { href: 'https://haderslev.dk' } };
    const md = docToMarkdown({
      type: 'doc',
      content: [p({ type: 'text', text: 'Haderslev', marks: [link, { type: 'bold' }] }, { type: 'text', text: ' Kommune', marks: [link] })],
    });
    expect(md).toBe('[**Haderslev** Kommune](https://haderslev.dk)\n');
  });

  it('writes an empty document as the empty string and drops empty paragraphs', () => {
    expect(docToMarkdown({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
    expect(docToMarkdown({ type: 'doc', content: [p(text('a')), { type: 'paragraph' }, { type: 'paragraph' }, p(text('b'))] })).toBe('a\n\nb\n');
  });

  it('drops what a document cannot show: spaces at a line\'s edges, a line break at the end, an empty bullet', () => {
    const md = docToMarkdown({
      type: 'doc',
      content: [
        p(text('  Godkendt '), { type: 'hardBreak' }, text(' med bemærkninger. '), { type: 'hardBreak' }),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('a'))] }, { type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ],
    });
    expect(md).toBe('Godkendt\\\nmed bemærkninger.\n\n- a\n');
    expect(normalizeMarkdown(md)).toBe(md);
  });

  it('puts a line break inside a table cell as a space, since a GFM row is one line', () => {
    const cell = (type: string, ...content: object[]) => ({ type, content: [p(...content)] });
    const md = docToMarkdown({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', text('Navn')), cell('tableHeader', text('Parti'))] },
            { type: 'tableRow', content: [cell('tableCell', text('Jens'), { type: 'hardBreak' }, text('Hansen')), cell('tableCell', text('A'))] },
          ],
        },
      ],
    });
    expect(md).toBe('| Navn        | Parti |\n| ----------- | ----- |\n| Jens Hansen | A     |\n');
  });
});

describe('normalizeMarkdown', () => {
  it('brings other spellings of the same content to the house style', () => {
    expect(normalizeMarkdown('* a\n* b\n\n__fed__ og _kursiv_\n')).toBe('- a\n- b\n\n**fed** og *kursiv*\n');
    expect(normalizeMarkdown('- løs\n\n- liste\n')).toBe('- løs\n- liste\n');
    expect(normalizeMarkdown('Se [her][kl].\n\n[kl]: https://www.kl.dk\n')).toBe('Se [her](https://www.kl.dk).\n');
  });

  it('keeps text it has no formatting for instead of dropping it', () => {
    expect(normalizeMarkdown('![Logo](logo.png) og <u>html</u>\n')).toBe('Logo og \\<u>html\\</u>\n');
  });

  it('is idempotent on any mix of Markdown syntax and Danish text', () => {
    const token = fc.constantFrom(
      'æøå', 'Direktøren', ' ', '\n', '\n\n', '- ', '  - ', '1. ', '2) ', '* ', '**', '*', '_', '__', '`', '#', '> ', '|', ' | ', '---',
      '[link](https://haderslev.dk)', '<https://kl.dk>', '\\', '&amp;', '2. juni', '\n| a | b |\n| - | - |\n| c | d |\n', '~~', '    ', '\t',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const once = normalizeMarkdown(tokens.join(''));
        expect(normalizeMarkdown(once)).toBe(once);
      }),
      { numRuns: 400 },
    );
  });
});

describe('what the secretary types', () => {
  // Runs of text full of Markdown's special characters, each bold, italic and/or linked.
  const char = fc.constantFrom(...'ab æøå 12. *_#[]()<>&\\`|~!-+=:;"\''.split(''));
  const text = fc.oneof({ weight: 6, arbitrary: fc.array(char, { minLength: 1, maxLength: 8 }).map((a) => a.join('')) }, { weight: 1, arbitrary: fc.constant('\n') });
  const run = fc.record({ text, marks: fc.subarray(['bold', 'italic', 'link']) });
  const doc = fc.array(fc.array(run, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }).map(
    (paragraphs): JSONContent => ({
      type: 'doc',
      content: paragraphs.map((runs) => ({
        type: 'paragraph',
        content: runs.map((r) =>
          r.text === '\n'
            ? { type: 'hardBreak' }
            : { type: 'text', text: r.text, marks: r.marks.map((m) => (m === 'link' ? { type: 'link', attrs: { href: 'https://haderslev.dk' } } : { type: m })) },
        ),
      })),
    }),
  );
  /** Each visible character with its formatting; spaces at a paragraph's or a mark's edge may move, so they are left out. */
  const shown = (n: JSONContent): string[] =>
    n.type === 'text'
      ? [...(n.text ?? '')].filter((c) => c.trim()).map((c) => `${c}:${(n.marks ?? []).map((m) => m.type).sort().join('+')}`)
      : (n.content ?? []).flatMap(shown);

  it('keeps every character and its bold, italic and link (and line breaks) through Markdown and back', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const md = docToMarkdown(d);
        const back = markdownToDoc(md);
        expect(shown(back)).toEqual(shown(d));
        expect(docToMarkdown(back)).toBe(md);
      }),
      { numRuns: 500 },
    );
    // 500 generated documents take ~3 s on an idle machine and over 60 s on a shared, loaded
    // one: CPU work with no wall-clock meaning, so it gets the time it needs.
  }, 180_000);
});
