// What only the desktop shell offers the page beside the core's operations: the system's folder
// dialog (src-shared/api/shell.ts). The browser version has none, so this is null there and the
// screens hide the button that would open it.
import type { ChooseFolderInput } from '../../src-shared/api/shell';
import { unwrap } from './transport';

export type ChooseFolder = (input: ChooseFolderInput) => Promise<string | null>;

export function folderDialog(): ChooseFolder | null {
  const bridge = window.referent;
  if (!bridge || typeof bridge.chooseFolder !== 'function') return null;
  return async (input) => unwrap<string | null>(await bridge.chooseFolder(input));
}
