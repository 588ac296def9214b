// Where cleaned paste content lands: as blocks in the text, or as one line inside a table cell
// (a GFM cell holds one line, so paragraphs and lists pasted there are joined and the secretary is told).
import type { JSONContent } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { NOTICE_ORDER, type PasteNotice } from './paste-word';

/** The slice to insert at the selection, or null when the content does not fit the schema. */
export function pastedSlice(state: EditorState, doc: JSONContent, notices: PasteNotice[]): Slice | null {
  let node: PMNode;
  try {
    node = state.schema.nodeFromJSON(doc);
    node.check();
  } catch {
    return null;
  }
  const { $from, empty } = state.selection;
  const cell = $from.depth >= 1 && /^table(Cell|Header)$/.test($from.node($from.depth - 1).type.name);
  if (cell) return new Slice(Fragment.from(oneLine(node, notices)), 1, 1);

  const slice = Slice.maxOpen(node.content);
  // Several blocks pasted at the end of a line start on a new line rather than joining that line's text.
  const atLineEnd = empty && $from.parent.isTextblock && $from.parent.content.size > 0 && $from.parentOffset === $from.parent.content.size;
  if (atLineEnd && (node.childCount > 1 || node.firstChild?.type.name !== 'paragraph')) return new Slice(node.content, 0, slice.openEnd);
  return slice;
}

/** All text blocks of the pasted content as one paragraph: list items joined by "; ", other blocks by a space. */
function oneLine(doc: PMNode, notices: PasteNotice[]): PMNode {
  const schema = doc.type.schema;
  const parts: { content: Fragment; inList: boolean }[] = [];
  let table = false;
  let list = false;
  doc.descendants((node, _pos, parent) => {
    if (node.type.name === 'table') table = true;
    if (node.type.name === 'listItem') list = true;
    if (!node.isTextblock) return true;
    if (node.content.size > 0) parts.push({ content: node.content, inList: parent?.type.name === 'listItem' });
    return false;
  });
  let content = Fragment.empty;
  parts.forEach((part, i) => {
    if (i > 0) content = content.addToEnd(schema.text(part.inList && parts[i - 1]!.inList ? '; ' : ' '));
    content = content.append(part.content);
  });
  const add = (n: PasteNotice) => {
    if (!notices.includes(n)) notices.push(n);
  };
  if (list) add('cell-lists');
  else if (parts.length > 1 && !table) add('cell-paragraphs');
  if (table) add('nested-tables');
  notices.sort((a, b) => NOTICE_ORDER.indexOf(a) - NOTICE_ORDER.indexOf(b));
  return schema.nodes.paragraph!.create(null, content);
}
