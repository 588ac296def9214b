// The last step of every PDF: Chromium prints a tagged file, and this makes it a PDF/UA-1 one
// (ISO 14289-1) and, for the archive copy, a PDF/A-2 one (ISO 19005-2), with @cantoo/pdf-lib:
// - the running header and footer become artifacts (pdf-content.ts);
// - the document says what it is, not which tool made it: Info and XMP alike carry the title
//   (shown in the window's title bar), author, subject, keywords, language, and "Referent <version>"
//   as creator and producer; XMP identifies PDF/UA part 1 (and PDF/A-2 part and conformance);
// - the bookmarks show the items, each closed over its sections;
// - every link says where it goes (/Contents);
// - the archive copy has an sRGB output intent (Chromium embeds every font, as PDF/A asks; the tests check it).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { DocumentMeta } from './document-meta';
import { markArtifacts } from './pdf-content';
import { openPdf, type PdfObjects } from './pdf-objects';
import { contentScale, scaleDocument } from './pdf-scale';
import { SRGB_NAME, srgbProfile } from './srgb-icc';

export type FinishOptions = {
  meta: DocumentMeta;
  /** PDF/A-2 as well as PDF/UA-1: the archive copy. */
  archive: boolean;
  /** A title for each in-document link target (the chapter's title by its anchor). */
  linkTitles: ReadonlyMap<string, string>;
  /** Every page scaled by this (1/PRINT_SCALE: the page is printed larger, layout.ts); 1 when absent. */
  pageScale?: number;
};

const N = (name: string): PDFName => PDFName.of(name);

export async function finishPdf(bytes: Uint8Array, opts: FinishOptions): Promise<Uint8Array> {
  const pdf = await openPdf(bytes);
  const catalog = dict(pdf, pdf.root);
  if (!catalog) throw new Error('The printed PDF has no catalog.');
  const created = new Date();
  const all = pages(pdf, catalog);
  const scale = opts.pageScale ?? 1;
  // A scaled page's content is scaled by an operator before it, as its boxes, links and destinations are.
  // Page by page and synchronously: 166 pages' inflates and deflates sent to libuv's pool at once
  // cost ~3 times the CPU and twice the wall time (each a zlib state of its own, all alive together).
  const prefix = scale === 1 ? null : contentScale(scale);
  for (const page of all) markPageArtifacts(pdf, page, prefix);
  if (scale !== 1) scaleDocument(pdf, catalog, all, scale);
  for (const page of all) describeLinks(pdf, page, opts.linkTitles);
  closeItemBookmarks(pdf, catalog);
  const { context } = pdf;
  catalog.set(N('Metadata'), pdf.register(context.stream(new TextEncoder().encode(xmp(opts, created)), { Type: 'Metadata', Subtype: 'XML' })));
  catalog.set(N('Lang'), PDFString.of(opts.meta.language));
  // The title, not the file name, in the reader's window (PDF/UA §7.1).
  const prefs = (pdf.resolve(catalog.get(N('ViewerPreferences'))) as PDFDict | undefined) ?? context.obj({});
  prefs.set(N('DisplayDocTitle'), context.obj(true));
  catalog.set(N('ViewerPreferences'), prefs);
  if (opts.archive) makeArchival(pdf, catalog);
  pdf.assign(pdf.root, catalog);
  return pdf.save(info(pdf, opts.meta, created), PDFHexString.of(createHash('md5').update(bytes).digest('hex')));
}

function dict(pdf: PdfObjects, obj: PDFObject | undefined): PDFDict | undefined {
  const d = pdf.resolve(obj);
  return d instanceof PDFDict ? d : undefined;
}

/** Every page dictionary with its reference, in order. */
function pages(pdf: PdfObjects, catalog: PDFDict): { ref: PDFRef; node: PDFDict }[] {
  const out: { ref: PDFRef; node: PDFDict }[] = [];
  const walk = (ref: PDFObject | undefined, depth: number): void => {
    const node = dict(pdf, ref);
    if (!node || !(ref instanceof PDFRef) || depth > 32) return;
    const kids = pdf.resolve(node.get(N('Kids')));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.get(i), depth + 1);
    else out.push({ ref, node });
  };
  walk(catalog.get(N('Pages')), 0);
  return out;
}

