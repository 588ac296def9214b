// The WYSIWYG editor for an item's sections: the secretary sees formatted text, the caller gets Markdown.
// Emits only real changes (equal content is always the same string), so the caller never saves spuriously.
import { EditorContent, useEditor, useEditorState, type Editor, type UseEditorOptions } from '@tiptap/react';
import type { TFunction } from 'i18next';
import { useContext, useEffect, useId, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { editorExtensions } from './extensions';
import { LinkDialog } from './LinkDialog';
import { docToMarkdown, markdownToDoc, normalizeMarkdown } from './markdown';
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
};

/** How many of its own recent outputs the editor recognises when the caller echoes them back as `value`. */
const ECHO_MEMORY = 50;

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

export function RichTextEditor(props: RichTextEditorProps): JSX.Element {
  const { label, value, onChange, onNotice, readOnly = false, id, labelHidden = false, placeholder } = props;
  const { t } = useTranslation('editor');
  const generated = useId();
  const editorId = id ?? `rte${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const labelId = `${editorId}-label`;
  const hintId = `${editorId}-hint`;
  const [linkOpen, setLinkOpen] = useState(false);
  const [inlineNotice, setInlineNotice] = useState<string | null>(null);

  // Callbacks live in refs: the editor is created once and must always call the latest ones.
  const latest = useRef({ onChange, onNotice, t });
  useLayoutEffect(() => {
    latest.current = { onChange, onNotice, t };
  });
  /** The Markdown the editor's content stands for right now, and what it emitted lately. */
  const known = useRef<string | null>(null);
  const emitted = useRef<string[]>([]);
  known.current ??= normalizeMarkdown(value);

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
    onUpdate: ({ editor: e }) => {
      const markdown = docToMarkdown(e.getJSON());
      if (markdown === known.current) return;
      known.current = markdown;
      emitted.current = [...emitted.current.slice(-(ECHO_MEMORY - 1)), markdown];
      latest.current.onChange(markdown);
    },
  }));
  const editor = useEditor(options, []);

  // A new value from outside (another item, a reload) replaces the content; an echo of what the editor
  // itself emitted (the caller's saved copy, possibly older than what has been typed since) never does.
  useEffect(() => {
    if (value === known.current || emitted.current.includes(value)) return;
    // Also an echo the caller reshaped on the way (trimmed, re-joined) is recognised by its normalized form.
    const normalized = normalizeMarkdown(value);
    if (normalized === known.current || emitted.current.includes(normalized)) return;
    editor.chain().setMeta('addToHistory', false).setContent(markdownToDoc(value), { emitUpdate: false }).run();
    forgetHistory(editor);
    known.current = normalized;
    emitted.current = [];
  }, [editor, value]);

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
        {!readOnly && <Toolbar editor={editor} label={label} onLink={() => setLinkOpen(true)} />}
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
}
