// The file the user picked in the shell's dialog, read where it is used (the core's worker, or the
// shell's client of a server), with one sentence when it cannot be read.
import fs from 'node:fs/promises';
import { AppError } from '../core/errors';

/** The bytes of the file the user picked, or one sentence saying why it cannot be read. */
export async function readPicked(filePath: string): Promise<Buffer> {
  try {
    return await fs.readFile(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const [en, da] =
      code === 'ENOENT' ? ['it no longer exists', 'den findes ikke længere'] : code === 'EACCES' || code === 'EPERM' ? ['you may not read it', 'du har ikke adgang til at læse den'] : code === 'EISDIR' ? ['it is a folder', 'det er en mappe'] : [(e as Error).message, (e as Error).message];
    throw new AppError('Invalid', `${filePath} cannot be read: ${en}.`, `${filePath} kan ikke læses: ${da}.`);
  }
}
