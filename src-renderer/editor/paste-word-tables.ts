// Tables from the clipboard -> a rectangular grid whose cells hold one line of text, as a GFM table can.
// Merged cells are split (the text stays in the first), lists, paragraphs and nested tables in a cell become one line.
import type { Element, ElementContent } from 'hast';
import { cleanChildren, el, textOf, type CleanContext } from './paste-word';

const MAX_SPAN = 100;

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') rows.push(...rowsOf(child));
  }
  return rows;
}

function span(value: unknown): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

export function cleanTable(table: Element, ctx: CleanContext): Element {
  const grid: ElementContent[][][] = [];
  const rows = rowsOf(table);
  rows.forEach((tr, r) => {
    const row = (grid[r] ??= []);
    let c = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (row[c] !== undefined) c++;
      const colspan = span(cell.properties.colSpan);
      const rowspan = Math.min(span(cell.properties.rowSpan), rows.length - r);
      if (colspan > 1 || rowspan > 1) ctx.notices.add('merged-cells');
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) target[c + dc] = [];
      }
      row[c] = flattenCell(cleanChildren(cell.children, ctx), ctx);
      c += colspan;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  const trs = grid.map((row, r) =>
    el(
      'tr',
      // The header row is printed bold anyway; Word's explicit bold there would only double it in Markdown.
      Array.from({ length: width }, (_, c) => (r === 0 ? el('th', withoutBold(row[c] ?? [])) : el('td', row[c] ?? []))),
    ),
  );
  return el('table', trs);
}

function withoutBold(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((n) =>
    n.type !== 'element' ? [n] : n.tagName === 'strong' ? withoutBold(n.children) : [{ ...n, children: withoutBold(n.children) }],
  );
}

function isBlank(nodes: ElementContent[]): boolean {
  return !textOf({ type: 'root', children: nodes }).trim();
}

/** A cleaned cell's blocks -> inline content on one line. */
function flattenCell(content: ElementContent[], ctx: CleanContext): ElementContent[] {
  const segments: ElementContent[][] = [];
  let inline: ElementContent[] = [];
  const flush = () => {
    if (!isBlank(inline)) segments.push(inline);
    inline = [];
  };
  for (const node of content) {
    if (node.type !== 'element') {
      inline.push(node);
      continue;
    }
    if (node.tagName === 'br') {
      inline.push({ type: 'text', value: ' ' });
    } else if (node.tagName === 'p') {
      flush();
      inline = flattenCell(node.children, ctx);
      flush();
    } else if (node.tagName === 'ul' || node.tagName === 'ol') {
      flush();
      ctx.notices.add('cell-lists');
      segments.push(joined(listItems(node, ctx), '; '));
    } else if (node.tagName === 'table') {
      flush();
      ctx.notices.add('nested-tables');
      const rows = node.children.filter((tr): tr is Element => tr.type === 'element');
      const rowTexts = rows.map((tr) => joined(tr.children.filter((td): td is Element => td.type === 'element').map((td) => td.children).filter((c) => !isBlank(c)), ', '));
      segments.push(joined(rowTexts.filter((t) => !isBlank(t)), '; '));
    } else inline.push(node);
  }
  flush();
  // Word wraps every cell in one paragraph; only a second one is worth telling about.
  if (segments.length > 1 && content.filter((n) => n.type === 'element' && n.tagName === 'p' && !isBlank(n.children)).length > 1) {
    ctx.notices.add('cell-paragraphs');
  }
  return joined(segments, ' ');
}

function listItems(list: Element, ctx: CleanContext): ElementContent[][] {
  const items: ElementContent[][] = [];
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const nested = li.children.filter((n): n is Element => n.type === 'element' && (n.tagName === 'ul' || n.tagName === 'ol'));
    const own = flattenCell(li.children.filter((n) => !nested.includes(n as Element)), ctx);
    if (!isBlank(own)) items.push(own);
    for (const sub of nested) items.push(...listItems(sub, ctx));
  }
  return items;
}

function joined(parts: ElementContent[][], separator: string): ElementContent[] {
  const out: ElementContent[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push({ type: 'text', value: separator });
    out.push(...part);
  });
  return out;
}
