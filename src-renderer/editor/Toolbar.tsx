// The editor's formatting toolbar: one tab stop, arrow keys between buttons (react-aria Toolbar),
// each button named, with its shortcut announced (aria-keyshortcuts) and shown in a tooltip.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Separator, ToggleButton, Toolbar as AriaToolbar, Tooltip, TooltipTrigger } from 'react-aria-components';
import { canRun, runCommand } from './extensions';
import { ICONS } from './icons';
import { ariaShortcut, displayShortcut, type ShortcutId } from './shortcuts';

type Props = { editor: Editor; label: string; onLink: () => void };

const TOGGLES = ['bold', 'italic', 'bulletList', 'orderedList', 'link'] as const;
type ToggleId = (typeof TOGGLES)[number];
const ACTIONS = ['indent', 'outdent', 'insertTable', 'addRow', 'addColumn', 'deleteRow', 'deleteColumn', 'deleteTable', 'undo', 'redo'] as const;

/** react-aria passes only the ARIA props it knows to the DOM, and aria-keyshortcuts is not one of them. */
function keyShortcuts(value: string) {
  return (element: HTMLButtonElement | null) => element?.setAttribute('aria-keyshortcuts', value);
}

function active(editor: Editor, id: ToggleId): boolean {
  return editor.isActive(id);
}

/**
 * Memoised: the editor around it re-renders whenever its text is handed over (and the item with
 * it), while the toolbar's own state (useEditorState below) changes only with the selection's marks
 * and what can be undone; its twenty buttons with tooltips were most of a keystroke's render.
 */
export const Toolbar = memo(function Toolbar({ editor, label, onLink }: Props) {
  const { t } = useTranslation('editor');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      active: Object.fromEntries(TOGGLES.map((id) => [id, active(e, id)])) as Record<ToggleId, boolean>,
      enabled: Object.fromEntries(ACTIONS.map((id) => [id, canRun(e, id)])) as Record<(typeof ACTIONS)[number], boolean>,
    }),
  });

  const tip = (id: ShortcutId, node: ReactNode) => (
    <TooltipTrigger delay={700} closeDelay={0}>
      {node}
      <Tooltip className="rte-tooltip" placement="bottom" offset={6}>
        {t('toolbar.withShortcut', { name: t(`toolbar.${id}`), shortcut: displayShortcut(id) })}
      </Tooltip>
    </TooltipTrigger>
  );

  const toggle = (id: ToggleId) =>
    tip(
      id,
      <ToggleButton
        className="rte-button"
        aria-label={t(`toolbar.${id}`)}
        ref={keyShortcuts(ariaShortcut(id))}
        isSelected={state.active[id]}
        isDisabled={!state.editable}
        preventFocusOnPress
        onChange={() => (id === 'link' ? onLink() : runCommand(editor, id))}
      >
        {ICONS[id]}
      </ToggleButton>,
    );

  const action = (id: (typeof ACTIONS)[number]) =>
    tip(
      id,
      <Button
        className="rte-button"
        aria-label={t(`toolbar.${id}`)}
        ref={keyShortcuts(ariaShortcut(id))}
        isDisabled={!state.editable || !state.enabled[id]}
        preventFocusOnPress
        onPress={() => runCommand(editor, id)}
      >
        {ICONS[id]}
      </Button>,
    );

  return (
    <AriaToolbar className="rte-toolbar" aria-label={t('toolbar.label', { label })}>
      <Group className="rte-group">
        {toggle('bold')}
        {toggle('italic')}
      </Group>
      <Separator orientation="vertical" className="rte-separator" />
      <Group className="rte-group">
        {toggle('bulletList')}
        {toggle('orderedList')}
        {action('outdent')}
        {action('indent')}
      </Group>
      <Separator orientation="vertical" className="rte-separator" />
      <Group className="rte-group">
        {action('insertTable')}
        {action('addRow')}
        {action('addColumn')}
        {action('deleteRow')}
        {action('deleteColumn')}
        {action('deleteTable')}
      </Group>
      <Separator orientation="vertical" className="rte-separator" />
      <Group className="rte-group">{toggle('link')}</Group>
      <Separator orientation="vertical" className="rte-separator" />
      <Group className="rte-group">
        {action('undo')}
        {action('redo')}
      </Group>
    </AriaToolbar>
  );
});
