// Marks the words a search found in an item's text: decorations only, so the stored Markdown and
// the undo history never see them. Terms match at the start of a word, case-insensitively, so
// "ambassadør" marks "ambassadører" as the Danish stemmer found it.
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const searchHighlightKey = new PluginKey<DecorationSet>('searchHighlight');
const SET = 'setSearchTerms';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all terms: each at a word start (letters and digits, æøå included). */
export function termPattern(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((t) => t.trim().toLocaleLowerCase('da')).filter((t) => /[\p{L}\p{N}]/u.test(t)))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

function decorate(doc: PMNode, terms: readonly string[]): DecorationSet {
  const pattern = termPattern(terms);
  if (!pattern) return DecorationSet.empty;
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text) return true;
    for (const m of node.text.matchAll(pattern)) found.push(Decoration.inline(pos + m.index, pos + m.index + m[0].length, { class: 'search-mark' }));
    return false;
  });
  return DecorationSet.create(doc, found);
}

/** How many marks the editor shows now. */
export const markCount = (state: EditorState): number => searchHighlightKey.getState(state)?.find().length ?? 0;

export const SearchHighlight = Extension.create({
  name: 'searchHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: searchHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(SET) as readonly string[] | undefined;
            if (next) return decorate(tr.doc, next);
            // Typing moves the marks with the text; the text is not searched again on every keystroke.
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: { decorations: (state) => searchHighlightKey.getState(state) },
      }),
    ];
  },
});

/** A transaction's meta that sets the terms to mark ([] clears them). */
export const setSearchTerms = (terms: readonly string[]): [string, readonly string[]] => [SET, terms];
