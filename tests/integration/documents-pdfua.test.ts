// PDF/UA-1 and PDF/A-2 in the file itself (issue 9 §9, §10, §11), read back with qpdf, not with
// the code that wrote them: no bare content on any page (the running header and footer are
// pagination artifacts, everything else is tagged); XMP with the PDF/UA identifier, title and
// language; Info and XMP that name Referent and the organisation, never the browser; the title in
// the window bar; bookmarks that show the items with their sections folded; links that say where
// they go. The archive copy also carries the PDF/A-2 identification, an sRGB output intent and
// embedded fonts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, loadReferat } from '../../src-main/core/documents/documents.service';
import { playwrightPrinter } from '../../src-main/core/documents/pdf-playwright';
import { VERSION } from '../../src-main/core/version';
import { tempStore } from '../helpers/store';
import { importFixture, pdfPages, REFERENCE, writeTemp } from './documents-helpers';

const printer = playwrightPrinter();
const store = tempStore();
let meetingId = '';

beforeAll(async () => {
  meetingId = await importFixture(store, REFERENCE);
});
afterAll(async () => {
  await printer.close();
  await store.close();
});

type QpdfObject = { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } };
type Qpdf = { qpdf: [Record<string, unknown>, Record<string, QpdfObject>] };

/** The file as qpdf reads it: every object, streams decoded (base64 in the JSON). */
function readPdf(bytes: Uint8Array) {
  const file = writeTemp('doc.pdf', bytes);
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })) as Qpdf;
  const objects = json.qpdf[1];
  const trailer = objects['trailer']!.value as Record<string, unknown>;
  const get = (ref: unknown): QpdfObject | undefined => (typeof ref === 'string' ? objects[`obj:${ref}`] : undefined);
  const dict = (ref: unknown): Record<string, unknown> => {
    const o = get(ref);
    return (o?.value ?? o?.stream?.dict ?? ref) as Record<string, unknown>;
  };
  const data = (ref: unknown): Buffer => Buffer.from(get(ref)?.stream?.data ?? '', 'base64');
  return { file, objects, trailer, get, dict, data, catalog: dict(trailer['/Root']), info: dict(trailer['/Info']) };
}

/** "u:Referent 0.1.0" → the text. */
const text = (v: unknown): string => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '');

