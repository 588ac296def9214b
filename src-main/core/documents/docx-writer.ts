// The .docx writer: renders the document tree with real Heading styles, a bookmark per chapter,
// a TOC field already filled in (links and page numbers, for LibreOffice) that Word updates on
// opening, "Side X af Y" in the footer, da-DK as the language. The page numbers come in as input
// (from the PDF of the same tree); page, margins and fonts match the PDF (layout.ts).
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
  TableLayoutType,
  HeightRule,
  type FileChild,
} from 'docx';
import type { Block, Chapter, Referat } from './build-referat';
import { LAYOUT, mmToTwip, ptToTwip } from './layout';
import { markdownToDocx, NUMBERING } from './docx-markdown';
import { imageSize } from './image-size';
import { packDocx } from './docx-pack';
import { PlainParagraph } from './docx-plain';

export type DocxOptions = {
  /** The page each chapter starts on, by anchor (from the PDF layout); missing numbers print blank. */
  pages?: ReadonlyMap<string, number> | undefined;
};

const PAGE = { width: 11906, height: 16838 };
const TEXT_WIDTH_TWIPS = PAGE.width - mmToTwip(LAYOUT.marginLeftMm) - mmToTwip(LAYOUT.marginRightMm);
const exact = (pt: number) => ({ line: ptToTwip(pt * LAYOUT.lineHeight), lineRule: LineRuleType.EXACT });
const half = (pt: number): number => Math.round(pt * 2);

export function buildDocx(doc: Referat, options: DocxOptions = {}): Document {
  const body: FileChild[] = [];
  const logo = logoRun(doc);
  // The logo heads the first page, as in the PDF; the running header carries the name only.
  if (logo) body.push(new Paragraph({ spacing: { after: ptToTwip(LAYOUT.afterPt), line: 240, lineRule: LineRuleType.AUTO }, children: [logo] }));
  body.push(new Paragraph({ style: 'DocTitle', children: [new TextRun(doc.title)] }));
  body.push(factsTable(doc));
  if (doc.chapters.length > 0) {
    body.push(new Paragraph({ style: 'TocHeading', children: [new TextRun(doc.tocHeading)] }));
    body.push(
      new TableOfContents(doc.tocHeading, {
        hyperlink: true,
        headingStyleRange: '1-1',
        beginDirty: true,
        cachedEntries: doc.chapters.map((c) => ({ title: c.tocTitle, level: 1, href: c.anchor, ...(options.pages?.has(c.anchor) ? { page: options.pages.get(c.anchor)! } : {}) })),
      }),
    );
  }
  const numbering = { next: 1 };
  for (const c of doc.chapters) body.push(...chapter(c, numbering));

  return new Document({
    title: doc.title,
    subject: doc.committee,
    creator: 'Referent',
    description: doc.public ? 'Offentlig udgave' : '',
    features: { updateFields: true },
    styles: styles(),
    numbering: { config: NUMBERING(numbering.next) },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: {
              top: mmToTwip(LAYOUT.marginTopMm),
              bottom: mmToTwip(LAYOUT.marginBottomMm),
              left: mmToTwip(LAYOUT.marginLeftMm),
              right: mmToTwip(LAYOUT.marginRightMm),
              header: mmToTwip(LAYOUT.headerMm),
              footer: mmToTwip(LAYOUT.footerMm),
            },
          },
        },
        headers: { default: header(doc) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                style: 'Small',
                children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

export function renderDocx(doc: Referat, options: DocxOptions = {}): Promise<Uint8Array> {
  return packDocx(buildDocx(doc, options));
}

function logoRun(doc: Referat): ImageRun | null {
  const logo = doc.organization.logo;
  if (!logo || (logo.mime !== 'image/png' && logo.mime !== 'image/jpeg')) return null;
  const data = Buffer.from(logo.base64, 'base64');
  const size = imageSize(data);
  if (!size) return null;
  const height = Math.round((LAYOUT.logoHeightMm / 25.4) * 96);
  const altText = { name: 'Logo', title: doc.organization.name ?? 'Logo', description: doc.organization.name ?? 'Logo' };
  return new ImageRun({ type: logo.mime === 'image/png' ? 'png' : 'jpg', data, altText, transformation: { height, width: Math.round((size.width / size.height) * height) } });
}

function header(doc: Referat): Header {
  return new Header({ children: [new Paragraph({ style: 'Small', children: doc.organization.name ? [new TextRun(doc.organization.name)] : [] })] });
}

function factsTable(doc: Referat): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const labelWidth = mmToTwip(32);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [labelWidth, TEXT_WIDTH_TWIPS - labelWidth],
    borders,
    rows: doc.facts.map(
      (f) =>
        new TableRow({
          children: [
            new TableCell({ borders, width: { size: labelWidth, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: f.label, bold: true })] })] }),
            new TableCell({ borders, width: { size: TEXT_WIDTH_TWIPS - labelWidth, type: WidthType.DXA }, children: [new Paragraph(f.value)] }),
          ],
        }),
    ),
  });
}

