// The file the user picked in the shell's dialog, read where it is used (the core's worker, or the
// shell's client of a server), with one sentence when it cannot be read.
import fs from 'node:fs/promises';
import { AppError } from '../core/errors';

/** Why the picked file cannot be read, as one sentence. */
function unreadable(filePath: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  const [en, da] =
    code === 'ENOENT' ? ['it no longer exists', 'den findes ikke længere'] : code === 'EACCES' || code === 'EPERM' ? ['you may not read it', 'du har ikke adgang til at læse den'] : code === 'EISDIR' ? ['it is a folder', 'det er en mappe'] : [(e as Error).message, (e as Error).message];
  return new AppError('Invalid', `${filePath} cannot be read: ${en}.`, `${filePath} kan ikke læses: ${da}.`);
}

/** A size past which a picked file is refused, with the sentence that says so. */
export type PickedLimit = { bytes: number; refuse: (size: number) => AppError };

/** The picked file opened, with its size; a file gone, forbidden or a folder is its sentence. */
async function openPicked(filePath: string): Promise<{ handle: fs.FileHandle; size: number }> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(filePath, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return { handle, size: stat.size };
  } catch (e) {
    await handle?.close();
    throw unreadable(filePath, e);
  }
}

/**
 * The bytes of the file the user picked, or one sentence saying why it cannot be read. `limit`: a
 * file larger than its bytes is refused with its sentence before it is read.
 */
export async function readPicked(filePath: string, limit?: PickedLimit): Promise<Buffer> {
  const { handle, size } = await openPicked(filePath);
  try {
    if (limit && size > limit.bytes) throw limit.refuse(size);
    return await handle.readFile();
  } catch (e) {
    throw e instanceof AppError ? e : unreadable(filePath, e);
  } finally {
    await handle.close();
  }
}

/**
 * The file the user picked as a stream of chunks, for a document read a meeting at a time (an
 * archive longer than a JavaScript string may be), or one sentence saying why it cannot be read.
 * Opened here, so a file gone, forbidden or a folder is told before anything is imported.
 */
export async function streamPicked(filePath: string): Promise<AsyncIterable<Uint8Array>> {
  const { handle } = await openPicked(filePath);
  const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
  return (async function* chunks() {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (e) {
      throw unreadable(filePath, e);
    } finally {
      stream.destroy();
    }
  })();
}
