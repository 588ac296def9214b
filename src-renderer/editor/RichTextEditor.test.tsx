// @vitest-environment happy-dom
// The component as the secretary meets it: named controls, formatted text, Markdown out, paste notices.
import type { Editor } from '@tiptap/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { flushEditors } from './pending-edits';
import { RichTextEditor } from './RichTextEditor';
import { wordFixture } from './test-fixtures';

beforeAll(async () => {
  await i18n.changeLanguage('da');
});
afterEach(cleanup);

function editorOf(box: HTMLElement): Editor {
  // Tiptap hangs the editor on its root element; the tests use it only to place the cursor.
  const editor = (box as HTMLElement & { editor?: Editor }).editor;
  if (!editor) throw new Error('no editor on the text box');
  return editor;
}

function setup(value: string, extra: { onNotice?: (m: string) => void; readOnly?: boolean } = {}) {
  const changes: string[] = [];
  const utils = render(<RichTextEditor label="Sagsresume" value={value} onChange={(m) => changes.push(m)} emitDelayMs={0} {...extra} />);
  const box = screen.getByRole('textbox', { name: 'Sagsresume' });
  return { ...utils, changes, box, editor: editorOf(box) };
}

function pasteHtml(target: HTMLElement, html: string) {
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', 'plain');
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: DataTransfer };
  Object.defineProperty(event, 'clipboardData', { value: data });
  act(() => {
    target.dispatchEvent(event);
  });
}