function chapter(c: Chapter, numbering: { next: number }): FileChild[] {
  // The page break belongs to the chapter, not the style: the compact decision record runs its items on.
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    ...(c.newPage ? { pageBreakBefore: true } : { spacing: { before: ptToTwip(LAYOUT.runOnBeforePt) } }),
    children: [new Bookmark({ id: c.anchor, children: [new TextRun(c.heading)] })],
  });
  const out: FileChild[] = [heading];
  for (const b of c.blocks) out.push(...block(b, numbering));
  return out;
}

function block(b: Block, numbering: { next: number }): FileChild[] {
  switch (b.type) {
    case 'heading':
      return [new PlainParagraph(b.text, b.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2)];
    case 'lines':
      // Lines without a role are plain text; only the others need run formatting.
      if (!b.role) return b.lines.map((l) => new PlainParagraph(l));
      return b.lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, bold: b.role === 'case', italics: b.role === 'note' })] }));
    case 'markdown':
      return markdownToDocx(b.source, numbering);
    case 'signatures':
      return [signatureTable(b)];
  }
}

/** Before approval each row is a line to sign on (as high as the PDF's); after it, who approved and when. */
function signatureTable(b: Extract<Block, { type: 'signatures' }>): Table {
  const w = Math.floor(TEXT_WIDTH_TWIPS / 2);
  const cell = (text: string, bold = false) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold })] })] });
  const height = b.approved ? {} : { height: { value: mmToTwip(LAYOUT.signatureRowMm), rule: HeightRule.ATLEAST } };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: w * 2, type: WidthType.DXA },
    columnWidths: [w, w],
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Medlem', true), cell(b.approved ? 'Godkendt' : 'Dato og underskrift', true)] }),
      ...b.rows.map((r) => new TableRow({ ...height, children: [cell(r.name), cell(r.status)] })),
    ],
  });
}

function styles() {
  const font = LAYOUT.font;
  const heading = (pt: number, before: number, after: number, pageBreakBefore: boolean) => ({
    run: { font, size: half(pt), bold: true, color: '000000' },
    paragraph: { spacing: { before: ptToTwip(before), after: ptToTwip(after), ...exact(pt) }, keepNext: true, keepLines: true, pageBreakBefore },
  });
  return {
    default: {
      document: {
        run: { font, size: half(LAYOUT.bodyPt), language: { value: 'da-DK' } },
        paragraph: { spacing: { after: ptToTwip(LAYOUT.afterPt), ...exact(LAYOUT.bodyPt) } },
      },
      heading1: heading(LAYOUT.h1Pt, 0, LAYOUT.h1AfterPt, false),
      heading2: heading(LAYOUT.h2Pt, LAYOUT.h2BeforePt, LAYOUT.afterPt, false),
      heading3: heading(LAYOUT.bodyPt, LAYOUT.afterPt, LAYOUT.afterPt, false),
    },
    paragraphStyles: [
      {
        id: 'DocTitle',
        name: 'Document Title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: half(LAYOUT.titlePt), bold: true },
        paragraph: { spacing: { after: ptToTwip(LAYOUT.h1AfterPt), ...exact(LAYOUT.titlePt) } },
      },
      {
        id: 'TocHeading',
        name: 'TOC Heading Referent',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: half(LAYOUT.h2Pt), bold: true },
        paragraph: { spacing: { before: ptToTwip(LAYOUT.h2BeforePt), after: ptToTwip(LAYOUT.afterPt), ...exact(LAYOUT.h2Pt) }, keepNext: true },
      },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: ptToTwip(LAYOUT.tocAfterPt), ...exact(LAYOUT.bodyPt) } } },
      { id: 'Small', name: 'Referent Small', basedOn: 'Normal', run: { size: half(LAYOUT.smallPt) }, paragraph: { spacing: { after: 0, ...exact(LAYOUT.smallPt) } } },
    ],
    // The TOC's entries are linked runs in this style (docx names it); plain text, as in the PDF.
    characterStyles: [{ id: 'IndexLink', name: 'Index Link', run: {} }],
  };
}
