// Every file Referent writes (attachment blobs, exports, bundles, copies to open) appears whole or
// not at all, and survives a power cut once this returns: temp file beside the target, written and
// fsynced, renamed over the target, then the folder fsynced so the rename itself is on disk.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  const temp = openTemp(target);
  try {
    writeAll(temp.fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
  } catch (e) {
    temp.abandon();
    throw e;
  }
  temp.commit();
}

/** The same promise for output produced in pieces (a streamed export): `produce` calls `write` as often as it likes. */
export async function writeFileAtomicStream(target: string, produce: (write: (piece: Uint8Array | string) => void) => Promise<void>): Promise<void> {
  const temp = openTemp(target);
  try {
    await produce((piece) => writeAll(temp.fd, typeof piece === 'string' ? Buffer.from(piece) : piece));
  } catch (e) {
    temp.abandon();
    throw e;
  }
  temp.commit();
}

/** A temp file beside `target`: abandoned (closed, removed) on failure, or fsynced, renamed over the target and made durable. */
function openTemp(target: string): { fd: number; abandon: () => void; commit: () => void } {
  const tmp = tempBeside(target);
  const fd = fs.openSync(tmp, 'wx');
  const abandon = (): void => {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
  };
  const commit = (): void => {
    try {
      fs.fsyncSync(fd);
    } catch (e) {
      abandon();
      throw e;
    }
    fs.closeSync(fd);
    try {
      fs.renameSync(tmp, target);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    syncFolder(path.dirname(target));
  };
  return { fd, abandon, commit };
}

// writeSync may write less than asked (a full disk shows up here as an error, never as a short file).
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength; ) at += fs.writeSync(fd, bytes, at, bytes.byteLength - at);
}

// Unique per call: two writers of the same name (two imports of one blob) never share a temp file.
function tempBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Makes a rename or a new file in `dir` durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
