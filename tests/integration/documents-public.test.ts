// The public version leaks nothing of a closed item: every XML part of the .docx, and the PDF's
// text, bookmarks, link targets and metadata are searched for every closed string. The same
// search over the internal version must find them, or the search itself would prove nothing.
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../src-main/core/documents/documents.service';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { buildPublication, publicationZip, writePublication } from '../../src-main/core/documents/publication';
import { importDocument } from '../../src-main/core/exchange/import';
import { sha256Hex } from '../../src-main/core/util/canonical';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempDir, tempStore } from '../helpers/store';
import { docxParts, importFixture, pdfObjectsText, pdfPages, RICH, squash, writeTemp } from './documents-helpers';

const CLOSED_STRINGS = [
  'Salg af areal ved Vestermarken',
  'Vestermarken',
  'SAG-LUKKET-777',
  'SAG-LUKKET-888',
  'Ørnebjerg',
  'Hemmelig',
  'Personalesag Kvistgård',
  'Kvistgård',
  'Fortrolig',
  'Lukket købsaftale',
  'Lukket beslutningstekst',
];

const printer = playwrightPrinter();
const store = tempStore();
let meetingId = '';

/**
 * The same meeting under the council profile (kommunalbestyrelse): item 3 has a public title, a
 * reason and a publishable decision (its votes name members, its dissent is closed); item 4's
 * decision is withheld; a guest came for the closed item only.
 */
function councilDocument(): ReferentDocument {
  const doc = JSON.parse(fs.readFileSync(RICH, 'utf8')) as ReferentDocument;
  const c = doc.committees[0]!;
  c.publicationProfile = 'council';
  const m = c.meetings[0]!;
  const [p3, p4] = [m.items[2]!, m.items[3]!];
  p3.publicTitle = 'Salg af kommunalt areal';
  p3.closedReason = { kind: 'property', text: 'kommunestyrelseslovens § 10' };
  p3.decision!.text = 'Salget godkendes på de forhandlede vilkår.';
  p4.closedReason = { kind: 'personal' };
  p4.decision!.public = false;
  m.guests = [...(m.guests ?? []), { name: 'Advokat Bent Ørnebjerg', title: 'Fortrolig rådgiver', items: [3] }];
  return doc;
}
const council = tempStore();
let councilMeeting = '';

beforeAll(async () => {
  meetingId = await importFixture(store, RICH);
  await importDocument(council, councilDocument());
  councilMeeting = councilDocument().committees[0]!.meetings[0]!.id!;
});
afterAll(async () => {
  await printer.close();
  await store.close();
  await council.close();
});

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return CLOSED_STRINGS.filter((s) => lower.includes(s.toLowerCase()));
}

