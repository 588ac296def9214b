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

/**
 * Scales every destination exactly once, wherever it is reached from. One destination can be
 * reached from several places (a named destination and a bookmark sharing an object, a link's
 * /Dest and its GoTo action, the catalog's /Dests and the /Names tree): each array is scaled in
 * place the first time it is met and never again, and an object reached by reference is written
 * back where it lives, so every holder of the reference sees the one scaled array.
 */
class DestinationScaler {
  private readonly done = new Set<PDFArray>();
  constructor(private readonly pdf: PdfObjects, private readonly f: number) {}

  /** A destination as a holder keeps it: an explicit [page /Kind ...], a { /D [...] } dictionary, or a reference to either; a name is left alone (scaled where it is defined). */
  dest(obj: PDFObject | undefined): void {
    const { pdf } = this;
    const value = pdf.resolve(obj);
    if (value instanceof PDFDict) {
      this.dest(value.get(N('D')));
    } else if (value instanceof PDFArray && value.size() >= 2 && !this.done.has(value)) {
      this.done.add(value);
      const kind = value.get(1);
      const at = kind instanceof PDFName ? COORDINATES[kind.decodeText()] : undefined;
      for (const i of at ?? []) {
        const n = pdf.resolve(value.get(i));
        if (n instanceof PDFNumber) value.set(i, PDFNumber.of(Number(num(n.asNumber() * this.f))));
      }
    } else {
      return;
    }
    if (obj instanceof PDFRef) pdf.assign(obj, value);
  }

  /** A link's or bookmark's own destination: /Dest, or a GoTo action's /D (the action itself perhaps by reference). */
  action(holder: PDFDict): void {
    this.dest(holder.get(N('Dest')));
    const ref = holder.get(N('A'));
    const action = this.pdf.resolve(ref);
    if (action instanceof PDFDict && action.get(N('S')) === N('GoTo')) {
      this.dest(action.get(N('D')));
      if (ref instanceof PDFRef) this.pdf.assign(ref, action);
    }
  }
}

/** Everything outside the pages' content: each page's boxes and links, the named destinations and the bookmarks, each destination once. */
export function scaleDocument(pdf: PdfObjects, catalog: PDFDict, pages: { ref: PDFRef; node: PDFDict }[], f: number): void {
  const dests = new DestinationScaler(pdf, f);
  scalePages(pdf, pages, f, dests);
  scaleDestinations(pdf, catalog, dests);
}

/** Each page's boxes (set on the page itself, inherited or not) and its link rectangles and destinations. */
function scalePages(pdf: PdfObjects, pages: { ref: PDFRef; node: PDFDict }[], f: number, dests: DestinationScaler): void {
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
      dests.action(annot);
      if (a instanceof PDFRef) pdf.assign(a, annot);
    }
  }
}

/** The named destinations (catalog /Dests and the /Names tree) and the bookmarks. */
function scaleDestinations(pdf: PdfObjects, catalog: PDFDict, dests: DestinationScaler): void {
  const named = catalog.get(N('Dests'));
  const dict = pdf.resolve(named);
  if (dict instanceof PDFDict) {
    for (const value of dict.values()) dests.dest(value);
    if (named instanceof PDFRef) pdf.assign(named, dict);
  }
  const names = pdf.resolve(catalog.get(N('Names')));
  if (names instanceof PDFDict) scaleNameTree(pdf, names.get(N('Dests')), dests, 0);
  const outlines = pdf.resolve(catalog.get(N('Outlines')));
  if (outlines instanceof PDFDict) scaleOutline(pdf, outlines.get(N('First')), dests, 0);
}

function scaleNameTree(pdf: PdfObjects, ref: PDFObject | undefined, dests: DestinationScaler, depth: number): void {
  const node = pdf.resolve(ref);
  if (!(node instanceof PDFDict) || depth > 32) return;
  const kids = pdf.resolve(node.get(N('Kids')));
  if (kids instanceof PDFArray) for (const k of kids.asArray()) scaleNameTree(pdf, k, dests, depth + 1);
  const pairs = pdf.resolve(node.get(N('Names')));
  if (pairs instanceof PDFArray) for (let i = 1; i < pairs.size(); i += 2) dests.dest(pairs.get(i));
  if (ref instanceof PDFRef) pdf.assign(ref, node);
}

function scaleOutline(pdf: PdfObjects, first: PDFObject | undefined, dests: DestinationScaler, depth: number): void {
  const seen = new Set<PDFObject>();
  for (let ref = first; ref instanceof PDFRef && !seen.has(ref) && depth < 32; ) {
    seen.add(ref);
    const item = pdf.resolve(ref);
    if (!(item instanceof PDFDict)) return;
    dests.action(item);
    pdf.assign(ref, item);
    scaleOutline(pdf, item.get(N('First')), dests, depth + 1);
    ref = item.get(N('Next'));
  }
}

/** Which entries of an explicit destination [page /Kind ...] are coordinates (ISO 32000-1 table 151). */
const COORDINATES: Record<string, number[]> = { XYZ: [2, 3], FitH: [2], FitBH: [2], FitV: [2], FitBV: [2], FitR: [2, 3, 4, 5] };

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
