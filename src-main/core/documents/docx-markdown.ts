// Markdown (mdast) to .docx paragraphs and tables: bold, italic, strike, code, links, nested
// bullet and numbered lists (each numbered list restarts at its own start), tables with a
// repeated header row. Spacing follows layout.ts and the HTML writer's CSS, so every block is as
// tall in Word and LibreOffice as in the PDF.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ExternalHyperlink,
  LevelFormat,
  LineRuleType,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { FONT, LAYOUT, TEXT_WIDTH_TW } from './layout';
import { parseMarkdown, safeHref } from './markdown';
import { PlainParagraph } from './docx-plain';

const INDENT = LAYOUT.listIndentTw;
const AFTER = LAYOUT.afterTw;

const BULLETS = ['•', '◦', '▪'];

/** The numbering definitions: one bullet list, and `count` numbered instances (each restarts). */
export function NUMBERING(count: number): { reference: string; levels: ILevelsOptions[] }[] {
  const levels = (numbered: boolean): ILevelsOptions[] =>
    Array.from({ length: 6 }, (_, level) => ({
      level,
      format: numbered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: numbered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
      alignment: AlignmentType.LEFT,
      // The marker 12 pt left of the text, about where Chromium draws it in the PDF.
      style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 240 } } },
    }));
  const out = [{ reference: 'bullets', levels: levels(false) }];
  // One abstract numbering per numbered list keeps the start values simple and each list restarts.
  for (let i = 1; i < count; i++) out.push({ reference: `numbered-${i}`, levels: levels(true) });
  return out;
}

/**
 * The writer's running state through a chapter. Word has no space after a table, where the PDF
 * has 6 pt: the paragraph that follows a table takes at least that as space before
 * (`pendingBefore`), which Word drops at the top of a page just as the PDF drops a margin there.
 */
export type Flow = { numbering: { next: number }; pendingBefore: number };

/** The space before the next paragraph: the larger of what a table above left and its own. */
export function takeBefore(flow: Flow, own = 0): number | undefined {
  const before = Math.max(flow.pendingBefore, own);
  flow.pendingBefore = 0;
  return before > 0 ? before : undefined;
}

/** A heading's space before: its style's own (undefined) unless a table above left more. */
export function headingBefore(flow: Flow, own: number): number | undefined {
  const pending = flow.pendingBefore;
  flow.pendingBefore = 0;
  return pending > own ? pending : undefined;
}

/** What follows a table: nothing yet, so the next paragraph takes the 6 pt; another table needs a spacer line. */
export function afterTable(flow: Flow, out: FileChild[], table: Table): void {
  if (flow.pendingBefore > 0) out.push(spacer(flow.pendingBefore));
  flow.pendingBefore = 0;
  out.push(table);
  flow.pendingBefore = AFTER;
}

/** Paragraph spacing options with only what differs from the style (docx writes an empty element otherwise). */
export function spacing(before: number | undefined, after?: number): { spacing?: { before?: number; after?: number } } {
  if (before === undefined && after === undefined) return {};
  return { spacing: { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) } };
}

const spacer = (height: number): Paragraph => new Paragraph({ spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT }, children: [] });

type Inline = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean; link?: boolean };

/** `keepLast`: the last paragraph keeps with what follows it (Word's "keep with next"). */
export function markdownToDocx(source: string, flow: Flow, keepLast = false): FileChild[] {
  const nodes = parseMarkdown(source).children;
  const out: FileChild[] = [];
  nodes.forEach((n, i) => blockNode(n, flow, null, out, keepLast && i === nodes.length - 1));
  return out;
}

type ListCtx = { reference: string; level: number; last: boolean } | null;

function blockNode(node: RootContent, flow: Flow, list: ListCtx, out: FileChild[], keep: boolean): void {
  switch (node.type) {
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const before = takeBefore(flow);
      if (!list && !keep && only?.type === 'text') out.push(new PlainParagraph(only.value.replace(/\n/g, ' '), undefined, before));
      else out.push(new Paragraph({ children: inlines(node.children, {}), keepNext: keep || undefined, ...spacing(before, list ? (list.last ? AFTER : 0) : undefined) }));
      return;
    }
    case 'heading':
      out.push(new Paragraph({ heading: 'Heading3', keepNext: true, ...spacing(headingBefore(flow, LAYOUT.h3BeforeTw)), children: inlines(node.children, {}) }));
      return;
    case 'list':
      listNode(node, flow, list ? list.level + 1 : 0, list === null || list.last, out, keep);
      return;
    case 'table':
      afterTable(flow, out, tableNode(node, keep));
      return;
    case 'blockquote':
      node.children.forEach((c, i) => blockNode(c, flow, list, out, keep && i === node.children.length - 1));
      return;
    case 'code': {
      const lines = node.value.split('\n');
      lines.forEach((line, i) => {
        const last = i === lines.length - 1;
        out.push(
          new Paragraph({
            keepNext: (keep && last) || undefined,
            ...spacing(takeBefore(flow), last ? AFTER : 0),
            children: [new TextRun({ text: line, font: FONT.mono })],
          }),
        );
      });
      return;
    }
    case 'thematicBreak':
      // A rule as tall as a line: an underlined tab to the right margin (a paragraph border would add height).
      out.push(
        new Paragraph({
          keepNext: keep || undefined,
          ...spacing(takeBefore(flow)),
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TW }],
          children: [new TextRun({ children: [new Tab()], underline: {} })],
        }),
      );
      return;
    default:
      // Raw HTML, images, footnotes and anything the editor cannot write are left out, as in the HTML writer.
      return;
  }
}

