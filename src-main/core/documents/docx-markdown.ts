// Markdown (mdast) to .docx paragraphs and tables, written as XML (docx-xml.ts): bold, italic,
// strike, code, links, nested bullet and numbered lists (each numbered list restarts at its own
// start), tables with a repeated header row. Spacing follows layout.ts and the HTML writer's CSS,
// so every block is as tall in Word and LibreOffice as in the PDF.
import { AlignmentType, LevelFormat, type ILevelsOptions } from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { LAYOUT, TEXT_WIDTH_TW } from './layout';
import { parseMarkdown, safeHref } from './markdown';
import { BREAK_RUN, hyperlink, openParagraph, paragraph, textRun, UNDERLINED_TAB_RUN, XmlOut, type ParagraphProps, type RunStyle } from './docx-xml';

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
export function afterTableXml(flow: Flow, out: XmlOut, table: () => void): void {
  if (flow.pendingBefore > 0) paragraph(out, { spacing: { after: 0, before: 0, line: flow.pendingBefore, lineRule: 'exact' } }, '');
  flow.pendingBefore = 0;
  table();
  flow.pendingBefore = AFTER;
}

/** Paragraph spacing options with only what differs from the style (docx writes an empty element otherwise). */
export function spacing(before: number | undefined, after?: number): { spacing?: { before?: number; after?: number } } {
  if (before === undefined && after === undefined) return {};
  return { spacing: { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) } };
}

type Inline = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean; link?: boolean };

/** `keepLast`: the last paragraph keeps with what follows it (Word's "keep with next"). */
export function markdownToDocx(source: string, flow: Flow, out: XmlOut, keepLast = false): void {
  const nodes = parseMarkdown(source).children;
  nodes.forEach((n, i) => blockNode(n, flow, null, out, keepLast && i === nodes.length - 1));
}

type ListCtx = { reference: string; level: number; last: boolean } | null;

/** A paragraph of inline content (written as an empty paragraph when nothing in it prints, an image alone, as docx does). */
function inlineParagraph(out: XmlOut, props: ParagraphProps, nodes: PhrasingContent[], prefix = ''): void {
  const start = out.parts.length;
  openParagraph(out, props);
  const content = out.parts.length;
  if (prefix) out.push(prefix);
  inlines(out, nodes, {});
  if (out.parts.length > content) return out.push('</w:p>');
  out.parts.length = start;
  openParagraph(out, props, true);
}

function blockNode(node: RootContent, flow: Flow, list: ListCtx, out: XmlOut, keep: boolean): void {
  switch (node.type) {
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const before = takeBefore(flow);
      if (!list && !keep && only?.type === 'text') paragraph(out, { spacing: before !== undefined ? { before } : undefined }, textRun(only.value.replace(/\n/g, ' ')));
      else inlineParagraph(out, { keepNext: keep || undefined, ...spacing(before, list ? (list.last ? AFTER : 0) : undefined) }, node.children);
      return;
    }
    case 'heading':
      inlineParagraph(out, { style: 'Heading3', keepNext: true, ...spacing(headingBefore(flow, LAYOUT.h3BeforeTw)) }, node.children);
      return;
    case 'list':
      listNode(node, flow, list ? list.level + 1 : 0, list === null || list.last, out, keep);
      return;
    case 'table':
      afterTableXml(flow, out, () => tableNode(out, node, keep));
      return;
    case 'blockquote':
      node.children.forEach((c, i) => blockNode(c, flow, list, out, keep && i === node.children.length - 1));
      return;
    case 'code': {
      const lines = node.value.split('\n');
      lines.forEach((line, i) => {
        const last = i === lines.length - 1;
        paragraph(out, { keepNext: (keep && last) || undefined, ...spacing(takeBefore(flow), last ? AFTER : 0) }, textRun(line, { mono: true }));
      });
      return;
    }
    case 'thematicBreak':
      // A rule as tall as a line: an underlined tab to the right margin (a paragraph border would add height).
      paragraph(out, { keepNext: keep || undefined, ...spacing(takeBefore(flow)), tabRight: TEXT_WIDTH_TW }, UNDERLINED_TAB_RUN);
      return;
    default:
      // Raw HTML, images, footnotes and anything the editor cannot write are left out, as in the HTML writer.
      return;
  }
}

