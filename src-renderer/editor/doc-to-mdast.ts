// Maps the editor's ProseMirror JSON onto a Markdown syntax tree (mdast) for remark-stringify.
// Only what Markdown can hold survives: empty paragraphs vanish, a table cell keeps its text on one line.
import type { JSONContent } from '@tiptap/core';
import type { AlignType, BlockContent, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';

type Mark = NonNullable<JSONContent['marks']>[number];
type MarkNode = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' | 'link' }>;

export function docToMdast(doc: JSONContent): Root {
  return { type: 'root', children: blocks(doc.content ?? []) };
}

function blocks(nodes: JSONContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    const b = block(node);
    if (b) out.push(b);
  }
  return out;
}

function block(node: JSONContent): RootContent | null {
  switch (node.type) {
    case 'paragraph': {
      const children = phrasing(node.content ?? [], false);
      return children.length > 0 ? { type: 'paragraph', children } : null;
    }
    case 'heading': {
      const children = phrasing(node.content ?? [], false);
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
      return children.length > 0 ? { type: 'heading', depth: level, children } : null;
    }
    case 'horizontalRule':
      return { type: 'thematicBreak' };
    case 'blockquote': {
      const children = blocks(node.content ?? []) as BlockContent[];
      return children.length > 0 ? { type: 'blockquote', children } : null;
    }
    case 'codeBlock': {
      const lang = typeof node.attrs?.language === 'string' && node.attrs.language ? node.attrs.language : null;
      return { type: 'code', lang, value: plainText(node) };
    }
    case 'bulletList':
    case 'orderedList': {
      const ordered = node.type === 'orderedList';
      // An empty bullet (Enter pressed, nothing typed yet) is not stored, like an empty paragraph.
      const items: ListItem[] = (node.content ?? [])
        .map((item): ListItem => ({ type: 'listItem', spread: false, children: blocks(item.content ?? []) as BlockContent[] }))
        .filter((item) => item.children.length > 0);
      if (items.length === 0) return null;
      const start = ordered ? Number(node.attrs?.start ?? 1) || 1 : null;
      return { type: 'list', ordered, start, spread: false, children: items };
    }
    case 'table':
      return table(node);
    default: {
      // An unknown block keeps its text rather than vanishing.
      const text = plainText(node);
      return text ? { type: 'paragraph', children: [{ type: 'text', value: text }] } : null;
    }
  }
}

function table(node: JSONContent): Table | null {
  const rows = (node.content ?? []).map((row) => {
    const cells: { children: PhrasingContent[]; align: AlignType }[] = [];
    for (const cell of row.content ?? []) {
      const children: PhrasingContent[] = [];
      for (const [i, b] of (cell.content ?? []).entries()) {
        if (i > 0 && children.length > 0) children.push({ type: 'text', value: ' ' });
        children.push(...phrasing(b.content ?? [], true));
      }
      const align = cell.attrs?.align;
      cells.push({ children: tidy(children), align: align === 'left' || align === 'center' || align === 'right' ? align : null });
      // A merged cell (not creatable here, but pasteable from another editor) keeps its columns as empty cells.
      const span = Math.max(1, Number(cell.attrs?.colspan ?? 1) || 1);
      for (let s = 1; s < span; s++) cells.push({ children: [], align: null });
    }
    return cells;
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return null;
  const align = Array.from({ length: width }, (_, c) => rows[0]?.[c]?.align ?? null);
  const children: TableRow[] = rows.map((cells) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, c): TableCell => ({ type: 'tableCell', children: cells[c]?.children ?? [] })),
  }));
  return { type: 'table', align, children };
}

function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

const MARK_ORDER = ['link', 'bold', 'italic', 'strike'];

function markKey(mark: Mark): string {
  return mark.type === 'link' ? `link ${String(mark.attrs?.href ?? '')} ${String(mark.attrs?.title ?? '')}` : mark.type;
}

function markNode(mark: Mark): MarkNode {
  switch (mark.type) {
    case 'link':
      return { type: 'link', url: String(mark.attrs?.href ?? ''), title: mark.attrs?.title ? String(mark.attrs.title) : null, children: [] };
    case 'bold':
      return { type: 'strong', children: [] };
    case 'italic':
      return { type: 'emphasis', children: [] };
    default:
      return { type: 'delete', children: [] };
  }
}

