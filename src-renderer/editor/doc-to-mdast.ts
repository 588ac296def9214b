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
      const items: ListItem[] = (node.content ?? []).map((item) => ({
        type: 'listItem',
        spread: false,
        children: blocks(item.content ?? []) as BlockContent[],
      }));
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

/** Inline nodes with flat marks -> nested mdast phrasing, opening and closing marks as runs change. */
function phrasing(nodes: JSONContent[], inCell: boolean): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { key: string; children: PhrasingContent[] }[] = [{ key: '', children: root }];
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      // A GFM table row is one line; a line break in a cell becomes a space.
      stack[stack.length - 1]!.children.push(inCell ? { type: 'text', value: ' ' } : { type: 'break' });
      continue;
    }
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
  const pushText = (value: string) => {
    if (!value) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  for (const child of children) {
    if (child.type === 'text') {
      pushText(child.value);
      continue;
    }
    if (child.type === 'strong' || child.type === 'emphasis' || child.type === 'delete' || child.type === 'link') {
      const inner = tidy(child.children as PhrasingContent[]);
      let lead = '';
      let trail = '';
      if (child.type !== 'link') {
        const first = inner[0];
        if (first?.type === 'text') {
          lead = /^\s*/.exec(first.value)?.[0] ?? '';
          first.value = first.value.slice(lead.length);
          if (!first.value) inner.shift();
        }
        const last = inner[inner.length - 1];
        if (last?.type === 'text') {
          trail = /\s*$/.exec(last.value)?.[0] ?? '';
          last.value = last.value.slice(0, last.value.length - trail.length);
          if (!last.value) inner.pop();
        }
      }
      pushText(lead);
      if (inner.length > 0) {
        const prev = out[out.length - 1];
        // Two adjacent runs with the same mark (e.g. split by a hoisted space that vanished) become one.
        if (prev && prev.type === child.type && prev.type !== 'link') (prev.children as PhrasingContent[]).push(...inner);
        else out.push({ ...child, children: inner } as PhrasingContent);
      }
      pushText(trail);
      continue;
    }
    out.push(child);
  }
  return out;
}
