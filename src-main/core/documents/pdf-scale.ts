// Scales a printed PDF's pages by one factor (the finish's step from the page laid out at
// PRINT_SCALE back to A4, layout.ts): every coordinate the file holds outside the page content,
// which the content's own prefix (`contentScale`) scales. Chromium's file has four kinds: the page
// boxes, link rectangles, and the destinations of named targets, links and bookmarks.
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import type { PdfObjects } from './pdf-objects';

const N = (name: string): PDFName => PDFName.of(name);
const BOXES = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox'];
/** The boxes a page may take from its parents (ISO 32000-1 §7.7.3.4). */
const INHERITED = ['MediaBox', 'CropBox'];

/** The operator put before a page's content: the same factor for the painting as for the page. */
export const contentScale = (f: number): Uint8Array => new TextEncoder().encode(`${num(f)} 0 0 ${num(f)} 0 0 cm\n`);

/** Short, exact enough (1e-7 pt over a page is nothing), and never in exponent notation. */
const num = (x: number): string => String(Math.round(x * 1e7) / 1e7);

/** Each page's boxes (set on the page itself, inherited or not) and its link rectangles and destinations. */
export function scalePages(pdf: PdfObjects, pages: { ref: PDFRef; node: PDFDict }[], f: number): void {
  for (const { ref, node } of pages) {
    for (const box of BOXES) {
      const own = pdf.resolve(node.get(N(box)));
      const value = own ?? (INHERITED.includes(box) ? inherited(pdf, node, box) : undefined);
      if (value instanceof PDFArray) node.set(N(box), scaledArray(pdf, value, f, [0, 1, 2, 3]));
    }
    pdf.assign(ref, node);
    const annots = pdf.resolve(node.get(N('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    for (const a of annots.asArray()) {
      const annot = pdf.resolve(a);
      if (!(annot instanceof PDFDict)) continue;
      const rect = pdf.resolve(annot.get(N('Rect')));
      if (rect instanceof PDFArray) annot.set(N('Rect'), scaledArray(pdf, rect, f, [0, 1, 2, 3]));
      const quads = pdf.resolve(annot.get(N('QuadPoints')));
      if (quads instanceof PDFArray) annot.set(N('QuadPoints'), scaledArray(pdf, quads, f, quads.asArray().map((_, i) => i)));
      scaleAction(pdf, annot, f);
      if (a instanceof PDFRef) pdf.assign(a, annot);
    }
  }
}

/** The named destinations (catalog /Dests and the /Names tree) and the bookmarks. */
export function scaleDestinations(pdf: PdfObjects, catalog: PDFDict, f: number): void {
  const dests = catalog.get(N('Dests'));
  const dict = pdf.resolve(dests);
  if (dict instanceof PDFDict) {
    for (const [key, value] of dict.entries()) {
      const scaled = scaledDest(pdf, value, f);
      if (scaled) dict.set(key, scaled);
    }
    if (dests instanceof PDFRef) pdf.assign(dests, dict);
  }
  const names = pdf.resolve(catalog.get(N('Names')));
  if (names instanceof PDFDict) scaleNameTree(pdf, names.get(N('Dests')), f, 0);
  const outlines = pdf.resolve(catalog.get(N('Outlines')));
  if (outlines instanceof PDFDict) scaleOutline(pdf, outlines.get(N('First')), f, 0);
}

function scaleNameTree(pdf: PdfObjects, ref: PDFObject | undefined, f: number, depth: number): void {
  const node = pdf.resolve(ref);
  if (!(node instanceof PDFDict) || depth > 32) return;
  const kids = pdf.resolve(node.get(N('Kids')));
  if (kids instanceof PDFArray) for (const k of kids.asArray()) scaleNameTree(pdf, k, f, depth + 1);
  const pairs = pdf.resolve(node.get(N('Names')));
  if (pairs instanceof PDFArray) {
    for (let i = 1; i < pairs.size(); i += 2) {
      const scaled = scaledDest(pdf, pairs.get(i), f);
      if (scaled) pairs.set(i, scaled);
    }
  }
  if (ref instanceof PDFRef) pdf.assign(ref, node);
}

function scaleOutline(pdf: PdfObjects, first: PDFObject | undefined, f: number, depth: number): void {
  const seen = new Set<PDFObject>();
  for (let ref = first; ref instanceof PDFRef && !seen.has(ref) && depth < 32; ) {
    seen.add(ref);
    const item = pdf.resolve(ref);
    if (!(item instanceof PDFDict)) return;
    const dest = scaledDest(pdf, item.get(N('Dest')), f);
    if (dest) item.set(N('Dest'), dest);
    scaleAction(pdf, item, f);
    pdf.assign(ref, item);
    scaleOutline(pdf, item.get(N('First')), f, depth + 1);
    ref = item.get(N('Next'));
  }
}

/** A link's or bookmark's own destination: /Dest, or a GoTo action's /D. */
function scaleAction(pdf: PdfObjects, holder: PDFDict, f: number): void {
  const dest = scaledDest(pdf, holder.get(N('Dest')), f);
  if (dest) holder.set(N('Dest'), dest);
  const action = pdf.resolve(holder.get(N('A')));
  if (action instanceof PDFDict && action.get(N('S')) === N('GoTo')) {
    const d = scaledDest(pdf, action.get(N('D')), f);
    if (d) action.set(N('D'), d);
  }
}

/** Which entries of an explicit destination [page /Kind ...] are coordinates (ISO 32000-1 table 151). */
const COORDINATES: Record<string, number[]> = { XYZ: [2, 3], FitH: [2], FitBH: [2], FitV: [2], FitBV: [2], FitR: [2, 3, 4, 5] };

/** An explicit destination scaled, or undefined for a name (scaled where it is defined) or anything else. */
function scaledDest(pdf: PdfObjects, obj: PDFObject | undefined, f: number): PDFArray | undefined {
  let dest = obj instanceof PDFRef ? pdf.resolve(obj) : obj;
  if (dest instanceof PDFDict) dest = pdf.resolve(dest.get(N('D'))); // { /D [...] } in a name dictionary
  if (!(dest instanceof PDFArray) || dest.size() < 2) return undefined;
  const kind = dest.get(1);
  const at = kind instanceof PDFName ? COORDINATES[kind.decodeText()] : undefined;
  return at ? scaledArray(pdf, dest, f, at) : undefined;
}

/** A copy of the array with the numbers at `at` multiplied (null, "keep the current value", stays). */
function scaledArray(pdf: PdfObjects, arr: PDFArray, f: number, at: number[]): PDFArray {
  const items = arr.asArray().map((item, i) => {
    const n = pdf.resolve(item);
    return at.includes(i) && n instanceof PDFNumber ? PDFNumber.of(Number(num(n.asNumber() * f))) : item;
  });
  return pdf.context.obj(items);
}

/** A box the page inherits from its parents, or undefined. */
function inherited(pdf: PdfObjects, node: PDFDict, key: string): PDFArray | undefined {
  let parent = pdf.resolve(node.get(N('Parent')));
  for (let depth = 0; parent instanceof PDFDict && depth < 32; depth++) {
    const v = pdf.resolve(parent.get(N(key)));
    if (v instanceof PDFArray) return v;
    parent = pdf.resolve(parent.get(N('Parent')));
  }
  return undefined;
}
