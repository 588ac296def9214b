// The PDF: the HTML writer's page printed by Chromium, so that the table of contents prints the
// page each chapter really starts on. Where the chapters land is learnt before printing, from the
// same layout on screen with each page a column (cheap), or from a first print; the final print's
// named destinations (every in-document link target gets one) then confirm the numbers, and a
// wrong guess is printed again. Numbers are never taken on trust.
import type { Referat } from './build-referat';
import { MEASURE_STYLE_ID, renderHtml } from './html-writer';
import { documentMeta } from './document-meta';
import { PRINT_SCALE } from './layout';
import { readPdfLayout, type PdfLayout } from './pdf-destinations';
import type * as PdfFinish from './pdf-finish';

/**
 * What prints one self-contained HTML page to PDF. Two implementations:
 * - `playwrightPrinter` (pdf-playwright.ts): Chromium through playwright-core, for tests, the CLI and the browser shell;
 * - the desktop shell's (src-main/electron): `webContents.printToPDF` of a hidden, sandboxed window.
 *
 * Contract for an implementation:
 * - load `html` as it is (it holds everything: styles, the logo as a data: URL, no remote content) and wait for load;
 * - print with the page's own CSS page size and margins (`preferCSSPageSize: true`), backgrounds on, and no
 *   browser header or footer (`displayHeaderFooter: false`: the page's CSS margin boxes print "Side X af Y");
 * - when `final` is true, make the shipped file: tagged (Electron `generateTaggedPDF: true`, Playwright
 *   `tagged: true`) and with a bookmark outline (`generateDocumentOutline: true` / `outline: true`); when it is
 *   false the print only measures where chapters land, so the cheaper untagged print is fine;
 * - return the PDF bytes; prints may be asked for one after another, never concurrently on one printer.
 */
export interface PdfPrinter {
  print(html: string, options: { final: boolean }): Promise<Uint8Array>;
  /**
   * Optional: loads `html` (the HTML writer's `columns` layout, in which each page is a column)
   * and evaluates `COLUMN_PAGES_SCRIPT` in it, returning its result: for each in-document link
   * target, the page (column) it starts on. Costs a page load, not a print. A printer without
   * it measures with a print. Not concurrently with `print`.
   */
  measure?(html: string): Promise<[string, number][]>;
  /**
   * Optional, with `measure`: prints the page `measure` loaded last, as `print` would print the
   * HTML writer's page with these numbers, without loading it again: evaluates
   * `unmeasureScript(pages)` in it (the measuring style removed, each TOC number written in)
   * and prints. The page must be the one measured, unprinted since.
   */
  printMeasured?(pages: [string, number][], options: { final: boolean }): Promise<Uint8Array>;
  /** True when final prints are tagged PDF (StructTreeRoot), as both implementations above are. */
  readonly tagged: boolean;
}

/** Runs the jobs given to it one after another (a printer's prints and measurements share one page); a failed job does not hold up the next. */
export function oneAtATime(): <T>(job: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
}

/**
 * Run in the measured page (a string, so no bundler helper leaks into it): each link target's
 * column, counted from the body's left edge in column widths; an element split over columns
 * starts in its leftmost one.
 */
export const COLUMN_PAGES_SCRIPT = `(() => {
  const body = document.body.getBoundingClientRect();
  const out = [];
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = a.getAttribute('href').slice(1);
    const target = document.getElementById(id);
    if (target) out.push([id, Math.round((target.getBoundingClientRect().left - body.left) / body.width) + 1]);
  }
  return out;
})()`;

/**
 * Run in the measured page before printing it: the page becomes what the HTML writer writes with
 * these numbers (its measuring style removed, each TOC slot holding its chapter's page).
 */