describe('RichTextEditor', () => {
  it('shows the stored Markdown as formatted text in a text box named by its label', () => {
    const { box, changes } = setup('Direktøren indstiller, at\n\n- dagsorden **godkendes**.\n');
    expect(box.querySelector('p')?.textContent).toBe('Direktøren indstiller, at');
    expect(box.querySelector('li strong')?.textContent).toBe('godkendes');
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(screen.getByText('Sagsresume').id).toBe(box.getAttribute('aria-labelledby'));
    // Loading is not a change: nothing to save.
    expect(changes).toEqual([]);
  });

  it('has a toolbar where every control has a name and a keyboard shortcut', () => {
    setup('');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatering: Sagsresume' });
    const names = [...toolbar.querySelectorAll('button')].map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-keyshortcuts')]);
    expect(names).toEqual([
      ['Fed', 'Control+B'],
      ['Kursiv', 'Control+I'],
      ['Punktopstilling', 'Control+Shift+8'],
      ['Nummereret liste', 'Control+Shift+7'],
      ['Ryk ud', 'Shift+Tab Control+['],
      ['Ryk ind', 'Tab Control+]'],
      ['Indsæt tabel', 'Control+Alt+T'],
      ['Tilføj række', 'Control+Alt+R'],
      ['Tilføj kolonne', 'Control+Alt+K'],
      ['Slet række', 'Control+Alt+Shift+R'],
      ['Slet kolonne', 'Control+Alt+Shift+K'],
      ['Slet tabel', 'Control+Alt+Shift+T'],
      ['Link', 'Control+K'],
      ['Fortryd', 'Control+Z'],
      ['Gentag', 'Control+Shift+Z Control+Y'],
    ]);
    // Table row and column buttons wait until the cursor is in a table.
    expect(screen.getByRole('button', { name: 'Tilføj række' }).hasAttribute('disabled')).toBe(true);
  });

  it('makes the selection bold from the toolbar and reports the new Markdown', () => {
    const { editor, changes } = setup('Sagen godkendes.\n');
    act(() => {
      editor.commands.setTextSelection({ from: 7, to: 16 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Fed' }));
    expect(changes.at(-1)).toBe('Sagen **godkendes**.\n');
    expect(screen.getByRole('button', { name: 'Fed' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('inserts a table with a header row from the toolbar, then adds a row', () => {
    const { editor, changes } = setup('Budget:\n');
    act(() => {
      editor.commands.setTextSelection(8);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Indsæt tabel' }));
    expect(changes.at(-1)).toBe('Budget:\n\n|   |   |   |\n| - | - | - |\n|   |   |   |\n|   |   |   |\n');
    fireEvent.click(screen.getByRole('button', { name: 'Tilføj række' }));
    expect(changes.at(-1)?.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(5);
  });

  it('links the selected words through the link dialog, adding https:// to a bare address', async () => {
    const { editor, changes } = setup('Se kommunens hjemmeside.\n');
    act(() => {
      editor.commands.setTextSelection({ from: 4, to: 24 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link' });
    const address = screen.getByRole('textbox', { name: 'Webadresse' });
    fireEvent.change(address, { target: { value: 'www.haderslev.dk' } });
    fireEvent.submit(dialog.querySelector('form')!);
    expect(changes.at(-1)).toBe('Se [kommunens hjemmeside](https://www.haderslev.dk).\n');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses an address that is not a web or mail address', async () => {
    const { editor, changes } = setup('Se bilaget.\n');
    act(() => {
      editor.commands.setTextSelection({ from: 4, to: 11 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Webadresse' }), { target: { value: 'javascript:alert(1)' } });
    fireEvent.submit(dialog.querySelector('form')!);
    expect(await screen.findByText('Skriv en webadresse, der begynder med https://, http:// eller mailto:.')).toBeTruthy();
    expect(changes).toEqual([]);
  });

  it('cleans a Word paste, stores it as Markdown and tells what it had to simplify', () => {
    const notices: string[] = [];
    const { box, changes } = setup('', { onNotice: (m) => notices.push(m) });
    pasteHtml(box, wordFixture('table-merged'));
    expect(changes.at(-1)).toContain('| Digitalisering          | 12.450 (uændret begge år) |                             |');
    expect(box.querySelectorAll('th')).toHaveLength(3);
    expect(notices).toEqual([
      'Teksten er indsat, men tabellen kunne ikke bevares helt: flettede celler er delt op, og teksten står i den første celle; lister i tabelceller er skrevet på én linje, adskilt af semikolon; celler med flere afsnit er samlet til ét afsnit.',
    ]);
  });

  it('starts pasted paragraphs on a new line when the cursor is at the end of one', () => {
    const { box, editor, changes } = setup('Indledning:\n');
    act(() => {
      editor.commands.setTextSelection(12);
    });
    pasteHtml(box, wordFixture('list-without-styles'));
    expect(changes.at(-1)).toBe('Indledning:\n\n3. udvalget godkender det tekniske budget\n4. udvalget godkender det supplerende budget\n');
  });

  it('pastes a single line of text into the line where the cursor is', () => {
    const { box, editor, changes } = setup('Sagen om  behandles.\n');
    act(() => {
      editor.commands.setTextSelection(10);
    });
    pasteHtml(box, '<p class=MsoNormal><b>budgettet</b><o:p></o:p></p>');
    expect(changes.at(-1)).toBe('Sagen om **budgettet** behandles.\n');
  });

  it('pastes a Word list into a table cell as one line, and says so', () => {
    const notices: string[] = [];
    const { box, editor, changes } = setup('| Indsats | Status |\n| - | - |\n| NIS2 | |\n', { onNotice: (m) => notices.push(m) });
    act(() => {
      // The cursor in the empty Status cell of the body row.
      const cells = box.querySelectorAll('td');
      editor.commands.setTextSelection(editor.view.posAtDOM(cells[1]!, 0) + 1);
    });
    pasteHtml(box, wordFixture('list-without-styles'));
    const rows = changes.at(-1)?.split('\n') ?? [];
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe('| NIS2    | udvalget godkender det tekniske budget; udvalget godkender det supplerende budget |');
    expect(notices).toEqual(['Teksten er indsat, men tabellen kunne ikke bevares helt: lister i tabelceller er skrevet på én linje, adskilt af semikolon.']);
  });

  it('shows the notice itself when the caller does not take it', () => {
    const { box } = setup('');
    pasteHtml(box, wordFixture('bold-italic'));
    expect(screen.getByRole('status').textContent).toContain('Billeder kan ikke indsættes her og er udeladt.');
    expect(box.querySelector('strong')?.textContent).toBe('Resume og sagens baggrund');
  });

  it('keeps what was typed when the caller echoes an older saved value, and loads a genuinely new one', () => {
    const { editor, changes, rerender, box } = setup('Første\n');
    act(() => {
      editor.commands.setTextSelection(7);
      editor.commands.insertContent(' udkast');
    });
    act(() => {
      editor.commands.insertContent(' til indstilling');
    });
    expect(changes).toEqual(['Første udkast\n', 'Første udkast til indstilling\n']);
    // The caller's save of the first change comes back late: it must not undo the second.
    rerender(<RichTextEditor label="Sagsresume" value={'Første udkast\n'} onChange={(m) => changes.push(m)} emitDelayMs={0} />);
    expect(box.textContent).toBe('Første udkast til indstilling');
    // ... also when the caller trimmed it on the way.
    rerender(<RichTextEditor label="Sagsresume" value="Første udkast" onChange={(m) => changes.push(m)} emitDelayMs={0} />);
    expect(box.textContent).toBe('Første udkast til indstilling');
    // Another item's text (or a reload) replaces the content, without reporting a change.
    rerender(<RichTextEditor label="Sagsresume" value={'Andet punkt\n'} onChange={(m) => changes.push(m)} emitDelayMs={0} />);
    expect(box.textContent).toBe('Andet punkt');
    expect(changes).toHaveLength(2);
    // Undo does not reach back into the previous item's text.
    expect(screen.getByRole('button', { name: 'Fortryd' }).hasAttribute('disabled')).toBe(true);
    act(() => {
      editor.commands.undo();
    });
    expect(box.textContent).toBe('Andet punkt');
  });

  it('undoes and redoes with Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z', () => {
    const { box, editor, changes } = setup('Godkendt\n');
    act(() => {
      editor.commands.setTextSelection(9);
      editor.commands.insertContent(' med bemærkninger');
    });
    const mac = /Mac|iP(hone|[oa]d)/.test(navigator.platform);
    const press = (key: string, shiftKey = false) => {
      // As a browser sends it: Shift makes the key "Z", and keyCode names the physical key.
      const event = new KeyboardEvent('keydown', { key, keyCode: 90, shiftKey, ctrlKey: !mac, metaKey: mac, bubbles: true, cancelable: true });
      act(() => {
        box.dispatchEvent(event);
      });
      return event;
    };
    press('z');
    expect(changes.at(-1)).toBe('Godkendt\n');
    press('Z', true);
    expect(changes.at(-1)).toBe('Godkendt med bemærkninger\n');
    press('z');
    // Nothing left to undo: the key is still taken, so the browser's own undo cannot touch the text.
    expect(press('z').defaultPrevented).toBe(true);
    expect(box.textContent).toBe('Godkendt');
  });

  it('indents a list item with Tab, and lets Tab leave the editor after Escape', () => {
    const { box, editor, changes } = setup('- dagsorden godkendes\n- orienteringen tages til efterretning\n');
    act(() => {
      editor.commands.setTextSelection(30);
    });
    const tab = () => {
      const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
      act(() => {
        box.dispatchEvent(event);
      });
      return event;
    };
    expect(tab().defaultPrevented).toBe(true);
    expect(changes.at(-1)).toBe('- dagsorden godkendes\n  - orienteringen tages til efterretning\n');
    act(() => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    // Not prevented: the browser moves focus on; and the list is left as it was.
    expect(tab().defaultPrevented).toBe(false);
    expect(changes).toHaveLength(1);
  });

  it('is read-only without a toolbar when the minutes are approved', () => {
    const { box } = setup('Godkendt\n', { readOnly: true });
    expect(box.getAttribute('contenteditable')).toBe('false');
    expect(box.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('speaks English when the UI does', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    setup('');
    expect(screen.getByRole('toolbar', { name: 'Formatting: Sagsresume' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bulleted list' })).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('da');
    });
  });
  it('hands typing to the caller after a pause, and at once on blur, on flushEditors and when closed', async () => {
    const changes: string[] = [];
    const { unmount, rerender } = render(<RichTextEditor label="Sagsresume" value="" onChange={(m) => changes.push(m)} emitDelayMs={60_000} />);
    const box = screen.getByRole('textbox', { name: 'Sagsresume' });
    const editor = editorOf(box);
    act(() => {
      editor.commands.insertContent('Første');
    });
    // Held back while she types: the caller re-renders once per pause, not per key.
    expect(changes).toEqual([]);
    act(() => flushEditors());
    expect(changes).toEqual(['Første\n']);
    act(() => {
      editor.commands.insertContent(' ord');
    });
    fireEvent.blur(box);
    expect(changes.at(-1)).toBe('Første ord\n');
    rerender(<RichTextEditor label="Sagsresume" value="" onChange={(m) => changes.push(m)} emitDelayMs={30} />);
    act(() => {
      editor.commands.insertContent(' mere');
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(changes.at(-1)).toBe('Første ord mere\n');
    act(() => {
      editor.commands.insertContent('!');
    });
    unmount();
    expect(changes.at(-1)).toBe('Første ord mere!\n');
  });
});