/**
 * Inline content for a paragraph, heading or cell. Spaces at its edges and around line breaks mean nothing in a
 * document, and a line break at either edge cannot be written in Markdown at all ("a\\" reads back as a backslash).
 */
function phrasing(nodes: JSONContent[], inCell: boolean): PhrasingContent[] {
  const out = nest(nodes, inCell);
  const blank = (n: PhrasingContent | undefined) => n !== undefined && (n.type === 'break' || (n.type === 'text' && !n.value.trim()));
  while (blank(out[0])) out.shift();
  while (blank(out[out.length - 1])) out.pop();
  out.forEach((n, i) => {
    if (n.type !== 'text') return;
    if (i === 0 || out[i - 1]?.type === 'break') n.value = n.value.replace(/^\s+/, '');
    if (i === out.length - 1 || out[i + 1]?.type === 'break') n.value = n.value.replace(/\s+$/, '');
  });
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** Inline nodes with flat marks -> nested mdast phrasing, opening and closing marks as runs change. */
function nest(nodes: JSONContent[], inCell: boolean): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { key: string; children: PhrasingContent[] }[] = [{ key: '', children: root }];
  for (const node of nodes) {
    // A line break sits inside exactly the marks it carries itself, like text, so that reading the Markdown back
    // groups the runs on either side of it the same way.
    const marks = (node.marks ?? [])
      .filter((m) => MARK_ORDER.includes(m.type))
      .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
    let common = 0;
    while (common < marks.length && common + 1 < stack.length && stack[common + 1]!.key === markKey(marks[common]!)) common++;
    stack.length = common + 1;
    for (const mark of marks.slice(common)) {
      const m = markNode(mark);
      stack[stack.length - 1]!.children.push(m);
      stack.push({ key: markKey(mark), children: m.children as PhrasingContent[] });
    }
    if (node.type === 'hardBreak') {
      // A GFM table row is one line; a line break in a cell becomes a space.
      stack[stack.length - 1]!.children.push(inCell ? { type: 'text', value: ' ' } : { type: 'break' });
      continue;
    }
    const value = node.type === 'text' ? (node.text ?? '') : plainText(node);
    if (!value) continue;
    const isCode = (node.marks ?? []).some((m) => m.type === 'code');
    stack[stack.length - 1]!.children.push(isCode ? { type: 'inlineCode', value } : { type: 'text', value });
  }
  return tidy(root);
}

/**
 * Moves spaces at the edges of bold/italic out of the mark ("**fed **x" is not bold in CommonMark),
 * drops marks left empty, and merges neighbouring text nodes so the output is canonical.
 */
function tidy(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (node: PhrasingContent) => {
    const last = out[out.length - 1];
    if (node.type === 'text' && !node.value) return;
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  };
  for (const child of children) {
    if (child.type !== 'strong' && child.type !== 'emphasis' && child.type !== 'delete' && child.type !== 'link') {
      push(child.type === 'text' ? { ...child } : child);
      continue;
    }
    const inner = tidy(child.children as PhrasingContent[]);
    // Line breaks, and for bold/italic also spaces, at a mark's edges move outside it.
    const spaces = child.type !== 'link';
    const before: PhrasingContent[] = [];
    const after: PhrasingContent[] = [];
    for (;;) {
      const first = inner[0];
      if (first?.type === 'break') before.push(inner.shift()!);
      else if (spaces && first?.type === 'text' && /^\s/.test(first.value)) {
        const lead = /^\s+/.exec(first.value)![0];
        before.push({ type: 'text', value: lead });
        first.value = first.value.slice(lead.length);
        if (!first.value) inner.shift();
      } else break;
    }
    for (;;) {
      const last = inner[inner.length - 1];
      if (last?.type === 'break') after.unshift(inner.pop()!);
      else if (spaces && last?.type === 'text' && /\s$/.test(last.value)) {
        const trail = /\s+$/.exec(last.value)![0];
        after.unshift({ type: 'text', value: trail });
        last.value = last.value.slice(0, last.value.length - trail.length);
        if (!last.value) inner.pop();
      } else break;
    }
    before.forEach(push);
    if (inner.length > 0) {
      const prev = out[out.length - 1];
      // Two adjacent runs with the same mark (e.g. split by a hoisted space that vanished) become one.
      if (prev && prev.type === child.type && prev.type !== 'link') (prev.children as PhrasingContent[]).push(...inner);
      else out.push({ ...child, children: inner } as PhrasingContent);
    }
    after.forEach(push);
  }
  return out;
}
