// Shared by the documents tests: fixtures imported into a real store, and the real readers
// (pdftotext, qpdf, soffice, pandoc) run over what the writers produced.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { importDocument } from '../../src-main/core/exchange/import';
import type { Store } from '../../src-main/core/store/open';
import { updateSettings } from '../../src-main/core/settings/settings.service';
import { afterAll, beforeAll } from 'vitest';
import { tempDir, tempStore } from '../helpers/store';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const REFERENCE = path.join(FIXTURES, 'reference-referat.json');
export const RICH = path.join(FIXTURES, 'documents/rich-meeting.json');

/** Imports a referent/v1 fixture (organisation name included) and returns its first meeting's id. */
export async function importFixture(store: Store, file: string): Promise<string> {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { organization?: { name: string }; committees: { meetings: { id: string }[] }[] };
  await importDocument(store, doc);
  if (doc.organization) await updateSettings(store.db, { name: doc.organization.name });
  return doc.committees[0]!.meetings[0]!.id;
}

/**
 * The reference referat and the rich meeting, each imported into a store of its own (both are the
 * same committee with different templates) before the file's tests, and closed after them.
 */
export function fixtureStores(): { stores: { reference: Store; rich: Store }; ids: Record<'reference' | 'rich', string> } {
  const stores = { reference: tempStore(), rich: tempStore() };
  const ids = { reference: '', rich: '' };
  beforeAll(async () => {
    ids.reference = await importFixture(stores.reference, REFERENCE);
    ids.rich = await importFixture(stores.rich, RICH);
  });
  afterAll(async () => {
    await stores.reference.close();
    await stores.rich.close();
  });
  return { stores, ids };
}

export function writeTemp(name: string, bytes: Uint8Array): string {
  const file = path.join(tempDir('referent-doc-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The text of each page (pdftotext, reading order). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The page (from 1) on which each "Punkt N:" heading (or other heading line) is printed. */
export function headingPages(pages: string[], headings: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of headings) {
    // The first page past the table of contents that prints the heading (a long one wraps, so
    // lines are joined first).
    // The TOC lists titles without "Punkt N:", so an item's heading can be found on the TOC's page
    // too (the compact decision record starts right under it); another heading only past it.
    const at = pages.findIndex((p) => (h.startsWith('Punkt ') || !p.includes('Indholdsfortegnelse')) && squash(p).includes(h));
    if (at >= 0) out.set(h, at + 1);
  }
  return out;
}

/** The table of contents as printed: the number after each title, in order (titles may wrap over lines and repeat, e.g. "Lukket punkt"). */
export function tocEntries(pages: string[], titles: string[]): (number | undefined)[] {
  const front = squash(pages.slice(0, 3).join('\n'));
  let from = front.indexOf('Indholdsfortegnelse');
  return titles.map((t) => {
    const at = front.indexOf(t, from);
    if (at === -1) return undefined;
    from = at + t.length;
    const m = /^[\s.]*(\d+)/.exec(front.slice(from));
    return m ? Number(m[1]) : undefined;
  });
}

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

/** Everything qpdf can say about a PDF's objects with strings decoded (bookmarks, link targets, metadata). */
export function pdfObjectsText(file: string): string {
  const json = execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=all', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const qdf = path.join(tempDir('referent-qdf-'), 'q.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  // Strings come back decoded ("u:…"); stream data comes base64, decoded here so that XMP metadata
  // and the like are searchable too.
  const decode = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') return key === 'data' ? Buffer.from(v, 'base64').toString('utf8') : v;
    if (Array.isArray(v)) return v.map((x) => decode(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x, k)]));
    return v;
  };
  return JSON.stringify(decode(JSON.parse(json))) + '\n' + fs.readFileSync(qdf, 'utf8');
}

export function soffice(docx: string): string {
  const dir = tempDir('referent-lo-');
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
  return path.join(dir, path.basename(docx).replace(/\.docx$/, '.pdf'));
}

export function pandocMarkdown(docx: string): string {
  return execFileSync('pandoc', ['-f', 'docx', '-t', 'gfm', docx], { encoding: 'utf8' });
}
