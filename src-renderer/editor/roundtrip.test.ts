// @vitest-environment happy-dom
// Markdown loaded into the real editor (our schema, our extensions) and serialized again comes back unchanged.
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { editorExtensions } from './extensions';
import { docToMarkdown, markdownToDoc, normalizeMarkdown } from './markdown';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function load(markdown: string): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: editorExtensions({ onLinkShortcut: () => {}, onPasteNotices: () => {} }),
    content: markdownToDoc(markdown),
  });
  editors.push(editor);
  return editor;
}

const SAMPLES: Record<string, string> = {
  'the reference referat recommendation': [
    'Direktøren for Arbejdsmarked og Borgerservice indstiller, at Organisations- og Beredskabsudvalget over for Kommunalbestyrelsen anbefaler, at',
    '',
    '- orienteringen tages til efterretning.',
    '- Haderslev Kommunes Informationssikkerhedspolitik 2026 godkendes.',
    '',
  ].join('\n'),
  'bold, italic and both, with æøå': 'Udvalget **godkender** budgettet *med bemærkninger* om **_særlige_** forhold i Ærø, Øster Løgum og Årø.\n',
  'links with and without title, and an address as its own text': [
    'Læs [årsberetningen](https://www.haderslev.dk/dpo "Databeskyttelse") eller [**KL’s** vejledning](https://www.kl.dk/).',
    '',
    'Skriv til <dpo@haderslev.dk> eller se <https://www.haderslev.dk>.',
    '',
  ].join('\n'),
  'nested bullet and numbered lists': [
    'Haderslev Kommune er placeret som:',
    '',
    '- nr. 62 samlet',
    '  - 27 bedre end i 2025',
    '    - tredje niveau',
    '  - nr. 40 i regionen',
    '- *anvendelse* af kunstig intelligens (AI)',
    '',
    '1. Organisations- og Beredskabsudvalget 2. juni 2026',
    '2. Kommunalbestyrelsen 23. juni 2026',
    '   1. høring',
    '   2. endelig vedtagelse',
    '   - en punktopstilling under et nummer',
    '',
    'Derefter:',
    '',
    '3. udvalget godkender det tekniske budget',
    '4. udvalget godkender det supplerende budget',
    '',
  ].join('\n'),
  'a GFM table with a header row, alignment, formatting and a link': [
    'Budget (1.000 kr.):',
    '',
    '| Område         | Budget 2027 |     Budget 2028     |',
    '| :------------- | ----------: | :-----------------: |',
    '| Digitalisering |      12.450 |      **12.600**     |',
    '| Sikkerhed      |             | [KL](https://kl.dk) |',
    '| Pipe \\| tegn   |     *3.200* |         æøå         |',
    '',
  ].join('\n'),
  'a line break, a heading, a quote and a rule from imported Markdown': ['Første linje\\', 'anden linje', '', '## Baggrund', '', '> Citat', '', '---', '', 'Slut', ''].join('\n'),
  'text that looks like syntax': '2\\. juni holdt udvalget møde, og 5 \\* 3 er 15.\n\n\\- ikke en liste\n',
};

describe('Markdown survives loading into the editor and serializing', () => {
  for (const [name, markdown] of Object.entries(SAMPLES)) {
    it(name, () => {
      // The sample is written in the house style, so normalizing it must not change it either.
      expect(normalizeMarkdown(markdown)).toBe(markdown);
      const editor = load(markdown);
      expect(docToMarkdown(editor.getJSON())).toBe(markdown);
    });
  }

  it('shows the secretary formatted text, not Markdown', () => {
    const editor = load(SAMPLES['the reference referat recommendation']! + '\n' + SAMPLES['a GFM table with a header row, alignment, formatting and a link']!);
    const dom = editor.view.dom;
    expect(dom.querySelector('p')?.textContent).toBe(
      'Direktøren for Arbejdsmarked og Borgerservice indstiller, at Organisations- og Beredskabsudvalget over for Kommunalbestyrelsen anbefaler, at',
    );
    expect([...dom.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
      'orienteringen tages til efterretning.',
      'Haderslev Kommunes Informationssikkerhedspolitik 2026 godkendes.',
    ]);
    expect([...dom.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Område', 'Budget 2027', 'Budget 2028']);
    expect(dom.querySelector('td strong')?.textContent).toBe('12.600');
    expect(dom.textContent).not.toContain('**');
    expect(dom.textContent).not.toContain('| ---');
  });

  it('stores what the toolbar commands make: a bold word, a nested list and a new table', () => {
    const editor = load('Indstilling\n');
    editor.commands.setTextSelection({ from: 1, to: 12 });
    editor.commands.toggleBold();
    editor.commands.setTextSelection(12);
    // Bold continues at the end of bold text, as in Word; the secretary turns it off.
    editor.commands.unsetBold();
    editor.commands.splitBlock();
    editor.commands.insertContent('dagsorden godkendes');
    editor.commands.toggleBulletList();
    editor.commands.splitListItem('listItem');
    editor.commands.insertContent('underpunkt');
    editor.commands.sinkListItem('listItem');
    expect(docToMarkdown(editor.getJSON())).toBe('**Indstilling**\n\n- dagsorden godkendes\n  - underpunkt\n');
    editor.commands.liftListItem('listItem');
    editor.commands.liftListItem('listItem');
    editor.commands.insertTable({ rows: 2, cols: 2, withHeaderRow: true });
    editor.commands.insertContent('Navn');
    editor.commands.goToNextCell();
    editor.commands.insertContent('Parti');
    editor.commands.addRowAfter();
    expect(docToMarkdown(editor.getJSON())).toBe(
      '**Indstilling**\n\n- dagsorden godkendes\n\nunderpunkt\n\n| Navn | Parti |\n| ---- | ----- |\n|      |       |\n|      |       |\n',
    );
  });

  it('starts a numbered list when "1. " is typed, but leaves "2. juni" as text', () => {
    const editor = load('');
    const type = (text: string) => {
      // Typed character by character, so the input rules see it as the secretary's keystrokes.
      for (const ch of text) {
        const { from, to } = editor.state.selection;
        const handled = editor.view.someProp('handleTextInput', (f) => f(editor.view, from, to, ch, () => editor.state.tr.insertText(ch, from, to)));
        if (!handled) editor.view.dispatch(editor.state.tr.insertText(ch, from, to));
      }
    };
    type('2. juni holdt udvalget møde.');
    expect(docToMarkdown(editor.getJSON())).toBe('2\\. juni holdt udvalget møde.\n');
    editor.commands.splitBlock();
    type('1. punkt');
    expect(docToMarkdown(editor.getJSON())).toBe('2\\. juni holdt udvalget møde.\n\n1. punkt\n');
    editor.commands.splitListItem('listItem');
    editor.commands.liftListItem('listItem');
    type('- punkt');
    expect(docToMarkdown(editor.getJSON())).toBe('2\\. juni holdt udvalget møde.\n\n1. punkt\n\n- punkt\n');
  });

  it('undoes and redoes a change', () => {
    const editor = load('Godkendt\n');
    editor.commands.setTextSelection(9);
    editor.commands.insertContent(' med bemærkninger');
    expect(docToMarkdown(editor.getJSON())).toBe('Godkendt med bemærkninger\n');
    editor.commands.undo();
    expect(docToMarkdown(editor.getJSON())).toBe('Godkendt\n');
    editor.commands.redo();
    expect(docToMarkdown(editor.getJSON())).toBe('Godkendt med bemærkninger\n');
  });
});
