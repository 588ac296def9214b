// Writes a built site into the website's folder: only files whose bytes changed are written
// (each whole, atomically), files the previous publication listed and this one does not are
// removed, and publication.json last, so a reader never sees a manifest ahead of its files.
// Files the previous publication.json did not list are never touched: the folder may hold others.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { sha256Hex } from '../util/canonical';
import { writeFileAtomic } from '../util/write-file';
import type { PublicationManifest, Site } from './site';

export const MANIFEST = 'publication.json';
export type WriteResult = { written: string[]; unchanged: string[]; removed: string[] };

/** The previous publication.json of the folder, or null when there is none. */
export function readManifest(dir: string): PublicationManifest | null {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) return null;
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as PublicationManifest;
    if (m.format !== 'referent-publication/1' || !Array.isArray(m.files)) throw new Error('format');
    return m;
  } catch {
    throw new AppError('Invalid', `${file} is not a publication.json Referent wrote; choose another folder or remove it.`, `${file} er ikke en publication.json fra Referent; vælg en anden mappe eller fjern filen.`);
  }
}

const manifestBytes = (m: PublicationManifest): Uint8Array => new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);

export function writeSite(dir: string, site: Site, previous: PublicationManifest | null): WriteResult {
  if (previous && previous.committee !== site.manifest.committee) {
    throw new AppError('Invalid', `${dir} holds the publication of ${previous.committee}, not ${site.manifest.committee}; choose the committee's own folder.`, `${dir} indeholder offentliggørelsen for ${previous.committee}, ikke ${site.manifest.committee}; vælg udvalgets egen mappe.`);
  }
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  fs.mkdirSync(dir, { recursive: true });
  for (const f of site.files) {
    const target = path.join(dir, ...f.path.split('/'));
    const same = fs.existsSync(target) && sha256Hex(fs.readFileSync(target)) === sha256Hex(f.bytes);
    if (same) {
      result.unchanged.push(f.path);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, f.bytes);
    result.written.push(f.path);
  }
  const now = new Set(site.files.map((f) => f.path));
  for (const old of previous?.files ?? []) {
    if (now.has(old.path) || old.path.includes('..') || path.isAbsolute(old.path)) continue;
    const target = path.join(dir, ...old.path.split('/'));
    if (fs.existsSync(target)) fs.rmSync(target);
    result.removed.push(old.path);
    removeEmptyParents(dir, path.dirname(target));
  }
  const bytes = manifestBytes(site.manifest);
  const target = path.join(dir, MANIFEST);
  if (fs.existsSync(target) && sha256Hex(fs.readFileSync(target)) === sha256Hex(bytes)) result.unchanged.push(MANIFEST);
  else {
    writeFileAtomic(target, bytes);
    result.written.push(MANIFEST);
  }
  return result;
}

function removeEmptyParents(root: string, dir: string): void {
  const top = path.resolve(root);
  let d = path.resolve(dir);
  while (d.startsWith(top + path.sep) && fs.existsSync(d) && fs.readdirSync(d).length === 0) {
    fs.rmdirSync(d);
    d = path.dirname(d);
  }
}
