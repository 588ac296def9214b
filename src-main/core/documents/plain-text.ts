// Text typed into a plain field (a decision's text, an addendum) is stored as Markdown like every
// other text, escaped so that it prints exactly as typed: "- udsat" stays a dash, "*alle*" keeps
// its asterisks, and each line break stays a line break. The meeting-day Api speaks the plain text
// in both directions; the store, the exchange format and the documents see Markdown.
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { parseMarkdown, plainText } from './markdown';

const serializer = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true });

/** What a secretary typed, as Markdown that reads back as exactly that text: blank lines part paragraphs, other breaks are kept. */
export function plainToMarkdown(typed: string): string {
  const paragraphs = typed
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return '';
  const children: RootContent[] = paragraphs.map((p) => {
    const phrasing: PhrasingContent[] = [];
    p.split('\n').forEach((line, i) => {
      if (i > 0) phrasing.push({ type: 'break' });
      phrasing.push({ type: 'text', value: line });
    });
    return { type: 'paragraph', children: phrasing };
  });
  return serializer.stringify({ type: 'root', children } satisfies Root).trimEnd();
}

/** Stored Markdown as the plain text a field shows; an imported list or table keeps one line per item or row. */
export function markdownToPlain(markdown: string): string {
  return parseMarkdown(markdown)
    .children.map((b) => blockText(b))
    .join('\n\n');
}

function blockText(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return node.children
        .map((item, i) => `${node.ordered ? `${(node.start ?? 1) + i}.` : '-'} ${item.children.map(blockText).join('\n')}`)
        .join('\n');
    case 'table':
      return node.children.map((row) => row.children.map((cell) => plainText(cell)).join(' | ')).join('\n');
    case 'blockquote':
      return node.children.map(blockText).join('\n');
    default:
      return plainText(node);
  }
}
