// Markdown (CommonMark + GFM tables), as stored, <-> the editor's content, through remark.
// remark is also what the document exports parse with, so the editor and the documents read the same Markdown
// the same way; and its serializer escapes text that would otherwise turn into syntax ("2. juni" at a line start).
import type { JSONContent } from '@tiptap/core';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { boundedParse } from '../../src-shared/markdown-limits';
import { docToMdast } from './doc-to-mdast';
import { mdastToDoc } from './mdast-to-doc';
import { keepBareSyntaxAsText } from '../../src-shared/markdown-literal';

/** One house style for the stored Markdown, so equal content is always the same string. */
const STRINGIFY: StringifyOptions = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
};

const parser = unified().use(remarkParse).use(remarkGfm);
const serializer = unified().use(remarkGfm).use(remarkStringify, STRINGIFY);

export function parseMarkdown(markdown: string): Root {
  // As the documents read it: a line of bare syntax ("-" as "nothing to add") is that text, not an empty bullet;
  // and with the same bounds: a text too deep or dense to parse is edited as plain text.
  return boundedParse(markdown, (s) => keepBareSyntaxAsText(parser.runSync(parser.parse(s)) as Root, s));
}

export function stringifyMdast(root: Root): string {
  return root.children.length === 0 ? '' : serializer.stringify(root);
}

/** Stored Markdown -> the editor's ProseMirror JSON (a `doc` node). */
export function markdownToDoc(markdown: string): JSONContent {
  return mdastToDoc(parseMarkdown(markdown));
}

/** The editor's ProseMirror JSON -> Markdown to store; "" for an empty document. */
export function docToMarkdown(doc: JSONContent): string {
  return stringifyMdast(docToMdast(doc));
}

/** What the editor would store for this Markdown; idempotent, so comparing against it avoids spurious saves. */
export function normalizeMarkdown(markdown: string): string {
  return docToMarkdown(markdownToDoc(markdown));
}

/** A line of plain text (typed in a plain field) as Markdown that reads back as exactly that text. */
export function plainLineToMarkdown(text: string): string {
  return text.trim() === '' ? '' : stringifyMdast({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }).trimEnd();
}

/** The text a reader sees in a paragraph of stored Markdown (the inverse of plainLineToMarkdown). */
export function markdownLineToPlain(markdown: string): string {
  const collect = (n: { type: string; value?: string; children?: unknown[] }): string =>
    n.type === 'text' || n.type === 'inlineCode' ? (n.value ?? '') : n.type === 'break' ? ' ' : (n.children ?? []).map((c) => collect(c as typeof n)).join('');
  return parseMarkdown(markdown).children.map((c) => collect(c)).join(' ');
}