/** The page's content operators outside any marked-content sequence that put marks on the page, and the artifacts' count. */
function bareContent(content: string): { bare: string[]; artifacts: number } {
  // Tokens: dictionaries, hex and literal strings, names, arrays, numbers, operators.
  const tokens = content.match(/<<|>>|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/<>[\]()]+|\[|\]|[^\s/<>[\]()]+/g) ?? [];
  const bare: string[] = [];
  const open: string[] = [];
  let artifacts = 0;
  let dict = 0;
  let tag = '';
  for (const t of tokens) {
    if (t === '<<') dict++;
    else if (t === '>>') dict--;
    else if (dict > 0) continue;
    else if (t.startsWith('/')) tag = t; // the tag of a BDC or BMC is the last name before its properties
    else if (t === 'BDC' || t === 'BMC') {
      if (open.length === 0 && tag === '/Artifact') artifacts++;
      open.push(tag);
    } else if (t === 'EMC') open.pop();
    else if (open.length === 0 && /^(Tj|TJ|'|"|S|s|f|F|f\*|B|B\*|b|b\*|Do|sh|EI)$/.test(t)) bare.push(t);
  }
  return { bare, artifacts };
}

function pageContents(pdf: ReturnType<typeof readPdf>): string[] {
  const out: string[] = [];
  const walk = (ref: unknown): void => {
    const node = pdf.dict(ref);
    if (Array.isArray(node['/Kids'])) for (const k of node['/Kids']) walk(k);
    else {
      const c = node['/Contents'];
      out.push((Array.isArray(c) ? c : [c]).map((r) => pdf.data(r).toString('latin1')).join('\n'));
    }
  };
  walk(pdf.catalog['/Pages']);
  return out;
}

describe('the PDF is PDF/UA-1', () => {
  it('marks the running header and footer as artifacts and leaves nothing else untagged, on every page', async () => {
    const r = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
    const pdf = readPdf(r.bytes);
    const pages = pageContents(pdf);
    expect(pages).toHaveLength(r.pageCount!);
    pages.forEach((content, i) => {
      const { bare, artifacts } = bareContent(content);
      expect({ page: i + 1, bare }).toEqual({ page: i + 1, bare: [] });
      // The header (organisation; committee and date) and the footer ("Side X af Y").
      expect({ page: i + 1, artifacts: artifacts >= 2 }).toEqual({ page: i + 1, artifacts: true });
    });
    // The header and footer still print.
    const text0 = pdfPages(pdf.file);
    expect(text0[1]).toContain('Haderslev Kommune');
    expect(text0[1]).toMatch(/Side 2 af \d+/);
  });

  it('says what it is in XMP and Info alike: PDF/UA part 1, title, author, subject, language, Referent as creator', async () => {
    const { doc } = await loadReferat(store.db, { meetingId, kind: 'minutes', public: false });
    const r = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
    const pdf = readPdf(r.bytes);
    const xmp = pdf.data(pdf.catalog['/Metadata']).toString('utf8');
    expect(pdf.dict(pdf.catalog['/Metadata'])).toMatchObject({ '/Type': '/Metadata', '/Subtype': '/XML' });
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${doc.title}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>da-DK</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<rdf:li>Haderslev Kommune</rdf:li>');
    expect(xmp).toContain(`<xmp:CreatorTool>Referent ${VERSION}</xmp:CreatorTool>`);
    expect(xmp).not.toContain('pdfaid'); // only the archive copy claims PDF/A

    expect(text(pdf.info['/Title'])).toBe(doc.title);
    expect(text(pdf.info['/Author'])).toBe('Haderslev Kommune');
    expect(text(pdf.info['/Subject'])).toBe('Organisations- og Beredskabsudvalget, møde 02-06-2026');
    expect(text(pdf.info['/Creator'])).toBe(`Referent ${VERSION}`);
    expect(text(pdf.info['/Producer'])).toBe(`Referent ${VERSION}`);
    expect(text(pdf.catalog['/Lang'])).toBe('da-DK');
    expect(pdf.dict(pdf.catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
    expect(pdf.dict(pdf.catalog['/MarkInfo'])['/Marked']).toBe(true);
    // Nothing in the file names the browser that printed it.
    const raw = fs.readFileSync(pdf.file, 'latin1');
    for (const tool of ['HeadlessChrome', 'Mozilla', 'Skia']) expect(raw).not.toContain(tool);
  });

  it('shows the items in the bookmarks with their sections folded, and every link says where it goes', async () => {
    const r = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf' });
    const pdf = readPdf(r.bytes);
    const outlines = pdf.dict(pdf.catalog['/Outlines']);
    const top: { title: string; count: number | undefined; children: number }[] = [];
    for (let ref = outlines['/First']; ref; ref = pdf.dict(ref)['/Next']) {
      const item = pdf.dict(ref);
      let children = 0;
      for (let c = item['/First']; c; c = pdf.dict(c)['/Next']) children++;
      top.push({ title: text(item['/Title']), count: item['/Count'] as number | undefined, children });
    }
    expect(outlines['/Count']).toBe(top.length);
    const items = top.filter((t) => t.title.startsWith('Punkt '));
    expect(items.length).toBe(11);
    for (const t of top) expect(t).toEqual({ ...t, count: t.children > 0 ? -t.children : undefined });

    const links = Object.values(pdf.objects).map((o) => o.value as Record<string, unknown>).filter((v) => v?.['/Subtype'] === '/Link');
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) {
      expect(text(l['/Contents'])).toMatch(/^(Gå til .+|https?:.+|mailto:.+)$/);
      expect(l['/F']).toBe(4);
    }
  });
});

describe('the archive copy is PDF/A-2 as well', () => {
  it('identifies PDF/A-2 in XMP (declaring the PDF/UA schema), has an sRGB output intent, a file ID, and embeds every font', async () => {
    const r = await exportDocument(store.db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf', archive: true });
    expect(r.fileName).toMatch(/ - arkiv\.pdf$/);
    const pdf = readPdf(r.bytes);
    expect(Buffer.from(r.bytes.subarray(0, 15)).toString('latin1')).toMatch(/^%PDF-1\.7\n%[\x80-\xff]{4}/);
    const xmp = pdf.data(pdf.catalog['/Metadata']).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toMatch(/<pdfaid:conformance>[ABU]<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // Info and XMP agree (PDF/A §6.6.3): the dates to the second.
    const created = text(pdf.info['/CreationDate']);
    const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(created);
    expect(m).not.toBeNull();
    expect(xmp).toContain(`<xmp:CreateDate>${m![1]}-${m![2]}-${m![3]}T${m![4]}:${m![5]}:${m![6]}Z</xmp:CreateDate>`);
    expect(xmp).toContain(`<pdf:Producer>${text(pdf.info['/Producer'])}</pdf:Producer>`);
    expect(xmp).toContain(`<pdf:Keywords>${text(pdf.info['/Keywords'])}</pdf:Keywords>`);

    const intents = pdf.catalog['/OutputIntents'] as unknown[];
    expect(intents).toHaveLength(1);
    const intent = pdf.dict(intents[0]);
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(text(intent['/OutputConditionIdentifier'])).toBe('sRGB IEC61966-2.1');
    const icc = pdf.data(intent['/DestOutputProfile']);
    expect(pdf.dict(intent['/DestOutputProfile'])['/N']).toBe(3);
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');

    expect(pdf.trailer['/ID']).toHaveLength(2);
    const descriptors = Object.values(pdf.objects).map((o) => o.value as Record<string, unknown>).filter((v) => v?.['/Type'] === '/FontDescriptor');
    expect(descriptors.length).toBeGreaterThan(0);
    for (const d of descriptors) expect(['/FontFile', '/FontFile2', '/FontFile3'].some((k) => k in d)).toBe(true);
    expect(execFileSync('qpdf', ['--check', pdf.file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  });
});
