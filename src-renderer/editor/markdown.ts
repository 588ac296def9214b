// Markdown (CommonMark + GFM tables), as stored, <-> the editor's content, through remark.
// remark is also what the document exports parse with, so the editor and the documents read the same Markdown
// the same way; and its serializer escapes text that would otherwise turn into syntax ("2. juni" at a line start).
import type { JSONContent } from '@tiptap/core';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { docToMdast } from './doc-to-mdast';
import { mdastToDoc } from './mdast-to-doc';

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
  return parser.runSync(parser.parse(markdown)) as Root;
}

function stringifyMdast(root: Root): string {
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
