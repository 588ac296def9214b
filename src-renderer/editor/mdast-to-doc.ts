// Maps a Markdown syntax tree (mdast, from remark) onto the editor's ProseMirror JSON.
// Anything the editor has no node for (images, raw HTML, footnotes) is kept as plain text, never dropped silently.
import type { JSONContent } from '@tiptap/core';
import type { AlignType, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';

type Mark = { type: string; attrs?: Record<string, unknown> };
type Definitions = Map<string, { url: string; title: string | null }>;

export function mdastToDoc(root: Root): JSONContent {
  const definitions: Definitions = new Map();
  collectDefinitions(root, definitions);
  const content = blocks(root.children, definitions);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function collectDefinitions(node: Nodes, into: Definitions): void {
  if (node.type === 'definition') into.set(node.identifier, { url: node.url, title: node.title ?? null });
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}

function blocks(nodes: RootContent[], defs: Definitions): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) out.push(...block(node, defs));
  return out;
}

function paragraph(children: PhrasingContent[], defs: Definitions): JSONContent {
  const content = inline(children, [], defs);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function textParagraph(text: string): JSONContent {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

function block(node: RootContent, defs: Definitions): JSONContent[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node.children, defs)];
    case 'heading': {
      const p = paragraph(node.children, defs);
      return [{ type: 'heading', attrs: { level: node.depth }, ...(p.content ? { content: p.content } : {}) }];
    }
    case 'thematicBreak':
      return [{ type: 'horizontalRule' }];
    case 'blockquote': {
      const content = blocks(node.children, defs);
      return [{ type: 'blockquote', content: content.length > 0 ? content : [{ type: 'paragraph' }] }];
    }
    case 'code':
      return [{ type: 'codeBlock', attrs: { language: node.lang ?? null }, ...(node.value ? { content: [{ type: 'text', text: node.value }] } : {}) }];
    case 'list': {
      const items = node.children.map((item) => {
        const content = blocks(item.children, defs);
        // A list item must open with a paragraph in the editor's schema ("paragraph block*").
        if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
        return { type: 'listItem', content };
      });
      return [node.ordered ? { type: 'orderedList', attrs: { start: node.start ?? 1 }, content: items } : { type: 'bulletList', content: items }];
    }
    case 'table':
      return [table(node, defs)];
    case 'html':
      return node.value.trim() ? [textParagraph(node.value)] : [];
    case 'definition':
      return [];
    case 'footnoteDefinition':
      return [textParagraph(`[^${node.label ?? node.identifier}]: ${toString(node)}`)];
    default:
      // Phrasing content at block level (it should not happen with remark-parse, but keep its text).
      return [paragraph([node as PhrasingContent], defs)];
  }
}

function table(node: Table, defs: Definitions): JSONContent {
  const align: (AlignType | undefined)[] = node.align ?? [];
  const width = Math.max(1, ...node.children.map((row) => row.children.length));
  const rows = node.children.map((row, r) => {
    const cells: JSONContent[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row.children[c];
      const p = paragraph(cell ? cell.children : [], defs);
      const a = align[c];
      cells.push({ type: r === 0 ? 'tableHeader' : 'tableCell', attrs: { align: a ?? null }, content: [p] });
    }
    return { type: 'tableRow', content: cells };
  });
  return { type: 'table', content: rows };
}

function inline(nodes: PhrasingContent[], marks: Mark[], defs: Definitions): JSONContent[] {
  const out: JSONContent[] = [];
  const text = (value: string, extra: Mark[] = []) => {
    if (!value) return;
    const all = [...marks, ...extra];
    out.push(all.length > 0 ? { type: 'text', text: value, marks: all } : { type: 'text', text: value });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value.replace(/\n/g, ' '));
        break;
      case 'strong':
        out.push(...inline(node.children, withMark(marks, { type: 'bold' }), defs));
        break;
      case 'emphasis':
        out.push(...inline(node.children, withMark(marks, { type: 'italic' }), defs));
        break;
      case 'delete':
        out.push(...inline(node.children, withMark(marks, { type: 'strike' }), defs));
        break;
      case 'inlineCode':
        text(node.value, [{ type: 'code' }]);
        break;
      case 'link':
        out.push(...inline(node.children, withMark(marks, linkMark(node.url, node.title ?? null)), defs));
        break;
      case 'linkReference': {
        const def = defs.get(node.identifier);
        if (def) out.push(...inline(node.children, withMark(marks, linkMark(def.url, def.title)), defs));
        else text(toString(node));
        break;
      }
      case 'break':
        out.push({ type: 'hardBreak' });
        break;
      case 'image':
      case 'imageReference':
        text(node.alt ?? '');
        break;
      case 'html':
        text(node.value);
        break;
      case 'footnoteReference':
        text(`[^${node.label ?? node.identifier}]`);
        break;
      default:
        text(toString(node as Nodes));
    }
  }
  return out;
}

/** The plain text under a node (what mdast-util-to-string does, without depending on it). */
function toString(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toString).join('');
  return '';
}

function linkMark(href: string, title: string | null): Mark {
  return { type: 'link', attrs: { href, title } };
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  // Nested links are not possible in Markdown, and a mark applies once; an inner one replaces the outer.
  return [...marks.filter((m) => m.type !== mark.type), mark];
}
