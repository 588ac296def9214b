// The editor's document as stored Markdown on every keystroke, without serialising the whole text
// each time: ProseMirror keeps every untouched top-level block as the same object, so each block's
// Markdown is kept by that object and only the block being typed in is serialised again. The result
// equals docToMarkdown(doc.toJSON()) (markdown-incremental.test.ts checks it on every fixture).
import type { Node as PMNode } from '@tiptap/pm/model';
import type { RootContent } from 'mdast';
import { docToMdast } from './doc-to-mdast';
import { stringifyMdast } from './markdown';

/** A top-level block's syntax tree (null: it stores nothing, as an empty paragraph). */
const blocks = new WeakMap<PMNode, RootContent | null>();
/**
 * The Markdown of a run of top-level blocks, kept by its first block. A run is one block, or
 * adjacent lists: the serializer alternates bullets between adjacent lists ("-" then "*"), so a
 * list's text depends on the lists just before it and such lists are serialised together.
 */
const runs = new WeakMap<RootContent, { run: RootContent[]; text: string }>();

/** A paragraph after the run, so that the run's own text ends where the separator before it starts. */
const SENTINEL: RootContent = { type: 'paragraph', children: [{ type: 'text', value: 'x' }] };
const SENTINEL_TAIL = '\n\nx\n';

function blockOf(node: PMNode): RootContent | null {
  let b = blocks.get(node);
  if (b === undefined) {
    b = docToMdast({ type: 'doc', content: [node.toJSON() as object] }).children[0] ?? null;
    blocks.set(node, b);
  }
  return b;
}

let serialised = 0;
/** How many runs were serialised so far (the tests check that a keystroke costs one). */
export const serialisedBlocks = (): number => serialised;

function runText(run: RootContent[]): string {
  const cached = runs.get(run[0]!);
  if (cached && cached.run.length === run.length && cached.run.every((b, i) => b === run[i])) return cached.text;
  serialised++;
  const whole = stringifyMdast({ type: 'root', children: [...run, SENTINEL] });
  // Blocks at the top level are always joined by one blank line; the sentinel's text is its own.
  if (!whole.endsWith(SENTINEL_TAIL)) throw new Error('unexpected serialisation of a block');
  const text = whole.slice(0, -SENTINEL_TAIL.length);
  runs.set(run[0]!, { run, text });
  return text;
}

/** The Markdown to store for the editor's document: the same string docToMarkdown gives. */
export function docNodeToMarkdown(doc: PMNode): string {
  const list: RootContent[] = [];
  doc.forEach((node) => {
    const b = blockOf(node);
    if (b) list.push(b);
  });
  const parts: string[] = [];
  for (let i = 0; i < list.length; ) {
    let j = i + 1;
    if (list[i]!.type === 'list') while (j < list.length && list[j]!.type === 'list') j++;
    parts.push(runText(list.slice(i, j)));
    i = j;
  }
  const text = parts.join('\n\n');
  // As the serializer ends a document: with one line break, unless it already ends with one.
  return text === '' || /[\n\r]$/.test(text) ? text : `${text}\n`;
}