export const unmeasureScript = (pages: [string, number][]): string => `((pages) => {
  document.getElementById(${JSON.stringify(MEASURE_STYLE_ID)})?.remove();
  for (const a of document.querySelectorAll('nav.toc a')) {
    const page = pages[a.getAttribute('href').slice(1)];
    const slot = a.querySelector('.p');
    if (page !== undefined && slot) slot.textContent = String(page);
  }
})(${JSON.stringify(Object.fromEntries(pages))})`;

export type PdfResult = {
  /** The PDF; with `finish: false` the bare print, its pages PRINT_SCALE times A4 (only its numbers are of use). */
  bytes: Uint8Array;
  /** The page each chapter starts on, by anchor: the numbers the TOC prints and the .docx reuses. */
  pages: Map<string, number>;
  /** How many times the page was printed (1 when the cached numbers were already right). */
  prints: number;
  pageCount: number;
};

const MAX_PRINTS = 4;

export type PdfOptions = {
  /** PDF/A-2 as well as PDF/UA-1 (the archive copy). */
  archive?: boolean;
  /** False when only the page numbers are wanted (for the .docx): the print is not made a PDF/UA file. */
  finish?: boolean;
};

/**
 * Prints the document with a right table of contents, and makes the print a PDF/UA file
 * (pdf-finish.ts). `knownPages` (the page cache) lets the first print be the final one; the
 * numbers are still checked against what was printed.
 */
export async function renderPdf(doc: Referat, printer: PdfPrinter, knownPages?: ReadonlyMap<string, number>, options: PdfOptions = {}): Promise<PdfResult> {
  const anchors = doc.chapters.map((c) => c.anchor);
  let pages: ReadonlyMap<string, number> | undefined = knownPages && anchors.every((a) => knownPages.has(a)) ? knownPages : undefined;
  let prints = 0;
  // Without numbers, measure first, with same-width placeholders in the TOC: on screen, each page
  // a column, where the printer can; else with an untagged print whose chapters are laid out but
  // not drawn.
  // The measured page is printed as it stands, numbers written in, when the printer can.
  let onPage = false;
  if (!pages && printer.measure) {
    const measured = new Map(await printer.measure(renderHtml(doc, { measureOnly: true, columns: true, printScale: PRINT_SCALE })));
    if (anchors.every((a) => measured.has(a))) {
      pages = measured;
      onPage = printer.printMeasured !== undefined;
    }
  }
  if (!pages) {
    prints++;
    pages = chapterPages(readPdfLayout(await printer.print(renderHtml(doc, { measureOnly: true, printScale: PRINT_SCALE, printOnly: true }), { final: false })), anchors);
  }
  for (;;) {
    prints++;
    const final = options.finish !== false;
    const bytes = onPage ? await printer.printMeasured!([...pages], { final }) : await printer.print(renderHtml(doc, { pages, printScale: PRINT_SCALE, printOnly: true }), { final });
    onPage = false;
    const layout = readPdfLayout(bytes);
    const printed = chapterPages(layout, anchors);
    if (samePages(printed, pages) || prints >= MAX_PRINTS) {
      const linkTitles = new Map(doc.chapters.map((c) => [c.anchor, c.tocTitle]));
      const finished = options.finish === false ? bytes : await finishPdf(bytes, { meta: documentMeta(doc), archive: options.archive === true, linkTitles, pageScale: 1 / PRINT_SCALE });
      return { bytes: finished, pages: printed, prints, pageCount: layout.pageCount };
    }
    pages = printed;
  }
}

function chapterPages({ destinations: dests }: PdfLayout, anchors: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of anchors) {
    const page = dests.get(a);
    if (page === undefined) throw new Error(`The printed PDF has no destination for ${a}; the table of contents cannot be numbered.`);
    out.set(a, page);
  }
  return out;
}

/** The PDF library behind pdf-finish.ts loads with the first PDF, not with the core. */
async function finishPdf(...args: Parameters<typeof PdfFinish.finishPdf>): ReturnType<typeof PdfFinish.finishPdf> {
  return (await import('./pdf-finish')).finishPdf(...args);
}

export function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
