// The bounds on Markdown structure: what passes them parses as Markdown, what does not is shown as
// the plain text it is; the check itself is a linear scan.
import { describe, expect, it } from 'vitest';
import { markdownProblem, MARKDOWN_LIMITS, plainTextTree } from './markdown-limits';

describe('markdownProblem', () => {
  it('passes ordinary minutes: nested lists, quotes, tables, bold and links', () => {
    const text = ['**Indstilling**', '', '> Borgmesteren *foreslår*:', '> - at [budgettet](https://x.dk/a_b) godkendes', '>   - med ændringer', '', '| A | B |', '|---|---|', '| 1 | 2 |'].join('\n');
    expect(markdownProblem(text)).toBeNull();
    expect(markdownProblem('*a* '.repeat(100))).toBeNull();
  });

  it('names nesting, indentation, dense paragraphs, dense texts and wide tables', () => {
    expect(markdownProblem('>'.repeat(10_000) + ' x')?.en).toBe('it nests quotes or lists more than 16 deep');
    expect(markdownProblem('> - '.repeat(9) + 'x')?.da).toBe('den indlejrer citater eller lister mere end 16 niveauer');
    expect(markdownProblem(' '.repeat(65) + '- x')?.en).toBe('a line is indented more than 64 spaces');
    expect(markdownProblem('*a**'.repeat(3_500))?.en).toBe('a paragraph holds more than 400 formatting marks (* _ ~ [ ] ` <)');
    expect(markdownProblem('*a* b\n'.repeat(MARKDOWN_LIMITS.marksPerParagraph))?.en).toMatch(/^a paragraph holds/);
    expect(markdownProblem('*a* b\n\n'.repeat(MARKDOWN_LIMITS.marksPerText / 2 + 1))?.en).toBe('it holds more than 20000 formatting marks (* _ ~ [ ] ` <)');
    expect(markdownProblem('|a'.repeat(65))?.en).toBe('a table has more than 64 columns');
  });

  it('does not count escaped marks, which are text (what the editor saves for a text shown plain), but does count a mark after an escaped backslash', () => {
    expect(markdownProblem('\\*a '.repeat(1000))).toBeNull();
    expect(markdownProblem('\\\\*a '.repeat(1000))).not.toBeNull();
  });
});

describe('plainTextTree', () => {
  it('keeps every character: a paragraph per block of lines, a break per line', () => {
    expect(plainTextTree('>> *a*\n**b\r\n\n\nc')).toEqual({
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: '>> *a*' }, { type: 'break' }, { type: 'text', value: '**b' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'c' }] },
      ],
    });
  });
});
