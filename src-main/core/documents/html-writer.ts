// The HTML writer: renders the document tree as one self-contained page, printed to PDF by
// Chromium (Electron's printToPDF or playwright-core) and shown as the in-app preview.
// Page size, margins, fonts and spacing match the .docx writer (layout.ts), so page numbers hold.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Block, Chapter, Referat } from './build-referat';
import { parseMarkdown, safeHref } from './markdown';
import { LAYOUT } from './layout';

const toHast = unified().use(remarkRehype);
const stringify = unified().use(rehypeStringify);

export type HtmlOptions = {
  /** Page numbers of the chapters by anchor; without them the slots print a same-width placeholder. */
  pages?: ReadonlyMap<string, number> | undefined;
  /** Width of the page-number slots in digits, so that filling them in moves nothing. */
  pageDigits?: number | undefined;
  /** The in-app preview: no page numbers are known, so the slots stay empty. */
  preview?: boolean | undefined;
  /**
   * A print that only measures where chapters land: their text is laid out but not drawn
   * (visibility keeps the layout, so the pages break exactly as in the real print), which
   * makes the print several times cheaper. The TOC stays drawn: its links make the destinations.
   */
  measureOnly?: boolean | undefined;
};

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cssString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

export function renderHtml(doc: Referat, options: HtmlOptions = {}): string {
  const digits = options.pageDigits ?? 3;
  const out: string[] = [];
  const measure = options.measureOnly ? '.chapter { visibility: hidden; } @page { @top-left { content: none; } @bottom-center { content: none; } }' : '';
  out.push(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${css(doc, digits)}${measure}</style></head><body>`);
  out.push('<header class="masthead">');
  if (doc.organization.logo) {
    out.push(`<img class="logo" alt="${escapeHtml(doc.organization.name ?? 'Logo')}" src="data:${escapeHtml(doc.organization.logo.mime)};base64,${doc.organization.logo.base64}">`);
  }
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
        `<li><a href="#${c.anchor}"><span class="t">${escapeHtml(c.tocTitle)}</span><span class="leader" aria-hidden="true"></span><span class="p">${page !== undefined ? String(page) : options.preview ? '' : '0'.repeat(digits)}</span></a></li>`,
      );
    }
    out.push('</ol></nav>');
  }
  for (const c of doc.chapters) out.push(chapter(c));
  out.push('</body></html>');
  return out.join('');
}

function chapter(c: Chapter): string {
  const parts = [`<section class="chapter${c.newPage ? '' : ' run-on'}"><h1 id="${c.anchor}">${escapeHtml(c.heading)}</h1>`];
  for (const b of c.blocks) parts.push(block(b));
  parts.push('</section>');
  return parts.join('');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return b.level === 3 ? `<h3>${escapeHtml(b.text)}</h3>` : `<h2>${escapeHtml(b.text)}</h2>`;
    case 'lines':
      return b.lines.map((l) => `<p${b.role ? ` class="${b.role}"` : ''}>${escapeHtml(l)}</p>`).join('');
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
    return [child];
  }) as typeof node.children;
}

function css(doc: Referat, digits: number): string {
  const L = LAYOUT;
  const org = doc.organization.name ? `@top-left { content: ${cssString(doc.organization.name)}; font: ${L.smallPt}pt '${L.font}'; color: #444; }` : '';
  return `
@page { size: A4; margin: ${L.marginTopMm}mm ${L.marginRightMm}mm ${L.marginBottomMm}mm ${L.marginLeftMm}mm;
  ${org}
  @bottom-center { content: "Side " counter(page) " af " counter(pages); font: ${L.smallPt}pt '${L.font}'; } }
html { font-family: '${L.font}', Arial, sans-serif; font-size: ${L.bodyPt}pt; line-height: ${L.lineHeight}; color: #000; }
body { margin: 0; }
p, ul, ol, table { margin: 0 0 ${L.afterPt}pt 0; }
ul, ol { padding-left: ${L.listIndentMm}mm; }
li > p, li > ul, li > ol { margin: 0; }
li { margin: 0; }
h1, h2, h3 { line-height: ${L.lineHeight}; }
h1, h2 { white-space: pre-wrap; break-after: avoid; font-weight: bold; line-height: ${L.lineHeight}; }
h1 { font-size: ${L.h1Pt}pt; margin: 0 0 ${L.h1AfterPt}pt 0; }
h2 { font-size: ${L.h2Pt}pt; margin: 0 0 ${L.afterPt}pt 0; padding-top: ${L.h2BeforePt}pt; }
h3, h4, h5, h6 { font-size: ${L.bodyPt}pt; margin: 0 0 ${L.afterPt}pt 0; padding-top: ${L.afterPt}pt; }
.chapter { break-before: page; }
.chapter.run-on { break-before: auto; padding-top: ${L.runOnBeforePt}pt; }
table.signatures.sheet td { height: ${L.signatureRowMm}mm; }
.masthead { display: flex; align-items: center; gap: 4mm; margin-bottom: ${L.afterPt}pt; }
.masthead .logo { height: ${L.logoHeightMm}mm; }
.masthead .org { margin: 0; font-weight: bold; display: none; }
.masthead:empty { display: none; }
.doc-title { font-size: ${L.titlePt}pt; font-weight: bold; margin: 0 0 ${L.h1AfterPt}pt 0; }
table { border-collapse: collapse; }
.chapter table { width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #000; padding: 1pt 4pt; vertical-align: top; }
th:not([align]) { text-align: left; }
table.facts th, table.facts td { border: none; padding: 0 6mm ${L.afterPt}pt 0; }
table.facts th { font-weight: bold; white-space: nowrap; }
.toc-heading { font-size: ${L.h2Pt}pt; font-weight: bold; margin: ${L.h2BeforePt}pt 0 ${L.afterPt}pt 0; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 0 0 ${L.tocAfterPt}pt 0; }
.toc a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
.toc .leader { flex: 1; border-bottom: 1pt dotted #000; margin: 0 2mm; min-width: 5mm; }
.toc .p { display: inline-block; min-width: ${digits}ch; text-align: right; font-variant-numeric: tabular-nums; }
.case { font-weight: bold; }
.note { font-style: italic; }
a { color: #1a4d8f; }
@media screen {
  html { background: #e9e9e9; }
  body { background: #fff; max-width: 170mm; margin: 12px auto; padding: 16mm 20mm; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .masthead .org { display: block; }
  .chapter { border-top: 1px dashed #bbb; margin-top: 12mm; padding-top: 8mm; }
}`;
}