function listNode(node: List, flow: Flow, level: number, endsBlock: boolean, out: FileChild[], keep: boolean): void {
  let reference = 'bullets';
  if (node.ordered) reference = `numbered-${flow.numbering.next++}`;
  node.children.forEach((item, i) => {
    const lastItem = i === node.children.length - 1;
    // A task-list box is printed as text, as the HTML writer prints it.
    const box = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : null;
    item.children.forEach((child, j) => {
      const lastChild = j === item.children.length - 1;
      const last = endsBlock && lastItem && lastChild;
      const keepThis = keep && lastItem && lastChild;
      if (child.type === 'paragraph' && j === 0) {
        const children = inlines(child.children, {});
        if (box) children.unshift(new TextRun(box));
        out.push(new Paragraph({ numbering: { reference, level }, keepNext: keepThis || undefined, children, ...spacing(takeBefore(flow), last ? AFTER : 0) }));
      } else if (child.type === 'paragraph') {
        out.push(new Paragraph({ indent: { left: INDENT * (level + 1) }, keepNext: keepThis || undefined, children: inlines(child.children, {}), ...spacing(takeBefore(flow), last ? AFTER : 0) }));
      } else {
        blockNode(child, flow, { reference, level, last }, out, keepThis);
      }
    });
  });
}

function inlines(nodes: PhrasingContent[], style: Inline): ParagraphChild[] {
  return nodes.flatMap((n): ParagraphChild[] => {
    switch (n.type) {
      case 'text':
        return [run(n.value, style)];
      case 'strong':
        return inlines(n.children, { ...style, bold: true });
      case 'emphasis':
        return inlines(n.children, { ...style, italics: true });
      case 'delete':
        return inlines(n.children, { ...style, strike: true });
      case 'inlineCode':
        return [run(n.value, { ...style, code: true })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link': {
        const href = safeHref(n.url);
        const children = inlines(n.children, href ? { ...style, link: true } : style) as TextRun[];
        return href ? [new ExternalHyperlink({ link: href, children })] : children;
      }
      default:
        return 'children' in n ? inlines(n.children as PhrasingContent[], style) : [];
    }
  });
}

function run(text: string, style: Inline): TextRun {
  return new TextRun({
    text: text.replace(/\n/g, ' '),
    bold: style.bold,
    italics: style.italics,
    strike: style.strike,
    ...(style.link ? { style: 'Hyperlink' } : {}),
    ...(style.code ? { font: FONT.mono } : {}),
  });
}

const CELL_MARGINS = { top: LAYOUT.cellPadVTw, bottom: LAYOUT.cellPadVTw, left: LAYOUT.cellPadHTw, right: LAYOUT.cellPadHTw };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A table of the text (and the signature sheet): 0.5 pt rules, the header row repeated on each page. */
/** `rowHeightTw`: the least height of each row below the header (the signature sheet's lines to sign on). */
export function gridTable(rows: { cells: ParagraphChild[][]; align?: (string | null | undefined)[] }[], columns: number, keepLast = false, rowHeightTw?: number): Table {
  const width = Math.floor(TEXT_WIDTH_TW / columns);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          ...(rowHeightTw !== undefined && r > 0 ? { height: { value: rowHeightTw, rule: HeightRule.ATLEAST } } : {}),
          children: Array.from({ length: columns }, (_, c) => {
            const a = row.align?.[c];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                new Paragraph({
                  spacing: { after: 0 },
                  // Word keeps a table with the next paragraph by "keep with next" on its last row.
                  keepNext: (keepLast && r === rows.length - 1) || undefined,
                  alignment: a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
                  children: row.cells[c] ?? [],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function tableNode(node: MdTable, keepLast: boolean): Table {
  const columns = Math.max(1, ...node.children.map((r) => r.children.length));
  return gridTable(
    node.children.map((row, r) => ({ cells: row.children.map((cell) => inlines(cell.children, r === 0 ? { bold: true } : {})), align: node.align ?? [] })),
    columns,
    keepLast,
  );
}