function listNode(node: List, flow: Flow, level: number, endsBlock: boolean, out: XmlOut, keep: boolean): void {
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
        inlineParagraph(out, { numbering: { reference, level }, keepNext: keepThis || undefined, ...spacing(takeBefore(flow), last ? AFTER : 0) }, child.children, box ? textRun(box) : '');
      } else if (child.type === 'paragraph') {
        inlineParagraph(out, { keepNext: keepThis || undefined, ...spacing(takeBefore(flow), last ? AFTER : 0), indentLeft: INDENT * (level + 1) }, child.children);
      } else {
        blockNode(child, flow, { reference, level, last }, out, keepThis);
      }
    });
  });
}

/** Writes inline content as runs (and links around runs). */
function inlines(out: XmlOut, nodes: PhrasingContent[], style: Inline): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(run(n.value, style));
        break;
      case 'strong':
        inlines(out, n.children, { ...style, bold: true });
        break;
      case 'emphasis':
        inlines(out, n.children, { ...style, italics: true });
        break;
      case 'delete':
        inlines(out, n.children, { ...style, strike: true });
        break;
      case 'inlineCode':
        out.push(run(n.value, { ...style, code: true }));
        break;
      case 'break':
        out.push(BREAK_RUN);
        break;
      case 'link': {
        const href = safeHref(n.url);
        if (!href) {
          inlines(out, n.children, style);
          break;
        }
        // A link's content is runs only (docx's ExternalHyperlink takes runs): nested links and breaks are runs too.
        const inner = new XmlOut();
        inlines(inner, n.children, { ...style, link: true });
        hyperlink(out, href, inner.parts.join(''));
        break;
      }
      default:
        if ('children' in n) inlines(out, n.children as PhrasingContent[], style);
    }
  }
}

function run(text: string, style: Inline): string {
  const s: RunStyle = { bold: style.bold, italics: style.italics, strike: style.strike };
  if (style.link) s.link = true;
  if (style.code) s.mono = true;
  return textRun(text.replace(/\n/g, ' '), s);
}

const BORDER = '<w:top w:val="single" w:color="000000" w:sz="4"/><w:left w:val="single" w:color="000000" w:sz="4"/><w:bottom w:val="single" w:color="000000" w:sz="4"/><w:right w:val="single" w:color="000000" w:sz="4"/><w:insideH w:val="single" w:color="000000" w:sz="4"/><w:insideV w:val="single" w:color="000000" w:sz="4"/>';
const CELL_MARGINS = `<w:top w:type="dxa" w:w="${LAYOUT.cellPadVTw}"/><w:left w:type="dxa" w:w="${LAYOUT.cellPadHTw}"/><w:bottom w:type="dxa" w:w="${LAYOUT.cellPadVTw}"/><w:right w:type="dxa" w:w="${LAYOUT.cellPadHTw}"/>`;

/** A cell's content: inline runs, written into `out` by `write`. */
export type CellWriter = (out: XmlOut) => void;

/**
 * A table of the text (and the signature sheet): 0.5 pt rules, the header row repeated on each page.
 * `rowHeightTw`: the least height of each row below the header (the signature sheet's lines to sign on).
 */
export function gridTableXml(out: XmlOut, rows: { cells: CellWriter[]; align?: (string | null | undefined)[] }[], columns: number, keepLast = false, rowHeightTw?: number): void {
  const width = Math.floor(TEXT_WIDTH_TW / columns);
  const cellStart = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>`;
  out.push(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width * columns}"/><w:tblBorders>${BORDER}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>${CELL_MARGINS}</w:tblCellMar></w:tblPr><w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>`,
  );
  rows.forEach((row, r) => {
    const height = rowHeightTw !== undefined && r > 0 ? `<w:trHeight w:val="${rowHeightTw}" w:hRule="atLeast"/>` : '';
    out.push(`<w:tr><w:trPr>${r === 0 ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}${height}</w:trPr>`);
    // Word keeps a table with the next paragraph by "keep with next" on its last row.
    const keepNext = (keepLast && r === rows.length - 1) || undefined;
    for (let c = 0; c < columns; c++) {
      const a = row.align?.[c];
      out.push(cellStart);
      openParagraph(out, { keepNext, spacing: { after: 0 }, align: a === 'right' ? 'right' : a === 'center' ? 'center' : 'left' });
      row.cells[c]?.(out);
      out.push('</w:p></w:tc>');
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
}

function tableNode(out: XmlOut, node: MdTable, keepLast: boolean): void {
  const columns = Math.max(1, ...node.children.map((r) => r.children.length));
  gridTableXml(
    out,
    node.children.map((row, r) => ({ cells: row.children.map((cell): CellWriter => (o) => inlines(o, cell.children, r === 0 ? { bold: true } : {})), align: node.align ?? [] })),
    columns,
    keepLast,
  );
}