describe('the public version', () => {
  for (const kind of ['minutes', 'decisions', 'agenda'] as const) {
    it(`${kind}: no XML part of the .docx holds a closed string`, async () => {
      const pub = await exportDocument(store.db, printer, { meetingId, kind, public: true, format: 'docx' });
      const parts = docxParts(pub.bytes);
      expect(Object.keys(parts)).toEqual(expect.arrayContaining(['word/document.xml', 'docProps/core.xml', 'word/settings.xml']));
      for (const [name, xml] of Object.entries(parts)) expect({ part: name, leaks: leaks(xml) }).toEqual({ part: name, leaks: [] });
      const body = parts['word/document.xml']!;
      expect(body).toContain('Punkt 3: Lukket punkt');
      expect(body).toContain('Punkt 4: Lukket punkt');
      if (kind !== 'agenda') expect(body).toContain('Udvalget tiltrådte indstillingen.');

      // The internal version holds them: the search above can see what it looks for.
      const internal = docxParts((await exportDocument(store.db, printer, { meetingId, kind, public: false, format: 'docx' })).bytes);
      expect(leaks(Object.values(internal).join('\n'))).toEqual(expect.arrayContaining(['Vestermarken', 'SAG-LUKKET-777', 'Kvistgård']));
    });
  }

  it('minutes: the PDF text, bookmarks, link targets and metadata hold no closed string', async () => {
    const pub = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: true, format: 'pdf' });
    const file = writeTemp('public.pdf', pub.bytes);
    const text = pdfPages(file).join('\n');
    expect(leaks(text)).toEqual([]);
    expect(leaks(pdfObjectsText(file))).toEqual([]);
    expect(squash(text)).toContain('Punkt 3: Lukket punkt');
    expect(squash(text)).toContain('Udvalget tiltrådte indstillingen.');
    // The public decision of a closed item is there; its votes and dissents are not.
    expect(text).not.toContain('Protokoltilførsel fra Carsten Dyhre Hansen: Hemmelig');
    // Closed attachments of open items are left out; open ones stay.
    expect(text).toContain('Budgetnotat marts 2026.pdf');
    expect(text).not.toContain('leverandørpriser');

    const internal = writeTemp('internal.pdf', (await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' })).bytes);
    // Bookmarks carry item titles: the object search sees the closed ones in the internal version.
    expect(leaks(pdfObjectsText(internal))).toEqual(expect.arrayContaining(['Salg af areal ved Vestermarken', 'Personalesag Kvistgård']));
    expect(pdfPages(internal).join('\n')).toContain('leverandørpriser');
  });

  it('the publication package holds the public PDF and the open attachments only, in a .zip or a folder', async () => {
    // The meeting is approved, so its attachments are sealed: they arrive with it, as in a bundle.
    const files = new Map([new TextEncoder().encode('%PDF-1.4 budgetnotat'), new TextEncoder().encode('Kvistgård leverandørpriser')].map((b) => [sha256Hex(b), b]));
    const [budget, secret] = [...files.keys()];
    const doc = JSON.parse(fs.readFileSync(RICH, 'utf8')) as ReferentDocument;
    for (const item of doc.committees[0]!.meetings[0]!.items) {
      for (const a of item.attachments ?? []) {
        if (a.access === 'closed') a.sha256 = secret;
        else if (item.title === 'Budgetopfølgning og rige formater') a.sha256 = budget;
      }
    }
    const withFiles = tempStore();
    await importDocument(withFiles, doc, { files });

    const pkg = await buildPublication(withFiles.db, withFiles.files, printer, meetingId);
    expect(pkg.entries.map((e) => e.name)).toEqual([
      '2026-03-10 OBU Referat - offentlig.pdf',
      '2026-03-10 OBU Punkt 2 Bilag 1 - Budgetnotat marts 2026.pdf',
    ]);
    expect(pkg.missing).toEqual([]);

    const zip = unzipSync(publicationZip(pkg));
    expect(Object.keys(zip).sort()).toEqual(pkg.entries.map((e) => e.name).sort());
    for (const [name, data] of Object.entries(zip)) {
      expect(leaks(name)).toEqual([]);
      if (!name.endsWith('offentlig.pdf')) expect(strFromU8(data)).toBe('%PDF-1.4 budgetnotat');
    }
    const pdf = writeTemp('pub.pdf', zip['2026-03-10 OBU Referat - offentlig.pdf']!);
    expect(leaks(pdfObjectsText(pdf))).toEqual([]);

    const folder = `${tempDir()}/site`;
    writePublication(pkg, folder);
    expect(fs.readdirSync(folder).sort()).toEqual(pkg.entries.map((e) => e.name).sort());
    await withFiles.close();
  });

  describe('under the council profile', () => {
    for (const kind of ['minutes', 'decisions', 'agenda'] as const) {
      it(`${kind}: the .docx keeps the public title and reason, the published decision with a vote count, and nothing closed`, async () => {
        const pub = await exportDocument(council.db, printer, { meetingId: councilMeeting, kind, public: true, format: 'docx' });
        const parts = docxParts(pub.bytes);
        for (const [name, xml] of Object.entries(parts)) expect({ part: name, leaks: leaks(xml) }).toEqual({ part: name, leaks: [] });
        const body = parts['word/document.xml']!;
        expect(body).toContain('Punkt 3: Salg af kommunalt areal');
        expect(body).toContain('Punkt 4: Lukket punkt');
        expect(body).toContain('Lukket af hensyn til køb eller salg af fast ejendom (kommunestyrelseslovens § 10).');
        expect(body).toContain('Lukket af hensyn til personlige forhold.');
        if (kind !== 'agenda') {
          expect(body).toContain('Salget godkendes på de forhandlede vilkår.');
          expect(body).toContain('Afstemning – For: 2; Imod: 1; Undlod at stemme: 0');
        }
        // Item 4's decision is withheld, whatever the profile's default.
        expect(body).not.toContain('Udvalget tiltrådte indstillingen.');
      });
    }

    it('minutes: the PDF text, bookmarks, link targets and metadata hold no closed string, and show the public title', async () => {
      const pub = await exportDocument(council.db, printer, { meetingId: councilMeeting, kind: 'minutes', public: true, format: 'pdf' });
      const file = writeTemp('council.pdf', pub.bytes);
      const text = pdfPages(file).join('\n');
      expect(leaks(text)).toEqual([]);
      const objects = pdfObjectsText(file);
      expect(leaks(objects)).toEqual([]);
      expect(squash(text)).toContain('Punkt 3: Salg af kommunalt areal');
      expect(squash(text)).toContain('Afstemning – For: 2; Imod: 1; Undlod at stemme: 0');
      // The bookmark carries the public title, never the real one.
      expect(objects).toContain('Salg af kommunalt areal');
      // The names in the vote are not printed with it (they are in the header as participants).
      expect(squash(text)).not.toMatch(/For: 2 \(/);
    });
  });
});
