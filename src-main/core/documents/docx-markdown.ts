// Markdown (mdast) to .docx paragraphs and tables: bold, italic, strike, code, links, nested
// bullet and numbered lists (each numbered list restarts at its own start), tables with a
// repeated header row. Spacing follows layout.ts so the text runs as long as in the PDF.
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  LevelFormat,
  LineRuleType,
  Paragraph,
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
import { LAYOUT, mmToTwip, ptToTwip } from './layout';
import { parseMarkdown, safeHref } from './markdown';
import { PlainParagraph } from './docx-plain';

const INDENT = mmToTwip(LAYOUT.listIndentMm);
const AFTER = ptToTwip(LAYOUT.afterPt);
const TEXT_WIDTH = 11906 - mmToTwip(LAYOUT.marginLeftMm) - mmToTwip(LAYOUT.marginRightMm);

const BULLETS = ['•', '◦', '▪'];

/** The numbering definitions: one bullet list, and `count` numbered instances (each restarts). */
export function NUMBERING(count: number): { reference: string; levels: ILevelsOptions[] }[] {
  const levels = (numbered: boolean): ILevelsOptions[] =>
    Array.from({ length: 6 }, (_, level) => ({
      level,
      format: numbered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: numbered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
    }));
  const out = [{ reference: 'bullets', levels: levels(false) }];
  // One abstract numbering per numbered list keeps the start values simple and each list restarts.
  for (let i = 1; i < count; i++) out.push({ reference: `numbered-${i}`, levels: levels(true) });
  return out;
}

type State = { next: number };
type Inline = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean; link?: boolean };

export function markdownToDocx(source: string, numbering: State): FileChild[] {
  return parseMarkdown(source).children.flatMap((n) => blockNode(n, numbering, null));
}

type ListCtx = { reference: string; level: number; last: boolean } | null;

function blockNode(node: RootContent, numbering: State, list: ListCtx): FileChild[] {
  switch (node.type) {
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (!list && only?.type === 'text') return [new PlainParagraph(only.value.replace(/\n/g, ' '))];
      return [new Paragraph({ children: inlines(node.children, {}), ...(list ? listSpacing(list) : {}) })];
    }
    case 'heading':
      return [new Paragraph({ heading: 'Heading3', children: inlines(node.children, {}) })];
    case 'list':
      return listNode(node, numbering, list ? list.level + 1 : 0, list === null || list.last);
    case 'table':
      // Word tables take no space after; an empty 6 pt line gives the gap the PDF's margin gives.
      return [tableNode(node), new Paragraph({ spacing: { after: 0, line: AFTER, lineRule: LineRuleType.EXACT }, children: [] })];
    case 'blockquote':
      return node.children.flatMap((c) => blockNode(c, numbering, list));
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, font: 'Liberation Mono' })] }));
    case 'thematicBreak':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } }, children: [] })];
    default:
      // Raw HTML and anything the editor cannot write are left out, as in the HTML writer.
      return [];
  }
}

function listSpacing(list: NonNullable<ListCtx>) {
  return { spacing: { after: list.last ? AFTER : 0 } };
}

function listNode(node: List, numbering: State, level: number, endsBlock: boolean): FileChild[] {
  let reference = 'bullets';
  if (node.ordered) reference = `numbered-${numbering.next++}`;
  const out: FileChild[] = [];
  node.children.forEach((item, i) => {
    const lastItem = i === node.children.length - 1;
    item.children.forEach((child, j) => {
      const lastChild = j === item.children.length - 1;
      const last = endsBlock && lastItem && lastChild;
      if (child.type === 'paragraph' && j === 0) {
        out.push(new Paragraph({ numbering: { reference, level }, children: inlines(child.children, {}), spacing: { after: last ? AFTER : 0 } }));
      } else if (child.type === 'paragraph') {
        out.push(new Paragraph({ indent: { left: INDENT * (level + 1) }, children: inlines(child.children, {}), spacing: { after: last ? AFTER : 0 } }));
      } else {
        out.push(...blockNode(child, numbering, { reference, level, last }));
      }
    });
  });
  return out;
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
    ...(style.code ? { font: 'Liberation Mono' } : {}),
  });
}

function tableNode(node: MdTable): Table {
  const columns = Math.max(1, ...node.children.map((r) => r.children.length));
  const width = Math.floor(TEXT_WIDTH / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders,
    margins: { top: 20, bottom: 20, left: 80, right: 80 },
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: Array.from({ length: columns }, (_, c) => {
            const cell = row.children[c];
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                new Paragraph({
                  spacing: { after: 0 },
                  alignment: node.align?.[c] === 'right' ? AlignmentType.RIGHT : node.align?.[c] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
                  children: cell ? inlines(cell.children, r === 0 ? { bold: true } : {}) : [],
                }),
              ],
            });
          }),
        }),
    ),
  });
}
