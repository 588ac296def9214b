// @vitest-environment happy-dom
// The Markdown kept block by block while typing is, after every edit, the same string as the whole
// document serialised afresh, and an edit serialises only the block it touched.
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { editorExtensions } from './extensions';
import { docToMarkdown, markdownToDoc } from './markdown';
import { docNodeToMarkdown, serialisedBlocks } from './markdown-incremental';
import { cleanPastedHtml } from './paste-word';
import { wordFixture } from './test-fixtures';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function load(content: ReturnType<typeof markdownToDoc>): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: editorExtensions({ onLinkShortcut: () => {}, onPasteNotices: () => {} }), content });
  editors.push(editor);
  return editor;
}

const same = (editor: Editor): void => expect(docNodeToMarkdown(editor.state.doc)).toBe(docToMarkdown(editor.getJSON()));

const SAMPLES: Record<string, string> = {
  'adjacent lists alternate their bullets': '- a\n- b\n\n* c\n\n- d\n\n1. e\n\n1) f\n\nTekst\n\n- g\n',
  'a paragraph ending in a line break, a heading, a rule, a quote': 'Første linje\\\nanden linje\n\n## Baggrund\n\n---\n\n> Citat\n\nSlut\n',
  'a table and a code block': '| Område | Budget |\n| :-- | --: |\n| Skole | 12 |\n\n```\nkode\n```\n',
  'text that looks like syntax': '2\\. juni holdt udvalget møde, og 5 \\* 3 er 15.\n\n\\- ikke en liste\n',
};

/** Seeded, so that a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Typing, Enter, Backspace and list toggles at random places, checked after each. */
function edit(editor: Editor, seed: number, steps: number): void {
  const r = random(seed);
  for (let i = 0; i < steps; i++) {
    const size = editor.state.doc.content.size;
    const pos = 1 + Math.floor(r() * Math.max(1, size - 2));
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(pos))));
    const roll = r();
    if (roll < 0.5) editor.commands.insertContent('æ*1. ');
    else if (roll < 0.65) editor.commands.splitBlock();
    else if (roll < 0.8) editor.commands.joinBackward();
    else if (roll < 0.9) editor.commands.toggleBulletList();
    else editor.commands.toggleOrderedList();
    same(editor);
  }
}

describe('the Markdown kept block by block', () => {
  for (const [name, markdown] of Object.entries(SAMPLES)) {
    it(name, () => {
      const editor = load(markdownToDoc(markdown));
      same(editor);
      edit(editor, name.length, 40);
    });
  }

  for (const fixture of ['list', 'word365-numbered-lettered', 'word-manual-bullets', 'table-merged', 'word-online-list']) {
    it(`Word's ${fixture} pasted, then edited`, () => {
      const editor = load(cleanPastedHtml(wordFixture(fixture)).doc);
      same(editor);
      edit(editor, fixture.length, 40);
    });
  }

  it('an empty document, and one of empty paragraphs, store nothing', () => {
    const editor = load({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] });
    expect(docNodeToMarkdown(editor.state.doc)).toBe('');
  });

  it('a keystroke in a long text serialises only the paragraph typed in', () => {
    const markdown = Array.from({ length: 2001 }, (_, i) => (i % 5 === 4 ? `- punkt ${i}\n- punkt ${i}b` : `Afsnit ${i} om skolernes budget.`)).join('\n\n') + '\n';
    const editor = load(markdownToDoc(markdown));
    expect(docNodeToMarkdown(editor.state.doc)).toBe(markdown);
    const before = serialisedBlocks();
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    editor.commands.insertContent('x');
    expect(docNodeToMarkdown(editor.state.doc)).toBe(`${markdown.slice(0, -1)}x\n`);
    expect(serialisedBlocks() - before).toBe(1);
  });
});
