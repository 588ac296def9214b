// Cleans HTML pasted from Word (or a web page) into the plain structure the editor stores as Markdown:
// paragraphs, bold/italic, links, real nested lists, tables with a header row. Pure; runs without a DOM.
import type { JSONContent } from '@tiptap/core';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { docToMarkdown } from './markdown';
import { mdastToDoc } from './mdast-to-doc';
import { buildLists, flatListEntries, readListStyles, type ListStyles } from './paste-word-lists';
import { cleanTable } from './paste-word-tables';
import { dropLeadingMarker, dropWordFallbacks } from './paste-word-markers';

/** What a paste had to simplify; the component words it for the secretary. */
export type PasteNotice = 'merged-cells' | 'cell-lists' | 'cell-paragraphs' | 'nested-tables' | 'images';
export const NOTICE_ORDER: readonly PasteNotice[] = ['merged-cells', 'cell-lists', 'cell-paragraphs', 'nested-tables', 'images'];

export type CleanContext = { notices: Set<PasteNotice>; listStyles: ListStyles };

export type CleanedPaste = {
  /** The editor content to insert (a `doc` node). */
  doc: JSONContent;
  /** The same content as the editor will store it. */
  markdown: string;
  notices: PasteNotice[];
};

export function cleanPastedHtml(html: string): CleanedPaste {
  const tree = fromHtml(html);
  dropWordFallbacks(tree);
  const ctx: CleanContext = { notices: new Set(), listStyles: readListStyles(styleText(tree)) };
  const body = findElement(tree, 'body');
  const children = cleanChildren(body ? body.children : tree.children, ctx);
  const hast: HastRoot = { type: 'root', children };
  const mdast = unified().use(rehypeRemark).runSync(hast) as MdastRoot;
  const doc = mdastToDoc(mdast);
  return {
    doc,
    // Only the tests read it: a paste itself never serialises the pasted text a second time.
    get markdown() {
      return docToMarkdown(doc);
    },
    notices: NOTICE_ORDER.filter((n) => ctx.notices.has(n)),
  };
}

export function el(tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element {
  return { type: 'element', tagName, properties, children };
}

export function textOf(node: RootContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

export function styleOf(node: Element): string {
  const s = node.properties.style;
  // Word wraps long attribute values over several lines, even inside a declaration.
  return typeof s === 'string' ? s.toLowerCase().replace(/\s+/g, ' ') : '';
}

function findElement(node: HastRoot | Element, tagName: string): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return null;
}

function styleText(node: HastRoot | Element): string {
  let out = '';
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    out += child.tagName === 'style' ? textOf(child) : styleText(child);
  }
  return out;
}

/** Cleans a run of siblings; consecutive items of a flat Word list become one real (nested) list. */
export function cleanChildren(nodes: readonly RootContent[], ctx: CleanContext): ElementContent[] {
  const out: ElementContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const first = flatListEntries(nodes[i]!, ctx);
    if (!first) {
      out.push(...clean(nodes[i]!, ctx));
      continue;
    }
    const entries = [...first];
    let j = i + 1;
    for (; j < nodes.length; j++) {
      const n = nodes[j]!;
      if (n.type === 'comment' || (n.type === 'text' && !n.value.trim())) continue;
      const more = flatListEntries(n, ctx);
      if (!more) break;
      entries.push(...more);
    }
    out.push(...buildLists(entries));
    i = j - 1;
  }
  return out;
}

const DROP = new Set([
  'head', 'style', 'script', 'meta', 'link', 'title', 'xml', 'template', 'noscript',
  'input', 'button', 'select', 'textarea', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'hr',
]);
const BLOCKS_AS_PARAGRAPH = new Set(['p', 'pre', 'dt', 'dd', 'figcaption', 'caption']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'center', 'figure', 'dl', 'address']);
const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'table']);
const SAFE_LINK = /^(https?:|mailto:|tel:|ftp:)/i;

/** A container's inline runs become paragraphs, so `<div>a</div><div>b</div>` stays two lines. */
function blockify(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.some((n) => textOf(n).trim() || (n.type === 'element' && n.tagName === 'br'))) out.push(el('p', run));
    run = [];
  };
  for (const child of children) {
    if (child.type === 'element' && BLOCK_TAGS.has(child.tagName)) {
      flush();
      out.push(child);
    } else run.push(child);
  }
  flush();
  return out;
}

function clean(node: RootContent, ctx: CleanContext): ElementContent[] {
  if (node.type === 'text') {
    const value = node.value.replace(/\u00a0/g, ' ');
    return value ? [{ type: 'text', value }] : [];
  }
  if (node.type !== 'element') return [];
  const tag = node.tagName.toLowerCase();
  const style = styleOf(node);
  const inner = () => cleanChildren(node.children, ctx);

  if (tag === 'img' || tag === 'v:imagedata') {
    ctx.notices.add('images');
    return [];
  }
  // Word's own elements: <o:p> closes each paragraph, v:/w: hold drawings and settings; others (st1:) wrap text.
  if (/^[ovw]:/.test(tag)) return [];
  if (DROP.has(tag) || /mso-hide: ?all/.test(style) || /display:\s*none/.test(style)) return [];
  if (/mso-list: ?ignore/.test(style)) return [];

  if (tag === 'table') return [cleanTable(node, ctx)];
  if (tag === 'br') return /page-break/.test(style) ? [] : [el('br', [])];
  if (BLOCKS_AS_PARAGRAPH.has(tag)) return [el('p', inner())];
  if (/^h[1-6]$/.test(tag)) return [el('p', [el('strong', inner())])];
  if (tag === 'ul' || tag === 'ol') {
    const start = Number(node.properties.start);
    return [el(tag, inner(), tag === 'ol' && start > 1 ? { start } : {})];
  }
  if (tag === 'li') {
    // A bullet glyph written as text in a real list item ("• · Specialklasser" in print).
    const children = inner();
    dropLeadingMarker(children, 'bullet');
    return [el('li', children)];
  }
  if (tag === 'tr' || tag === 'td' || tag === 'th' || tag === 'thead' || tag === 'tbody' || tag === 'tfoot') return inner();
  if (tag === 'del' || (tag === 's' && style.includes('mso-'))) return [];

  if (tag === 'a') {
    const href = typeof node.properties.href === 'string' ? node.properties.href.trim() : '';
    const children = inner();
    return SAFE_LINK.test(href) && textOf({ type: 'root', children }).trim() ? [el('a', children, { href })] : children;
  }

  if (CONTAINERS.has(tag)) return blockify(inner());

  let children = inner();
  // Bold and italic come as <b>/<i> from Word and as styles from web pages and Google Docs
  // (which wraps everything in <b style="font-weight:normal">).
  // Anchored at a declaration start: Word's "mso-bidi-font-weight:normal" says nothing about this text.
  const weight = /(?:^|;)\s*font-weight:\s*([a-z0-9]+)/.exec(style)?.[1];
  const fontStyle = /(?:^|;)\s*font-style:\s*([a-z]+)/.exec(style)?.[1];
  const bold = weight ? weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 : tag === 'b' || tag === 'strong';
  const italic = fontStyle ? fontStyle === 'italic' || fontStyle === 'oblique' : tag === 'i' || tag === 'em';
  if (italic) children = [el('em', children)];
  if (bold) children = [el('strong', children)];
  // Everything else (span, font, u, div, section, ...) gives up its styling and keeps its content.
  return children;
}
