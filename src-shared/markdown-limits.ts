// How much structure a text may have before Markdown parsing stops being safe: the parser recurses
// once per nested quote or list (a few KB of ">" overflows the stack) and resolves emphasis and
// links in time that grows with the square of their number in a paragraph (12 KB of "*a**" takes
// tens of seconds). A text past these bounds is shown and printed as the plain text it is, in the
// editor, the preview and every export alike, so no single text can make a meeting unexportable.
import type { Root } from 'mdast';

export const MARKDOWN_LIMITS = {
  /** Quotes and list items opened on one line. */
  containersPerLine: 16,
  /** Leading spaces of a line (a tab counts 4): nested lists indent 2 to 4 a level. */
  indentColumns: 64,
  /** Emphasis, link, code and HTML marks (* _ ~ [ ] ` <) in one paragraph: their cost grows with the square. */
  marksPerParagraph: 400,
  /** The same marks in the whole text, which bounds the sum of those squares. */
  marksPerText: 20_000,
  /** Table columns (| on one line). */
  pipesPerLine: 64,
} as const;

export type MarkdownProblem = { en: string; da: string };

const CONTAINER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
// A backslash-escaped mark is text, not a delimiter: what the editor saves for a text shown plain.
const MARK = /\\[\s\S]|[*_~[\]`<]/g;
const countMarks = (line: string): number => {
  let n = 0;
  for (const m of line.matchAll(MARK)) if (m[0].length === 1) n++;
  return n;
};

/** Why this text cannot be parsed as Markdown within bounds, or null when it can. Linear in the text. */
export function markdownProblem(source: string): MarkdownProblem | null {
  const L = MARKDOWN_LIMITS;
  let paragraphMarks = 0;
  let totalMarks = 0;
  for (const line of source.split('\n')) {
    let rest = line;
    let containers = 0;
    for (let m = CONTAINER.exec(rest); m && m[0].length > 0; m = CONTAINER.exec(rest)) {
      if (++containers > L.containersPerLine)
        return { en: `it nests quotes or lists more than ${L.containersPerLine} deep`, da: `den indlejrer citater eller lister mere end ${L.containersPerLine} niveauer` };
      rest = rest.slice(m[0].length);
    }
    let indent = 0;
    for (const ch of line) {
      if (ch === ' ') indent++;
      else if (ch === '\t') indent += 4;
      else break;
    }
    if (indent > L.indentColumns) return { en: `a line is indented more than ${L.indentColumns} spaces`, da: `en linje er rykket mere end ${L.indentColumns} mellemrum ind` };
    if (line.trim() === '') {
      paragraphMarks = 0;
      continue;
    }
    const marks = countMarks(line);
    paragraphMarks += marks;
    totalMarks += marks;
    if (paragraphMarks > L.marksPerParagraph)
      return { en: `a paragraph holds more than ${L.marksPerParagraph} formatting marks (* _ ~ [ ] \` <)`, da: `et afsnit indeholder mere end ${L.marksPerParagraph} formateringstegn (* _ ~ [ ] \` <)` };
    if (totalMarks > L.marksPerText)
      return { en: `it holds more than ${L.marksPerText} formatting marks (* _ ~ [ ] \` <)`, da: `den indeholder mere end ${L.marksPerText} formateringstegn (* _ ~ [ ] \` <)` };
    if ((line.match(/\|/g)?.length ?? 0) > L.pipesPerLine) return { en: `a table has more than ${L.pipesPerLine} columns`, da: `en tabel har mere end ${L.pipesPerLine} kolonner` };
  }
  return null;
}

/** The text as it stands, one paragraph per block of lines and a line break per line: what is shown when it cannot be parsed. */
export function plainTextTree(source: string): Root {
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((b) => b.trim()).filter((b) => b !== '');
  return {
    type: 'root',
    children: blocks.map((b) => ({
      type: 'paragraph',
      children: b.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'break' as const }] : []), { type: 'text' as const, value: line }]),
    })),
  };
}

/** Parses with `parse` when the text is within bounds, else (or if the parser still gives up) the plain text. */
export function boundedParse(source: string, parse: (s: string) => Root): Root {
  if (markdownProblem(source)) return plainTextTree(source);
  try {
    return parse(source);
  } catch (e) {
    // A stack overflow the bounds did not foresee: the text is still shown, as text.
    if (e instanceof RangeError) return plainTextTree(source);
    throw e;
  }
}
