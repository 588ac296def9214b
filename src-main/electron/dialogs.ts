// Save, open and folder dialogs for exports, imports and the website folder. A file is only ever written at a path the user
// chose in the OS dialog (which asks before replacing a file), and appears whole or not at all.
import type { FileFilter, OpenDialogOptions, SaveDialogOptions } from 'electron';

/** dialog.showSaveDialog / showOpenDialog bound to the window, injected so this file stays testable. */
export type ShowSaveDialog = (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;

export function saveDialogOptions(input: { title: string; defaultPath: string; filters: FileFilter[] }): SaveDialogOptions {
  return {
    title: input.title,
    defaultPath: input.defaultPath,
    filters: input.filters,
    // macOS and Windows always ask before replacing; GTK only with this.
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

/** The folder dialog: one folder, which the user may create there and then. */
export function folderDialogOptions(input: { title: string; defaultPath?: string | undefined }): OpenDialogOptions {
  return { title: input.title, ...(input.defaultPath ? { defaultPath: input.defaultPath } : {}), properties: ['openDirectory', 'createDirectory'] };
}

/** Asks for a folder. Null when the user cancelled. */
export async function chooseFolderWithDialog(showOpen: ShowOpenDialog, input: { title: string; defaultPath?: string | undefined }): Promise<string | null> {
  const choice = await showOpen(folderDialogOptions(input));
  const folder = choice.filePaths[0];
  return choice.canceled || !folder ? null : folder;
}

export function openDialogOptions(input: { title: string; filters: FileFilter[] }): OpenDialogOptions {
  return { title: input.title, filters: input.filters, properties: ['openFile'] };
}

/** Asks where to save: the path (the core writes there, off this thread). Null when the user cancelled. */
export async function pickSavePath(showSave: ShowSaveDialog, options: SaveDialogOptions): Promise<string | null> {
  const choice = await showSave(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

/** Asks for one file: its path (the core reads it, off this thread). Null when the user cancelled. */
export async function pickPath(showOpen: ShowOpenDialog, options: OpenDialogOptions): Promise<string | null> {
  const choice = await showOpen(options);
  const filePath = choice.filePaths[0];
  return choice.canceled || !filePath ? null : filePath;
}
