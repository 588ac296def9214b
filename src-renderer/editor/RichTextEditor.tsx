// The WYSIWYG editor for an item's sections: the secretary sees formatted text, the caller gets Markdown.
// Emits only real changes (equal content is always the same string), so the caller never saves spuriously.
import { EditorContent, useEditor, useEditorState, type Editor, type UseEditorOptions } from '@tiptap/react';
import type { TFunction } from 'i18next';
import { memo, useCallback, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { editorExtensions } from './extensions';
import { LinkDialog } from './LinkDialog';
import { docToMarkdown, markdownToDoc } from './markdown';
import { docNodeToMarkdown } from './markdown-incremental';
import { handedOver, holdBack } from './pending-edits';
import type { PasteNotice } from './paste-word';
import { Toolbar } from './Toolbar';
import { SearchTermsContext } from './search-terms';
import { setSearchTerms } from './search-highlight';
import './editor.css';

export type RichTextEditorProps = {
  /** Accessible name, e.g. "Sagsresume". */
  label: string;
  /** Markdown (CommonMark + GFM tables), as stored. */
  value: string;
  /** Called with the new Markdown on every change (the caller debounces and saves). */
  onChange: (markdown: string) => void;
  /** Tells the secretary what paste had to simplify (merged cells, lists in cells, images ...), in the UI language. */
  onNotice?: (message: string) => void;
  readOnly?: boolean;
  id?: string;
  /** Keep the label for assistive technology only (when a heading next to the editor already shows it). */
  labelHidden?: boolean;
  /** Shown in an empty editor. */
  placeholder?: string;
  /** How long typing may pause before `onChange` hears of it (0: at once, as the unit tests want). */
  emitDelayMs?: number;
};

/** How many of its own recent outputs the editor recognises when the caller echoes them back as `value`. */
const ECHO_MEMORY = 50;
/** A pause in typing after which the caller gets the text (blur, closing and flushEditors do it at once). */
const EMIT_DELAY_MS = 250;

/**
 * Starts a fresh undo history, so Undo cannot step back into the previous text: the history plugin is taken
 * out of the state and put back, which re-initialises its state (prosemirror-history has no reset command).
 * Found by its state's shape, since prosemirror-history does not export its plugin key.
 */
function forgetHistory(editor: Editor): void {
  const { state } = editor.view;
  const history = state.plugins.find((plugin) => {
    const s: unknown = plugin.getState(state);
    return typeof s === 'object' && s !== null && 'done' in s && 'undone' in s;
  });
  if (!history) return;
  editor.view.updateState(state.reconfigure({ plugins: state.plugins.filter((p) => p !== history) }));
  editor.view.updateState(editor.view.state.reconfigure({ plugins: state.plugins }));
  // An empty transaction tells the toolbar (which listens to transactions) that Undo is no longer possible.
  editor.view.dispatch(editor.view.state.tr.setMeta('addToHistory', false));
}

/** One sentence (or two) telling what a paste had to simplify. */
function pasteNoticeMessage(t: TFunction<'editor'>, notices: readonly PasteNotice[]): string {
  const table = notices.filter((n) => n !== 'images').map((n) => t(`notice.${n}`));
  const parts = [table.length > 0 ? `${t('notice.pasted')} ${table.join('; ')}.` : t('notice.pastedImages')];
  if (notices.includes('images')) parts.push(t('notice.images'));
  return parts.join(' ');
}

/**
 * Memoised: in an item with several sections, handing over one section's text re-renders the item,
 * and the other sections' editors (same text, the same callbacks when the caller keeps them) skip it.
 */
export const RichTextEditor = memo(function RichTextEditor(props: RichTextEditorProps): JSX.Element {
  const { label, value, onChange, onNotice, readOnly = false, id, labelHidden = false, placeholder, emitDelayMs = EMIT_DELAY_MS } = props;
  const { t } = useTranslation('editor');
  const generated = useId();
  const editorId = id ?? `rte${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const labelId = `${editorId}-label`;
  const hintId = `${editorId}-hint`;
  const [linkOpen, setLinkOpen] = useState(false);
  const openLink = useCallback(() => setLinkOpen(true), []);
  const [inlineNotice, setInlineNotice] = useState<string | null>(null);

  // Callbacks live in refs: the editor is created once and must always call the latest ones.
  const latest = useRef({ onChange, onNotice, t, emitDelayMs });
  useLayoutEffect(() => {
    latest.current = { onChange, onNotice, t, emitDelayMs };
  });
  /** The Markdown the editor's content stands for right now, and what it emitted lately. */
  const known = useRef<string | null>(null);
  const emitted = useRef<string[]>([]);
  /** The value the content was loaded from, as given (it need not be in the house style), until the first edit. */
  const loaded = useRef<string | null>(value);

  const editorRef = useRef<Editor | null>(null);
  // Typing is handed to the caller after a pause (pending-edits.ts): serialised block by block, so a
  // keystroke in a long text costs only its paragraph, and the caller re-renders once per pause.
  const [emitter] = useState(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
      handedOver(flush);
      const e = editorRef.current;
      if (!e) return;
      const markdown = docNodeToMarkdown(e.state.doc);
      if (markdown === known.current) return;
      known.current = markdown;
      loaded.current = null;
      emitted.current = [...emitted.current.slice(-(ECHO_MEMORY - 1)), markdown];
      latest.current.onChange(markdown);
    };
    const schedule = (): void => {
      if (latest.current.emitDelayMs <= 0) return flush();
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, latest.current.emitDelayMs);
      holdBack(flush);
    };
    return { flush, schedule };
  });

  // Built once: Tiptap compares the options on every render and would re-apply changed ones (and parse
  // `content` again on each keystroke); later changes arrive through the effects below instead.
  const [options] = useState<UseEditorOptions>(() => ({
    extensions: editorExtensions({
      onLinkShortcut: () => setLinkOpen(true),
      onPasteNotices: (notices) => {
        const message = pasteNoticeMessage(latest.current.t, notices);
        if (latest.current.onNotice) latest.current.onNotice(message);
        else setInlineNotice(message);
      },
    }),
    content: markdownToDoc(value),
    editable: !readOnly,
    editorProps: {
      attributes: {
        id: editorId,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': hintId,
        class: 'rte-content',
        spellcheck: 'true',
        lang: document.documentElement.lang || 'da',
        ...(placeholder ? { 'data-placeholder': placeholder } : {}),
      },
    },
    onUpdate: () => emitter.schedule(),
    onBlur: () => emitter.flush(),
  }));
  const editor = useEditor(options, []);
  editorRef.current = editor;
  // Closing the editor (another item, another screen) hands over what it still holds.
  useEffect(() => () => emitter.flush(), [emitter]);
  // What the loaded text stands for, from the one parse above (which also primes the per-block cache).
  known.current ??= docNodeToMarkdown(editor.state.doc);

  // A new value from outside (another item, a reload) replaces the content; an echo of what the editor
  // itself emitted (the caller's saved copy, possibly older than what has been typed since) never does.
  useEffect(() => {
    if (value === loaded.current || value === known.current || emitted.current.includes(value)) return;
    // Text typed just now reaches the caller before a value from outside replaces it.
    emitter.flush();
    if (value === known.current || emitted.current.includes(value)) return;
    // Also an echo the caller reshaped on the way (trimmed, re-joined) is recognised by its normalized form.
    const doc = markdownToDoc(value);
    const normalized = docToMarkdown(doc);
    if (normalized === known.current || emitted.current.includes(normalized)) return;
    editor.chain().setMeta('addToHistory', false).setContent(doc, { emitUpdate: false }).run();
    forgetHistory(editor);
    loaded.current = value;
    known.current = normalized;
    emitted.current = [];
  }, [editor, emitter, value]);

  useEffect(() => {
    editor.setEditable(!readOnly, false);
    editor.view.dom.setAttribute('aria-readonly', String(readOnly));
  }, [editor, readOnly]);

  // The words a search found here are marked (decorations only: nothing is stored or undone).
  const terms = useContext(SearchTermsContext);
  useEffect(() => {
    editor.view.dispatch(editor.view.state.tr.setMeta(...setSearchTerms(terms)).setMeta('addToHistory', false));
  }, [editor, terms]);

  const empty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });

  return (
    <div className={`rte${readOnly ? ' rte-readonly' : ''}${empty ? ' rte-empty' : ''}`}>
      <div id={labelId} className={labelHidden ? 'rte-visually-hidden' : 'rte-label'} onClick={() => editor.commands.focus()}>
        {label}
      </div>
      <div id={hintId} className="rte-visually-hidden">
        {t('keyboardHint')}
      </div>
      <div className="rte-frame">
        {!readOnly && <Toolbar editor={editor} label={label} onLink={openLink} />}
        <EditorContent editor={editor} className="rte-body" />
      </div>
      {inlineNotice && (
        <div className="rte-notice" role="status">
          <span>{inlineNotice}</span>
          <Button className="rte-notice-close" aria-label={t('notice.dismiss')} onPress={() => setInlineNotice(null)}>
            ×
          </Button>
        </div>
      )}
      <LinkDialog editor={editor} isOpen={linkOpen} onClose={() => setLinkOpen(false)} />
    </div>
  );
});
