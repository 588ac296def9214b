// The publication package: the public PDF and the open attachments of the open items, named for
// the municipality's website, into a folder or a .zip. Nothing of a closed item goes in.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { readBlob } from '../files/file-store';
import type { Db } from '../store/database';
import type { DocumentKind } from './build-referat';
import { exportLoaded, KIND_NAME, loadReferat, meetingFilePrefix, safeFileName } from './documents.service';
import type { PdfPrinter } from './pdf';
import { writeFileAtomic } from '../util/write-file';

export type PublicationEntry = { name: string; bytes: Uint8Array };
export type PublicationPackage = { baseName: string; entries: PublicationEntry[]; missing: string[] };

export async function buildPublication(db: Db, filesDir: string, printer: PdfPrinter | null, meetingId: string, kind: DocumentKind = 'minutes'): Promise<PublicationPackage> {
  const req = { meetingId, kind, public: true, format: 'pdf' } as const;
  const loaded = await loadReferat(db, req);
  const { input } = loaded;
  const prefix = meetingFilePrefix(input);
  // The attachments first: a missing or altered file stops the package before the PDF is printed,
  // and the website never gets wrong bytes.
  const attachments: PublicationEntry[] = [];
  const missing: string[] = [];
  input.meeting.items.forEach((item, index) => {
    if (item.access === 'closed') return;
    const number = item.number ?? index + 1;
    const open = (item.attachments ?? []).filter((a) => a.access !== 'closed');
    open.forEach((a, i) => {
      const ext = extensionOf(a.file) ?? extensionOf(a.title);
      const title = ext && a.title.toLowerCase().endsWith(`.${ext}`) ? a.title.slice(0, -(ext.length + 1)) : a.title;
      const name = safeFileName(`${prefix} Punkt ${number} Bilag ${i + 1} - ${title}${ext ? `.${ext}` : ''}`);
      if (a.sha256) attachments.push({ name, bytes: new Uint8Array(readBlob(filesDir, a.sha256, { title: a.title, item: item.title, committee: input.committee.name, start: input.meeting.start })) });
      else missing.push(`Punkt ${number}: ${a.title}`);
    });
  });
  const pdf = await exportLoaded(db, printer, loaded, req);
  return { baseName: safeFileName(`${prefix} ${KIND_NAME[kind]} - publicering`), entries: [{ name: pdf.fileName, bytes: pdf.bytes }, ...attachments], missing };
}

function extensionOf(name: string | undefined): string | null {
  const m = name ? /\.([A-Za-z0-9]{1,5})$/.exec(name.trim()) : null;
  return m ? m[1]!.toLowerCase() : null;
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

