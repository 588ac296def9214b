// The editor's keyboard shortcuts, in one table: ProseMirror key names, and how to show and announce them.

export type ShortcutId =
  | 'bold'
  | 'italic'
  | 'bulletList'
  | 'orderedList'
  | 'indent'
  | 'outdent'
  | 'insertTable'
  | 'addRow'
  | 'addColumn'
  | 'deleteRow'
  | 'deleteColumn'
  | 'deleteTable'
  | 'link'
  | 'undo'
  | 'redo';

/** ProseMirror key names ("Mod" is Cmd on macOS, Ctrl elsewhere). The first is the one shown. */
export const SHORTCUTS: Record<ShortcutId, readonly string[]> = {
  bold: ['Mod-b'],
  italic: ['Mod-i'],
  bulletList: ['Mod-Shift-8'],
  orderedList: ['Mod-Shift-7'],
  indent: ['Tab', 'Mod-]'],
  outdent: ['Shift-Tab', 'Mod-['],
  // Ctrl+Alt+letter: none of these letters is an AltGr character on Danish or English layouts.
  insertTable: ['Mod-Alt-t'],
  addRow: ['Mod-Alt-r'],
  addColumn: ['Mod-Alt-k'],
  deleteRow: ['Mod-Alt-Shift-r'],
  deleteColumn: ['Mod-Alt-Shift-k'],
  deleteTable: ['Mod-Alt-Shift-t'],
  link: ['Mod-k'],
  undo: ['Mod-z'],
  redo: ['Mod-Shift-z', 'Mod-y'],
};

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

function parts(key: string, names: { mod: string; alt: string; shift: string }): string[] {
  return key.split('-').map((p, i, all) => {
    if (i === all.length - 1) return p.length === 1 ? p.toUpperCase() : p;
    if (p === 'Mod') return names.mod;
    if (p === 'Alt') return names.alt;
    if (p === 'Shift') return names.shift;
    return p;
  });
}

/** As shown in a tooltip: "Ctrl+Shift+8" or "⌘⇧8". */
export function displayShortcut(id: ShortcutId, mac = isMac()): string {
  const key = SHORTCUTS[id][0] ?? '';
  const p = parts(key, mac ? { mod: '⌘', alt: '⌥', shift: '⇧' } : { mod: 'Ctrl', alt: 'Alt', shift: 'Shift' });
  return mac ? p.join('') : p.join('+');
}

/** As announced to assistive technology (aria-keyshortcuts): "Control+Shift+8 Meta+Shift+8". */
export function ariaShortcut(id: ShortcutId, mac = isMac()): string {
  return SHORTCUTS[id]
    .map((key) => parts(key, { mod: mac ? 'Meta' : 'Control', alt: 'Alt', shift: 'Shift' }).join('+'))
    .join(' ');
}
