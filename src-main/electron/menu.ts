// The app menu, in Danish, as a pure template (Menu.buildFromTemplate takes it in main.ts).
// Roles give each item its standard behaviour and shortcut; the labels are ours.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuActions = {
  importExchange: () => void;
  exportJson: () => void;
  about: () => void;
};

export type MenuInput = { platform: NodeJS.Platform; dev: boolean; actions: MenuActions };

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate({ platform, dev, actions }: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'Om Referent', click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Referent',
    submenu: [
      about,
      separator,
      { role: 'services', label: 'Tjenester' },
      separator,
      { role: 'hide', label: 'Skjul Referent' },
      { role: 'hideOthers', label: 'Skjul andre' },
      { role: 'unhide', label: 'Vis alle' },
      separator,
      { role: 'quit', label: 'Afslut Referent' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: 'Filer',
    submenu: [
      { label: 'Importér…', accelerator: 'CmdOrCtrl+O', click: () => actions.importExchange() },
      { label: 'Eksportér JSON…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportJson() },
      // On macOS quitting lives in the app menu (Cmd+Q), as users there expect.
      ...(mac ? [] : [separator, { role: 'quit', label: 'Afslut' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Rediger',
    submenu: [
      { role: 'undo', label: 'Fortryd' },
      { role: 'redo', label: 'Gentag' },
      separator,
      { role: 'cut', label: 'Klip' },
      { role: 'copy', label: 'Kopiér' },
      { role: 'paste', label: 'Sæt ind' },
      separator,
      { role: 'selectAll', label: 'Markér alt' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'Vis',
    submenu: [
      // A reload throws away unsaved editor state, so only developers get it.
      ...(dev ? [{ role: 'reload', label: 'Genindlæs' } as MenuItemConstructorOptions, { role: 'toggleDevTools', label: 'Udviklerværktøjer' } as MenuItemConstructorOptions, separator] : []),
      { role: 'resetZoom', label: 'Faktisk størrelse' },
      { role: 'zoomIn', label: 'Zoom ind' },
      { role: 'zoomOut', label: 'Zoom ud' },
      separator,
      { role: 'togglefullscreen', label: 'Fuld skærm' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: 'Vindue',
    submenu: [{ role: 'minimize', label: 'Minimér' }, { role: 'zoom', label: 'Zoom' }, separator, { role: 'front', label: 'Anbring alle forrest' }],
  };

  const help: MenuItemConstructorOptions = { role: 'help', label: 'Hjælp', submenu: [about] };

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [windowMenu] : []), help];
}
