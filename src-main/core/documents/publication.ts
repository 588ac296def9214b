// The publication package: the public PDF and the open attachments of the open items, named for
// the municipality's website, into a folder or a .zip. Nothing of a closed item goes in.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { checkAttachmentName } from '../../../src-shared/attachment-types';
import { fileRefusal } from '../files/attachment-policy';
import { readBlob, type FileStore } from '../files/file-store';
import type { Db } from '../store/database';
import type { DocumentKind } from './build-referat';
import { exportLoaded, KIND_NAME, loadReferat, meetingFilePrefix, safeFileName, type StoredReferatInput } from './documents.service';
import type { PdfPrinter } from './pdf';
import { writeFileAtomic } from '../util/write-file';

export type PublicationEntry = { name: string; bytes: Uint8Array };
export type PublicationPackage = {
  baseName: string;
  entries: PublicationEntry[];
  /** Open attachments without a stored file ("Punkt 3: title"). */
  missing: string[];
  /** Open attachments left out because their file is not a document type (or its bytes do not fit its name). */
  refused: string[];
};

export async function buildPublication(db: Db, files: FileStore, printer: PdfPrinter | null, meetingId: string, kind: DocumentKind = 'minutes'): Promise<PublicationPackage> {
  const req = { meetingId, kind, public: true, format: 'pdf' } as const;
  const loaded = await loadReferat(db, req);
  const { input } = loaded;
  const prefix = meetingFilePrefix(input);
  // The attachments first: a missing or altered file stops the package before the PDF is printed,
  // and the website never gets wrong bytes.
  const { attachments, missing, refused } = await publicationAttachments(db, input, files);
  const pdf = await exportLoaded(db, printer, loaded, req);
  return { baseName: safeFileName(`${prefix} ${KIND_NAME[kind]} - publicering`), entries: [{ name: pdf.fileName, bytes: pdf.bytes }, ...attachments], missing, refused };
}

/** The open attachments of the open items, each checked against its hash and its type, named for the website. */
export async function publicationAttachments(db: Db, input: StoredReferatInput, files: FileStore): Promise<{ attachments: PublicationEntry[]; missing: string[]; refused: string[] }> {
  const prefix = meetingFilePrefix(input);
  const attachments: PublicationEntry[] = [];
  const missing: string[] = [];
  const refused: string[] = [];
  for (const [index, item] of input.meeting.items.entries()) {
    if (item.access === 'closed') continue;
    const number = item.number ?? index + 1;
    const open = (item.attachments ?? []).filter((a) => a.access !== 'closed');
    for (const [i, a] of open.entries()) {
      if (!a.sha256) {
        missing.push(`Punkt ${number}: ${a.title}`);
        continue;
      }
      const bytes = await readBlob(db, files, a.sha256, { title: a.title, item: item.title, committee: input.committee.name, start: input.meeting.start });
      // Only a document whose bytes fit its name goes on the website, and under that type's extension.
      const fileName = a.file ?? `${a.title}.pdf`;
      const why = fileRefusal(fileName, bytes);
      const verdict = checkAttachmentName(fileName);
      if (why || !verdict.ok) {
        refused.push(`Punkt ${number}: ${a.title}: ${why?.en ?? 'not a document'}`);
        continue;
      }
      const ext = verdict.ext;
      const title = a.title.toLowerCase().endsWith(`.${ext}`) ? a.title.slice(0, -(ext.length + 1)) : a.title;
      attachments.push({ name: safeFileName(`${prefix} Punkt ${number} Bilag ${i + 1} - ${title}.${ext}`), bytes: new Uint8Array(bytes) });
    }
  }
  return { attachments, missing, refused };
}

export function publicationZip(pkg: PublicationPackage): Uint8Array {
  const files: Zippable = {};
  for (const e of pkg.entries) files[e.name] = e.bytes;
  return zipSync(files);
}

/** Writes the package into `target`: a .zip file, or a folder (created; files written whole or not at all). */
export function writePublication(pkg: PublicationPackage, target: string): string[] {
  if (target.toLowerCase().endsWith('.zip')) {
    writeFileAtomic(target, publicationZip(pkg));
    return [target];
  }
  fs.mkdirSync(target, { recursive: true });
  return pkg.entries.map((e) => {
    const file = path.join(target, e.name);
    writeFileAtomic(file, e.bytes);
    return file;
  });
}

