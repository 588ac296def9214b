// The Danish app menu: what the secretary reads in the menu bar on each system.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, test } from 'vitest';
import { menuTemplate, type MenuActions } from './menu';

const calls: string[] = [];
const actions: MenuActions = { importExchange: () => calls.push('import'), exportJson: () => calls.push('export'), about: () => calls.push('about') };

const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((i) => i.label ?? '');
const submenu = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  (items.find((i) => i.label === label)?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];
const entries = (items: MenuItemConstructorOptions[]): string[] => items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');

describe('menuTemplate on Windows and Linux', () => {
  const menu = menuTemplate({ platform: 'win32', dev: false, actions });

  test('Filer, Rediger, Vis, Hjælp', () => {
    expect(labels(menu)).toEqual(['Filer', 'Rediger', 'Vis', 'Hjælp']);
    expect(entries(submenu(menu, 'Filer'))).toEqual(['Importér…', 'Eksportér JSON…', 'Afslut']);
    expect(entries(submenu(menu, 'Rediger'))).toEqual(['Fortryd', 'Gentag', 'Klip', 'Kopiér', 'Sæt ind', 'Markér alt']);
    expect(entries(submenu(menu, 'Vis'))).toEqual(['Faktisk størrelse', 'Zoom ind', 'Zoom ud', 'Fuld skærm']);
    expect(entries(submenu(menu, 'Hjælp'))).toEqual(['Om Referent']);
  });

  test('the edit items keep their standard roles, so shortcuts and clipboard work', () => {
    expect(submenu(menu, 'Rediger').filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  test('the menu items run their actions', () => {
    calls.length = 0;
    const file = submenu(menu, 'Filer');
    for (const item of [...file, ...submenu(menu, 'Hjælp')]) (item.click as (() => void) | undefined)?.();
    expect(calls).toEqual(['import', 'export', 'about']);
  });

  test('reload and developer tools only in development', () => {
    expect(entries(submenu(menuTemplate({ platform: 'linux', dev: true, actions }), 'Vis')).slice(0, 2)).toEqual(['Genindlæs', 'Udviklerværktøjer']);
    expect(JSON.stringify(menu)).not.toMatch(/reload|toggleDevTools/);
  });
});

describe('menuTemplate on macOS', () => {
  const menu = menuTemplate({ platform: 'darwin', dev: false, actions });

  test('opens with the app menu, which holds Om and Afslut, and has a Vindue menu', () => {
    expect(labels(menu)).toEqual(['Referent', 'Filer', 'Rediger', 'Vis', 'Vindue', 'Hjælp']);
    expect(entries(submenu(menu, 'Referent'))).toEqual(['Om Referent', 'Tjenester', 'Skjul Referent', 'Skjul andre', 'Vis alle', 'Afslut Referent']);
    expect(entries(submenu(menu, 'Filer'))).toEqual(['Importér…', 'Eksportér JSON…']);
  });
});
