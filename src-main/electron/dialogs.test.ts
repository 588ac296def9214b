// Saving through the OS dialog: written only where the user chose, whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../tests/helpers/store';
import { chooseFolderWithDialog, folderDialogOptions, openDialogOptions, pickPath, pickSavePath, saveDialogOptions } from './dialogs';

const filters = [{ name: 'JSON', extensions: ['json'] }];

describe('saveDialogOptions', () => {
  test('asks before replacing a file on every system (GTK needs the flag)', () => {
    const options = saveDialogOptions({ title: 'Eksportér JSON', defaultPath: 'referent.json', filters });
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(options).toMatchObject({ title: 'Eksportér JSON', defaultPath: 'referent.json', filters });
  });

  test('open picks one file', () => {
    expect(openDialogOptions({ title: 'Importér', filters }).properties).toEqual(['openFile']);
  });
});

test('pickSavePath gives the chosen place to save (the core writes there), or null when cancelled; nothing is written here', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'udvalg.json');
  expect(await pickSavePath(async () => ({ canceled: false, filePath: target }), saveDialogOptions({ title: 't', defaultPath: 'x.json', filters }))).toBe(target);
  expect(await pickSavePath(async () => ({ canceled: true, filePath: target }), {})).toBeNull();
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('pickPath gives the chosen file (the core reads it), or null when cancelled', async () => {
  const file = path.join(tempDir(), 'in.json');
  expect(await pickPath(async () => ({ canceled: false, filePaths: [file] }), {})).toBe(file);
  expect(await pickPath(async () => ({ canceled: true, filePaths: [] }), {})).toBeNull();
});

describe('chooseFolderWithDialog', () => {
  test('asks for one folder (which may be created there), opening where it was last', async () => {
    const asked: unknown[] = [];
    const folder = await chooseFolderWithDialog(async (options) => (asked.push(options), { canceled: false, filePaths: ['/srv/hjemmeside/tmu'] }), { title: 'Vælg mappe', defaultPath: '/srv/hjemmeside' });
    expect(folder).toBe('/srv/hjemmeside/tmu');
    expect(asked).toEqual([{ title: 'Vælg mappe', defaultPath: '/srv/hjemmeside', properties: ['openDirectory', 'createDirectory'] }]);
    expect(folderDialogOptions({ title: 'Vælg mappe' })).toEqual({ title: 'Vælg mappe', properties: ['openDirectory', 'createDirectory'] });
  });

  test('cancelled, or nothing chosen: null', async () => {
    expect(await chooseFolderWithDialog(async () => ({ canceled: true, filePaths: ['/srv'] }), { title: 't' })).toBeNull();
    expect(await chooseFolderWithDialog(async () => ({ canceled: false, filePaths: [] }), { title: 't' })).toBeNull();
  });
});
