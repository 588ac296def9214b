// The editor's schema and behaviour: only what Markdown (CommonMark + GFM tables) can hold.
// Table cells hold one paragraph (a GFM cell is one line), underline is off (Markdown has none).
import { Extension, wrappingInputRule, type Editor, type Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { OrderedList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { pastedSlice } from './paste-slice';
import { cleanPastedHtml, type PasteNotice } from './paste-word';
import { SHORTCUTS, type ShortcutId } from './shortcuts';
import { SearchHighlight } from './search-highlight';

/** A GFM column alignment, kept on each cell so `| :---: |` survives a round trip. */
const alignAttribute = {
  align: {
    default: null,
    parseHTML: (el: HTMLElement) => el.style.textAlign || null,
    renderHTML: (attrs: Record<string, unknown>) => (attrs.align ? { style: `text-align: ${String(attrs.align)}` } : {}),
  },
};

const Cell = TableCell.extend({
  content: 'paragraph',
  addAttributes() {
    return { ...this.parent?.(), ...alignAttribute };
  },
});

const HeaderCell = TableHeader.extend({
  content: 'paragraph',
  addAttributes() {
    return { ...this.parent?.(), ...alignAttribute };
  },
});

/**
 * "1. " at the start of a line begins a numbered list; "2. juni" or "23. juni" stays text. Danish minutes
 * often open a paragraph with a date, and Tiptap's own rule would turn any "<number>. " into a list.
 */
const NumberedList = OrderedList.extend({
  addInputRules() {
    return [wrappingInputRule({ find: /^\s*1\.\s$/, type: this.type, getAttributes: () => ({ start: 1 }), joinPredicate: () => false })];
  },
});

/** The commands behind the toolbar and the extra shortcuts; each returns whether it did anything. */
export function runCommand(editor: Editor, id: Exclude<ShortcutId, 'link'>): boolean {
  const chain = editor.chain().focus();
  switch (id) {
    case 'bold':
      return chain.toggleBold().run();
    case 'italic':
      return chain.toggleItalic().run();
    case 'bulletList':
      return chain.toggleBulletList().run();
    case 'orderedList':
      return chain.toggleOrderedList().run();
    case 'indent':
      return chain.sinkListItem('listItem').run();
    case 'outdent':
      return chain.liftListItem('listItem').run();
    case 'insertTable':
      return chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
    case 'addRow':
      return chain.addRowAfter().run();
    case 'addColumn':
      return chain.addColumnAfter().run();
    case 'deleteRow':
      return chain.deleteRow().run();
    case 'deleteColumn':
      return chain.deleteColumn().run();
    case 'deleteTable':
      return chain.deleteTable().run();
    case 'undo':
      return chain.undo().run();
    case 'redo':
      return chain.redo().run();
  }
}

/** Whether a command could run now (for enabling toolbar buttons). */
export function canRun(editor: Editor, id: ShortcutId): boolean {
  const can = editor.can();
  switch (id) {
    case 'indent':
      return can.sinkListItem('listItem');
    case 'outdent':
      return can.liftListItem('listItem');
    case 'insertTable':
      return !editor.isActive('table') && can.insertTable({ rows: 3, cols: 3, withHeaderRow: true });
    case 'addRow':
      return can.addRowAfter();
    case 'addColumn':
      return can.addColumnAfter();
    case 'deleteRow':
      return can.deleteRow();
    case 'deleteColumn':
      return can.deleteColumn();
    case 'deleteTable':
      return can.deleteTable();
    case 'undo':
      return can.undo();
    case 'redo':
      return can.redo();
    default:
      return editor.isEditable;
  }
}

type BehaviourOptions = {
  /** Opens the link dialog (the component owns it). */
  onLinkShortcut: () => void;
  /** Receives what a paste had to simplify. */
  onPasteNotices: (notices: PasteNotice[]) => void;
};

/** Shortcuts StarterKit does not bind, and paste cleaning for HTML from Word and elsewhere. */
const Behaviour = Extension.create<BehaviourOptions>({
  name: 'referentBehaviour',
  // Below the default (100), so its keymap runs after the editor's own: it only sees presses nobody handled.
  priority: 50,
  addOptions() {
    return { onLinkShortcut: () => {}, onPasteNotices: () => {} };
  },
  addKeyboardShortcuts() {
    const bindings: Record<string, () => boolean> = {};
    const extra: Exclude<ShortcutId, 'link' | 'bold' | 'italic' | 'bulletList' | 'orderedList' | 'undo' | 'redo'>[] = [
      'indent',
      'outdent',
      'insertTable',
      'addRow',
      'addColumn',
      'deleteRow',
      'deleteColumn',
      'deleteTable',
    ];
    for (const id of extra) {
      // Tab and Shift-Tab are already bound by the list item (and the table, to move between cells).
      for (const key of SHORTCUTS[id].filter((k) => !k.includes('Tab'))) bindings[key] = () => runCommand(this.editor, id);
    }
    // With nothing left to undo, Tiptap leaves the key to the browser, whose own undo would edit the page behind
    // ProseMirror's back; with this extension's low priority these bindings only see presses the history declined.
    for (const key of [...SHORTCUTS.undo, ...SHORTCUTS.redo]) bindings[key] = () => true;
    for (const key of SHORTCUTS.link) {
      bindings[key] = () => {
        if (!this.editor.isEditable) return false;
        this.options.onLinkShortcut();
        return true;
      };
    }
    return bindings;
  },
  addProseMirrorPlugins() {
    const options = this.options;
    let escaped = false;
    return [
      new Plugin({
        key: new PluginKey('referentPaste'),
        props: {
          handleDOMEvents: {
            // Tab indents in lists and moves between table cells; after Escape it leaves the editor instead
            // (returning true without preventDefault skips the editor's keymaps and keeps the browser's focus move).
            keydown(_view, event) {
              if (event.key === 'Escape') {
                escaped = true;
                return false;
              }
              const leave = escaped && event.key === 'Tab';
              escaped = false;
              return leave;
            },
            // Before ProseMirror's own paste: Word's HTML is parsed once, by us, and never reaches the schema raw.
            paste(view, event) {
              const html = event.clipboardData?.getData('text/html');
              // Content copied inside the editor carries ProseMirror's own slice marker; it is already clean.
              if (!view.editable || !html || html.includes('data-pm-slice')) return false;
              const { doc, notices } = cleanPastedHtml(html);
              const slice = pastedSlice(view.state, doc, notices);
              if (!slice) return false;
              event.preventDefault();
              // No 'paste' uiEvent: Tiptap's paste rules would turn literal asterisks in the text into emphasis.
              view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView());
              if (notices.length > 0) options.onPasteNotices(notices);
              return true;
            },
          },
        },
      }),
    ];
  },
});

export function editorExtensions(options: BehaviourOptions): Extensions {
  return [
    StarterKit.configure({
      underline: false,
      link: false,
      orderedList: false,
      heading: { levels: [1, 2, 3, 4, 5, 6] },
    }),
    NumberedList,
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow' },
    }),
    Table.configure({ resizable: false, allowTableNodeSelection: false }),
    TableRow,
    HeaderCell,
    Cell,
    Behaviour.configure(options),
    SearchHighlight,
  ];
}
