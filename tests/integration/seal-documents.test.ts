// The anchor as printed: the last page of approved minutes (PDF and .docx, the public version too)
// carries the line `referent verify --anchor` checks; and a page-number cache edited in the file
// cannot change an approved .docx, whose numbers come from a print of the sealed tree.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../src-main/core/documents/documents.service';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { openSqliteStore, type Store } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';
import { pdfPages, squash, writeTemp } from './documents-helpers';
import { buildApproved } from './seal-fixture';
import { MEETING } from './meetingday-fixture';

const printer = playwrightPrinter();
let store: Store;
let anchor: string;

beforeAll(async () => {
  const approved = await buildApproved();
  const file = path.join(tempDir(), 'referent.sqlite');
  fs.copyFileSync(approved.file, file);
  store = openSqliteStore(file);
  const seal = await store.db.selectFrom('meeting_seals').selectAll().executeTakeFirstOrThrow();
  anchor = `${seal.entry_hash}:${seal.entry}`;
}, 120_000);
afterAll(async () => {
  await printer.close();
  await store.close();
});

const tocNumbers = (docx: Uint8Array): string[] => [...strFromU8(unzipSync(docx)['word/document.xml']!).matchAll(/<w:tab\/><w:t xml:space="default">(\d*)<\/w:t>/g)].map((m) => m[1]!);

describe('approved minutes print their anchor', () => {
  for (const isPublic of [false, true]) {
    it(`on the last page of the ${isPublic ? 'public ' : ''}PDF and at the end of the .docx`, async () => {
      const pdf = await exportDocument(store.db, printer, { meetingId: MEETING, kind: 'minutes', public: isPublic, format: 'pdf' });
      const pages = pdfPages(writeTemp('m.pdf', pdf.bytes));
      const line = `Forseglet i ændringsloggen; kontrollér med referent verify --anchor ${anchor}`;
      expect(squash(pages[pages.length - 1]!).replace(/\s/g, '')).toContain(line.replace(/\s/g, ''));
      expect(squash(pages.slice(0, -1).join(' '))).not.toContain('Forseglet');
      const docx = await exportDocument(store.db, printer, { meetingId: MEETING, kind: 'minutes', public: isPublic, format: 'docx' });
      const body = strFromU8(unzipSync(docx.bytes)['word/document.xml']!);
      expect(body).toMatch(new RegExp(`<w:t xml:space="preserve">${line}</w:t></w:r></w:p><w:sectPr>`));
    });
  }

  it('with page numbers from a print, never from a cache row edited in the file', async () => {
    const req = { meetingId: MEETING, kind: 'decisions', public: false } as const;
    const first = tocNumbers((await exportDocument(store.db, printer, { ...req, format: 'docx' })).bytes);
    expect(first.every((n) => /^\d+$/.test(n))).toBe(true);
    await store.db.updateTable('document_page_cache').set({ pages: JSON.stringify(Object.fromEntries(first.map((_, i) => [`punkt_${i + 1}`, 99]))) }).where('meeting_id', '=', MEETING).execute();
    expect(tocNumbers((await exportDocument(store.db, printer, { ...req, format: 'docx' })).bytes)).toEqual(first);
  });
});
