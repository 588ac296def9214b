// The HTML writer: renders the document tree as one self-contained page, printed to PDF by
// Chromium (Electron's printToPDF or playwright-core) and shown as the in-app preview.
// Page size, margins, fonts and spacing match the .docx writer (layout.ts) line for line, so a
// heading is printed on the same page in both files: the CSS follows Word's rules where CSS has
// its own (see css()).
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Block, Chapter, Referat } from './build-referat';
import { parseMarkdown, safeHref } from './markdown';
import { FONT, LAYOUT, pt, TEXT_WIDTH_TW } from './layout';
import { documentMeta } from './document-meta';
import { usableLogo } from '../settings/logo';

const toHast = unified().use(remarkRehype);
const stringify = unified().use(rehypeStringify);

export type HtmlOptions = {
  /** Page numbers of the chapters by anchor; without them the slots print a same-width placeholder. */
  pages?: ReadonlyMap<string, number> | undefined;
  /** Digits of the placeholder printed where a number is not known yet: as wide as a number can be. */
  pageDigits?: number | undefined;
  /** The in-app preview: no page numbers are known, so the slots stay empty. */
  preview?: boolean | undefined;
  /**
   * A print that only measures where chapters land: their text is laid out but not drawn
   * (visibility keeps the layout, so the pages break exactly as in the real print), which
   * makes the print several times cheaper. The TOC stays drawn: its links make the destinations.
   */
  measureOnly?: boolean | undefined;
  /**
   * Laid out for measuring on screen, without printing (pdf.ts `PdfPrinter.measure`): the body is
   * a multi-column box whose every column is one page's text area, so Chromium's fragmentation
   * breaks the columns exactly where it breaks the pages (widows, orphans, keep-with-next, table
   * header rows); a chapter's page is its column. The screen-only styles are left out.
   */
  columns?: boolean | undefined;
  /**
   * Every length of the printed page multiplied by this (layout.ts PRINT_SCALE), the PDF finish
   * scaling the pages back to A4: the page is laid out where the text sizes are whole CSS pixels.
   * 1 (the default) for anything shown on screen.
   */
  printScale?: number | undefined;
  /**
   * The page is loaded only to be printed (pdf.ts, a fresh load): nothing of it is laid out on
   * screen. Chromium otherwise lays the whole document out for the screen after loading it and
   * again after printing it, each as costly as the print's own layout.
   */
  printOnly?: boolean | undefined;
};

// Every value put into the page goes through one of these two; nothing is interpolated raw.
/** The one HTML escaping, for text and attribute values alike; the website pages (core/publish) use it too. */
export const escapeHtml = (s: string | number): string =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A CSS string inside <style>: quote, backslash, <, >, & and control characters as hex escapes, so neither a quote nor "</style>" can end it. */
const cssString = (s: string): string =>
  `"${[...s.replace(/[\r\n]+/g, ' ')].map((ch) => (/[\\"<>&\p{Cc}\u2028\u2029]/u.test(ch) ? `\\${ch.codePointAt(0)!.toString(16)} ` : ch)).join('')}"`;

