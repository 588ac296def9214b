// The desktop shell's FileOpener (ctx.opener): the system opens the file in the program
// registered for its type, as a double-click in the file manager would.
import { shell } from 'electron';
import type { FileOpener } from '../core/context';
import { AppError } from '../core/errors';

/** shell.openPath's contract: resolves to '' on success and to the system's message on failure. */
export type OpenPath = (path: string) => Promise<string>;

/** Turns openPath's error string into a refusal the secretary can read. */
export function fileOpener(openPath: OpenPath): FileOpener {
  return {
    async openFile(path) {
      const failure = await openPath(path);
      if (failure !== '') {
        throw new AppError('Internal', `The system could not open ${path}: ${failure}`, `Systemet kunne ikke åbne ${path}: ${failure}`);
      }
    },
  };
}

export const createElectronOpener = (): FileOpener => fileOpener((path) => shell.openPath(path));
