// "Åbn" on an attachment in the desktop app: a copy of the stored file, under its own name, in a
// temp folder of this run, handed to the system so the PDF viewer or Word opens it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenAttachmentResult } from '../../../src-shared/api/agenda';
import type { FileOpener } from '../context';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { writeFileAtomic } from '../util/write-file';
import { fileRefusal } from '../files/attachment-policy';
import { loadAttachment } from './attachments.service';
import type { FileStore } from '../files/file-store';

// Windows refuses these names whatever the extension, so "CON.pdf" would not open there.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 150;

/**
 * A name every file system takes, keeping the extension (the OS picks the program by it): no
 * folders, no characters Windows forbids, no trailing dots or spaces, not too long.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').trim();
  // A leading '_' so that '.pdf' counts as an extension, not as a hidden file's name.
  let ext = path.extname(`_${clean}`);
  if (ext.length > 20) ext = '';
  let stem = clean.slice(0, clean.length - ext.length).replace(/^\.+/, '');
  if (stem === '' || RESERVED.test(stem)) stem = `_${stem}`;
  if (stem.length + ext.length > MAX_NAME) stem = stem.slice(0, MAX_NAME - ext.length).trimEnd();
  return stem + ext;
}

let runDir: string | null = null;

/** One folder per run of the app, made on first use; the OS clears its temp folder in time. */
function openedFilesDir(): string {
  if (runDir === null || !fs.existsSync(runDir)) runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-bilag-'));
  return runDir;
}

/**
 * Copies the file out and opens it. Each content gets its own subfolder (named by its hash, as in
 * the store), so two attachments both called "Bilag.pdf" never overwrite one another. A copy left
 * from before is written again only when it differs (edited in Word and saved): what opens is
 * always the stored file.
 */
export async function openAttachment(db: Db, files: FileStore, opener: FileOpener | undefined, attachmentId: string): Promise<OpenAttachmentResult> {
  // Without an opener the renderer downloads, and the download checks the file.
  if (!opener) return { opened: false };
  const stored = await loadAttachment(db, files, attachmentId);
  // Checked at every opening, not only when added: a file from an older version or another system gets no pass.
  const refused = fileRefusal(stored.fileName, stored.bytes);
  if (refused) {
    throw new AppError(
      'Forbidden',
      `The attachment "${stored.title}" is not opened: ${refused.en}. Download it if you must see it.`,
      `Bilaget "${stored.title}" åbnes ikke: ${refused.da}. Hent det, hvis du skal se det.`,
    );
  }
  const dir = path.join(openedFilesDir(), stored.sha256.slice(0, 16));
  const target = path.join(dir, safeFileName(stored.fileName));
  const bytes = stored.bytes;
  if (!fs.existsSync(target) || !fs.readFileSync(target).equals(bytes)) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      writeFileAtomic(target, bytes);
    } catch (e) {
      throw new AppError(
        'Conflict',
        `The copy of the attachment "${stored.title}" could not be written to ${target} (${(e as Error).message}); close it where it is open and try again.`,
        `Kopien af bilaget "${stored.title}" kunne ikke skrives til ${target} (${(e as Error).message}); luk den, hvor den er åben, og prøv igen.`,
      );
    }
  }
  await opener.openFile(target);
  return { opened: true };
}
