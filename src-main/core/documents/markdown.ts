// Markdown (CommonMark + GFM tables) parsed once into mdast, shared by the .docx and HTML
// writers so that both render exactly the same structure.
import type { Root, RootContent, PhrasingContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { keepBareSyntaxAsText } from '../../../src-shared/markdown-literal';
import { boundedParse } from '../../../src-shared/markdown-limits';

const parser = unified().use(remarkParse).use(remarkGfm);

// The preview and an export of the same meeting parse the same texts; a small cache makes the
// second writer's pass nearly free without holding on to old meetings for long.
const cache = new Map<string, Root>();
const CACHE_LIMIT = 2000;

export function parseMarkdown(source: string): Root {
  const hit = cache.get(source);
  if (hit) return hit;
  // A line of bare syntax ("-", "#", "1.") prints as the text it is, in both writers; a text too
  // deep or too dense to parse in bounded time and stack prints as the plain text it is.
  const tree = boundedParse(source, (s) => keepBareSyntaxAsText(parser.parse(s), s));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, tree);
  return tree;
}

/** The visible text of an mdast node (what a reader sees, without markup). */
export function plainText(node: Root | RootContent | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as (RootContent | PhrasingContent)[]).map(plainText).join('');
  return '';
}

/** Links go only to the web or to mail: no javascript:, file: or in-app targets in a document. */
export function safeHref(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

export type { Root, RootContent, PhrasingContent };