function markPageArtifacts(pdf: PdfObjects, { node }: { node: PDFDict }, prefix: Uint8Array | null): void {
  const contents = node.get(N('Contents'));
  const refs: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  // Each stream is marked on its own: Chromium writes one per page, and a text or path object never spans two.
  for (const [i, r] of refs.entries()) {
    const stream = pdf.resolve(r);
    if (!(r instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue;
    const decoded = markArtifacts(decode(stream));
    // The prefix goes before the first stream's operators, so it applies to everything painted.
    const marked = i === 0 && prefix ? concat(prefix, decoded) : decoded;
    const out = PDFRawStream.of(pdf.context.obj({ Filter: 'FlateDecode' }), deflateSync(marked, { level: CONTENT_LEVEL }));
    pdf.assign(r, out);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Recompressing the pages' content is most of the finish. zlib's level 5 costs ~40 % less than
 * the default 6 on a 166-page meeting's content (11 MB when each glyph was placed on its own,
 * 4 MB since the page is laid out at whole pixel sizes, PRINT_SCALE), for a file ~6 % larger
 * (levels 1-4 switch to a faster match search and make it 20-45 % larger).
 */
const CONTENT_LEVEL = 5;

/** A content stream's bytes; Chromium's are Flate-compressed or plain. */
function decode(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(N('Filter'));
  if (filter === undefined) return stream.contents;
  if (filter === N('FlateDecode')) return inflateSync(stream.contents);
  throw new Error(`The printed PDF has a page in ${String(filter)}, which cannot be marked for PDF/UA.`);
}

/** Top-level bookmarks (the title and the items) stay visible; each item's sections are folded under it. */
function closeItemBookmarks(pdf: PdfObjects, catalog: PDFDict): void {
  const rootRef = catalog.get(N('Outlines'));
  const outlines = dict(pdf, rootRef);
  if (!outlines || !(rootRef instanceof PDFRef)) return;
  let visible = 0;
  for (let ref = outlines.get(N('First')); ref instanceof PDFRef; ) {
    const item = dict(pdf, ref);
    if (!item) break;
    visible++;
    const count = item.get(N('Count'));
    if (count instanceof PDFNumber && count.asNumber() > 0) {
      item.set(N('Count'), PDFNumber.of(-childCount(pdf, item)));
      pdf.assign(ref, item);
    }
    ref = item.get(N('Next'));
  }
  outlines.set(N('Count'), PDFNumber.of(visible));
  pdf.assign(rootRef, outlines);
}

function childCount(pdf: PdfObjects, d: PDFDict): number {
  let n = 0;
  for (let c = dict(pdf, d.get(N('First'))); c; c = dict(pdf, c.get(N('Next')))) n++;
  return n;
}

function describeLinks(pdf: PdfObjects, { node }: { node: PDFDict }, titles: ReadonlyMap<string, string>): void {
  const annots = pdf.resolve(node.get(N('Annots')));
  if (!(annots instanceof PDFArray)) return;
  for (const ref of annots.asArray()) {
    const a = dict(pdf, ref);
    if (!a || !(ref instanceof PDFRef) || a.get(N('Subtype')) !== N('Link')) continue;
    // Printable (PDF/A §6.3.2), and described for a screen reader (PDF/UA §7.18.5).
    a.set(N('F'), PDFNumber.of(4));
    if (!a.has(N('Contents'))) {
      const dest = pdf.resolve(a.get(N('Dest')));
      const uri = pdf.resolve(dict(pdf, a.get(N('A')))?.get(N('URI')));
      const anchor = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const title = anchor !== undefined ? titles.get(anchor) : undefined;
      const target = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
      a.set(N('Contents'), PDFHexString.fromText(title !== undefined ? `Gå til ${title}` : target ?? 'Link'));
    }
    pdf.assign(ref, a);
  }
}

const pdfDate = (d: Date): string => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** The Info dictionary, the same facts as the XMP packet (PDF/A §6.6.3). */
function info(pdf: PdfObjects, meta: DocumentMeta, created: Date): PDFDict {
  return pdf.context.obj({
    Title: PDFHexString.fromText(meta.title),
    Author: PDFHexString.fromText(meta.author),
    Subject: PDFHexString.fromText(meta.subject),
    Keywords: PDFHexString.fromText(meta.keywords.join(', ')),
    Creator: PDFHexString.fromText(meta.creator),
    Producer: PDFHexString.fromText(meta.creator),
    CreationDate: PDFString.of(pdfDate(created)),
    ModDate: PDFString.of(pdfDate(created)),
  });
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The date as XMP writes it, to the second in UTC: the same instant as the Info dictionary's "D:…Z". */
const xmpDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const PDFUA_EXTENSION = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The XMP packet: Dublin Core, XMP basic and PDF properties matching the Info dictionary, and the PDF/UA (and PDF/A) identification. */
export function xmp({ meta, archive }: FinishOptions, created: Date): string {
  const date = xmpDate(created);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${esc(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>${esc(meta.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${esc(meta.creator)}</pdf:Producer>
<pdf:Keywords>${esc(meta.keywords.join(', '))}</pdf:Keywords>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
${archive ? `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>U</pdfaid:conformance>
</rdf:Description>
${PDFUA_EXTENSION}
` : ''}</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function makeArchival(pdf: PdfObjects, catalog: PDFDict): void {
  const { context } = pdf;
  const profile = pdf.register(PDFRawStream.of(context.obj({ N: 3, Filter: 'FlateDecode' }), deflateSync(srgbProfile())));
  const intent = context.obj({ Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: PDFString.of(SRGB_NAME), Info: PDFString.of(SRGB_NAME), DestOutputProfile: profile });
  catalog.set(N('OutputIntents'), context.obj([intent]));
}