export function renderHtml(doc: Referat, options: HtmlOptions = {}): string {
  const digits = options.pageDigits ?? 3;
  const out: string[] = [];
  const measure = options.measureOnly ? '.chapter { visibility: hidden; } @page { @top-left { content: none; } @bottom-center { content: none; } }' : '';
  // Laid out in columns, the measuring rules stand in a style element of their own, which a
  // printer removes to print the same page as it is (PdfPrinter.printMeasured).
  const scale = options.printScale ?? 1;
  const head = options.columns
    ? `<style>${css(doc, false, scale)}</style><style id="${MEASURE_STYLE_ID}">${measure}${columnsCss(scale)}</style>`
    : `<style>${css(doc, !options.printOnly, scale)}${measure}${options.printOnly ? NOT_ON_SCREEN : ''}</style>`;
  out.push(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>${head}</head><body>`);
  // Only a logo that is real image data of its declared type, and only as a data: URL.
  const logo = usableLogo(doc.organization.logo);
  // The masthead takes room on the page only when it shows a logo (the name is in the running header).
  out.push(`<header class="masthead${logo ? ' with-logo' : ''}">`);
  if (logo) out.push(`<img class="logo" alt="${escapeHtml(doc.organization.name ?? 'Logo')}" src="data:${escapeHtml(logo.mime)};base64,${escapeHtml(logo.base64)}">`);
  if (doc.organization.name) out.push(`<p class="org">${escapeHtml(doc.organization.name)}</p>`);
  out.push('</header>');
  out.push(`<p class="doc-title" role="heading" aria-level="1">${escapeHtml(doc.title)}</p>`);
  out.push('<table class="facts"><tbody>');
  for (const f of doc.facts) out.push(`<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`);
  out.push('</tbody></table>');
  if (doc.chapters.length > 0) {
    out.push(`<nav class="toc" aria-labelledby="toc-heading"><p class="toc-heading" id="toc-heading">${escapeHtml(doc.tocHeading)}</p><ol>`);
    for (const c of doc.chapters) {
      const page = options.pages?.get(c.anchor);
      out.push(
        `<li><a href="#${escapeHtml(c.anchor)}"><span class="t">${escapeHtml(c.tocTitle)}</span><span class="p">${page !== undefined ? escapeHtml(page) : options.preview ? '' : '0'.repeat(digits)}</span></a></li>`,
      );
    }
    out.push('</ol></nav>');
  }
  for (const c of doc.chapters) out.push(chapter(c));
  if (doc.seal) out.push(`<p class="seal">${escapeHtml(doc.seal.text)}</p>`);
  out.push('</body></html>');
  return out.join('');
}

function chapter(c: Chapter): string {
  const parts = [`<section class="chapter${c.newPage ? '' : ' run-on'}"><h1 id="${escapeHtml(c.anchor)}">${escapeHtml(c.heading)}</h1>`];
  for (const b of c.blocks) parts.push(block(b));
  parts.push('</section>');
  return parts.join('');
}

/** One block of a chapter as HTML: the document and the website's item pages render blocks alike. */
export function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return b.level === 3
        ? `<h3${b.keepWithPrevious ? ' class="keep"' : ''}>${escapeHtml(b.text)}</h3>`
        : `<h2${b.keepWithPrevious ? ' class="keep"' : ''}>${escapeHtml(b.text)}</h2>`;
    case 'lines':
      return b.lines.map((l) => `<p${b.role ? ` class="${escapeHtml(b.role)}"` : ''}>${escapeHtml(l)}</p>`).join('');
    case 'markdown':
      return markdown(b.source);
    case 'signatures': {
      // Before approval each row is a line to sign on; after it, who approved and when.
      const head = b.approved ? 'Godkendt' : 'Dato og underskrift';
      return `<table class="signatures${b.approved ? '' : ' sheet'}"><thead><tr><th scope="col">Medlem</th><th scope="col">${head}</th></tr></thead><tbody>${b.rows
        .map((r) => `<tr><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.status)}</td></tr>`)
        .join('')}</tbody></table>`;
    }
  }
}

function markdown(source: string): string {
  // remark-rehype drops raw HTML by default: a section's text can never inject markup.
  const hast = toHast.runSync(parseMarkdown(source)) as HastRoot;
  cleanLinks(hast);
  return stringify.stringify(hast);
}

/** A heading in a section's text ranks below the section's own heading (h2): "# x" becomes h3. */
const HEADING_BELOW_SECTION: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };

/** Keeps only web and mail links; any other target becomes plain text. */
function cleanLinks(node: HastRoot | Element): void {
  node.children = node.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return child.type === 'doctype' ? [] : [child as ElementContent];
    cleanLinks(child);
    if (child.tagName === 'a') {
      const href = typeof child.properties.href === 'string' ? safeHref(child.properties.href) : null;
      if (!href) return child.children;
      child.properties = { href };
    }
    // What the .docx writer cannot show is not printed here either, so both files run as long:
    // images (the documents fetch nothing), footnotes, and task-list boxes (written as text).
    if (child.tagName === 'img') return [];
    if (child.tagName === 'sup' && child.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined)) return [];
    if (child.tagName === 'section' && child.properties.dataFootnotes !== undefined) return [];
    if (child.tagName === 'input' && child.properties.type === 'checkbox') return [{ type: 'text', value: child.properties.checked ? '[x] ' : '[ ] ' }];
    if (child.tagName in HEADING_BELOW_SECTION) child.tagName = HEADING_BELOW_SECTION[child.tagName]!;
    return [child];
  }) as typeof node.children;
}

/** The id of the style element that lays the page out in columns for measuring. */
export const MEASURE_STYLE_ID = 'referent-measure';

/**
 * The page as a column: as wide and as high as the text area the @page rule leaves (the same
 * lengths, so the same rounding), columns overflowing to the right. A chapter's page break is a
 * column break here; a break between columns follows the same rules as one between pages.
 */
function columnsCss(scale: number): string {
  const L = LAYOUT;
  const width = `calc(${210 * scale}mm - ${pt(L.marginLeftTw * scale)} - ${pt(L.marginRightTw * scale)})`;
  return `
body { width: ${width}; height: calc(${297 * scale}mm - ${pt(L.marginTopTw * scale)} - ${pt(L.marginBottomTw * scale)}); column-width: ${width}; column-gap: 0; column-fill: auto; }
.chapter { break-before: column; }
.chapter.run-on { break-before: auto; }`;
}

function css(doc: Referat, screen: boolean, scale: number): string {
  const L = LAYOUT;
  // Every length scaled alike (see HtmlOptions.printScale): twips, points and millimetres.
  const tw = (t: number): string => pt(t * scale);
  const fpt = (p: number): string => `${p * scale}pt`;
  const mm = (m: number): string => `${m * scale}mm`;
  const meta = documentMeta(doc);
  const small = `font: ${fpt(L.smallPt)}/${tw(L.smallLineTw)} ${FONT.css}; color: #444;`;
  const header = [
    meta.header.left ? `@top-left { content: ${cssString(meta.header.left)}; ${small} }` : '',
    `@top-right { content: ${cssString(meta.header.right)}; ${small} text-align: right; }`,
  ].join(' ');
  const tableWidth = tw(TEXT_WIDTH_TW);
  // Word's space before and after are CSS's margins: between two paragraphs the larger of the two
  // (margins collapse), none at the top of a page after a natural break (margins truncate there).
  const h2Top = L.h2BeforeTw;
  const h3Top = L.h3BeforeTw;
  return `
@page { size: ${mm(210)} ${mm(297)}; margin: ${tw(L.marginTopTw)} ${tw(L.marginRightTw)} ${tw(L.marginBottomTw)} ${tw(L.marginLeftTw)};
  ${header}
  @bottom-center { content: "Side " counter(page) " af " counter(pages); ${small} color: #000; } }
html { font-family: ${FONT.css}; font-size: ${fpt(L.bodyPt)}; line-height: ${tw(L.bodyLineTw)}; color: #000;
  font-kerning: none; font-variant-ligatures: none; orphans: 2; widows: 2; }
body { margin: 0; }
p, ul, ol, table, pre { margin: 0 0 ${tw(L.afterTw)} 0; }
ul, ol { padding-left: ${tw(L.listIndentTw)}; }
li, li > p, li > ul, li > ol { margin: 0; }
blockquote { margin: 0; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; white-space: pre-wrap; break-after: avoid; break-inside: avoid; }
h1 { font-size: ${fpt(L.h1Pt)}; line-height: ${tw(L.h1LineTw)}; margin: 0 0 ${tw(L.h1AfterTw)} 0; }
h2 { font-size: ${fpt(L.h2Pt)}; line-height: ${tw(L.h2LineTw)}; margin: ${tw(h2Top)} 0 ${tw(L.afterTw)} 0; }
h3, h4, h5, h6 { font-size: ${fpt(L.bodyPt)}; line-height: ${tw(L.bodyLineTw)}; margin: ${tw(h3Top)} 0 ${tw(L.afterTw)} 0; }
h2.keep, h3.keep { break-before: avoid; }
/* Another font inside a line must not make the line taller: Word's lines are exactly one height. */
code { font-family: ${FONT.monoCss}; font-size: 1em; line-height: 0; }
pre { font-family: ${FONT.monoCss}; font-size: ${fpt(L.bodyPt)}; white-space: pre-wrap; }
hr { border: 0; border-bottom: ${fpt(0.75)} solid #000; height: ${tw(L.bodyLineTw - 15)}; margin: 0 0 ${tw(L.afterTw)} 0; }
.chapter { break-before: page; }
/* A run-on item's space above collapses with the space below the last one, as Word takes the larger. */
.chapter.run-on { break-before: auto; }
.chapter.run-on > h1 { margin-top: ${tw(L.runOnBeforeTw)}; }
table.signatures.sheet td { height: ${tw(L.signatureRowTw)}; }
.masthead { display: none; }
.masthead.with-logo { display: flex; align-items: center; gap: ${mm(4)}; height: ${tw(L.logoHeightTw)}; margin-bottom: ${tw(L.afterTw)}; }
.masthead .logo { height: ${tw(L.logoHeightTw)}; }
.masthead .org { margin: 0; font-weight: bold; display: none; }
.doc-title { font-size: ${fpt(L.titlePt)}; line-height: ${tw(L.h1LineTw)}; font-weight: bold; margin: 0 0 ${tw(L.h1AfterTw)} 0; }
table { border-collapse: collapse; }
.chapter table { width: ${tableWidth}; table-layout: fixed; }
/* Word measures a cell's padding from the grid line, CSS from the inside of the border (half of 0.5pt). */
th, td { border: ${fpt(0.5)} solid #000; padding: ${tw(L.cellPadVTw)} ${tw(L.cellPadHTw - 5)}; vertical-align: top; }
th:not([align]) { text-align: left; }
table.facts { width: ${tableWidth}; table-layout: fixed; }
table.facts th, table.facts td { border: none; padding: 0 0 ${tw(L.afterTw)} 0; }
table.facts th { width: ${tw(L.factsLabelTw)}; font-weight: bold; }
.toc-heading { font-size: ${fpt(L.h2Pt)}; line-height: ${tw(L.h2LineTw)}; font-weight: bold; margin: ${tw(h2Top)} 0 ${tw(L.afterTw)} 0; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 0 0 ${tw(L.tocAfterTw)} 0; }
/* Word's right tab with dots at the margin: the number goes on the title's last line when it fits
   there, else alone on the next (a float does just that). The dots run under the whole last line;
   the title and the number cover them (shadows, which take no room, make the gaps). */
.toc a { display: flow-root; position: relative; color: inherit; text-decoration: none; }
.toc a::before { content: ""; position: absolute; left: 0; right: 0; bottom: ${fpt(2.5)}; border-bottom: ${fpt(1.2)} dotted #000; }
.toc .t { position: relative; background: #fff; box-shadow: ${fpt(2)} 0 0 #fff; }
.toc .p { float: right; position: relative; background: #fff; box-shadow: ${fpt(-2)} 0 0 #fff; }
.case { font-weight: bold; }
.seal { font: ${fpt(L.smallPt)}/${tw(L.smallLineTw)} ${FONT.css}; color: #444; margin: ${tw(L.h2BeforeTw)} 0 0; overflow-wrap: anywhere; }
.note { font-style: italic; }
a { color: #1a4d8f; }
${screen ? SCREEN_CSS : ''}`;
}

/** A page only printed is not laid out on screen at all (HtmlOptions.printOnly). */
const NOT_ON_SCREEN = '@media screen { html { display: none; } }';

/** How the page looks in the in-app preview (not printed, not measured). */
const SCREEN_CSS = `@media screen {
  html { background: #e9e9e9; }
  body { background: #fff; max-width: 170mm; margin: 12px auto; padding: 16mm 20mm; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .masthead { display: flex; align-items: center; gap: 4mm; margin-bottom: ${pt(LAYOUT.afterTw)}; }
  .masthead .org { display: block; }
  .chapter { border-top: 1px dashed #bbb; margin-top: 12mm; padding-top: 8mm; }
}`;
