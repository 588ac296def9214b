// The .docx writer: renders the document tree with real Heading styles, a bookmark per chapter, a
// table of contents already filled in (linked entries with their page numbers, so Word shows it as
// it is and asks nothing on opening), "Side X af Y" in the footer, Arial with a complete font
// table, da-DK. The page numbers come in as input (the PDF's, which this layout matches line for
// line: layout.ts); without them the table of contents lists the linked titles only.
// docx builds the package (styles, numbering, header, footer, the front matter); the chapters,
// nearly all of the text, are written as XML directly (docx-xml.ts), for speed.
import { usableLogo } from '../settings/logo';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
  TableLayoutType,
  HeightRule,
  type FileChild,
} from 'docx';
import type { Block, Chapter, Referat } from './build-referat';
import { documentMeta, type DocumentMeta } from './document-meta';
import { afterTableXml, gridTableXml, headingBefore, markdownToDocx, NUMBERING, spacing, takeBefore, type Flow } from './docx-markdown';
import { esc, paragraph, textRun, XmlBody, XmlOut } from './docx-xml';
import { appPropertiesXml, corePropertiesXml, fontTableXml } from './docx-parts';
import { imageSize } from './image-size';
import { packDocx } from './docx-pack';
import { PlainParagraph } from './docx-plain';
import { TocField } from './docx-toc';
import { FONT, LAYOUT, TEXT_WIDTH_TW } from './layout';

export type DocxOptions = {
  /** The page each chapter starts on, by anchor (the PDF's); without them the TOC lists the titles only. */
  pages?: ReadonlyMap<string, number> | undefined;
  /** When the file is made (its core properties); now unless given. */
  at?: Date | undefined;
};

const exact = (tw: number) => ({ line: tw, lineRule: LineRuleType.EXACT });
const half = (pt: number): number => Math.round(pt * 2);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** What follows a front-matter table: nothing yet, so the next paragraph takes the 6 pt; another table needs a spacer line. */
function afterTable(flow: Flow, out: FileChild[], table: Table): void {
  if (flow.pendingBefore > 0) out.push(new Paragraph({ spacing: { before: 0, after: 0, line: flow.pendingBefore, lineRule: LineRuleType.EXACT }, children: [] }));
  flow.pendingBefore = 0;
  out.push(table);
  flow.pendingBefore = LAYOUT.afterTw;
}

/** The docx document, and the chapters written as XML that packing puts into it. */
export function buildDocx(doc: Referat, options: DocxOptions = {}): { file: Document; chapters: XmlBody | null } {
  const meta = documentMeta(doc);
  const body: FileChild[] = [];
  const flow: Flow = { numbering: { next: 1 }, pendingBefore: 0 };
  const logo = logoTable(doc);
  // The logo heads the first page, as in the PDF; the running header carries the name.
  if (logo) afterTable(flow, body, logo);
  body.push(new PlainParagraph(doc.title, 'DocTitle', takeBefore(flow)));
  afterTable(flow, body, factsTable(doc));
  if (doc.chapters.length > 0) {
    body.push(new PlainParagraph(doc.tocHeading, 'TocHeading', headingBefore(flow, LAYOUT.h2BeforeTw)));
    body.push(new TocField(doc.chapters.map((c) => ({ title: c.tocTitle, anchor: c.anchor, page: options.pages?.get(c.anchor) }))));
  }
  let chapters: XmlBody | null = null;
  if (doc.chapters.length > 0) {
    const xml = new XmlOut();
    for (const c of doc.chapters) chapter(c, flow, xml);
    body.push((chapters = new XmlBody(xml)));
  }
  // The seal's line, as the PDF prints it: small, a section's space above.
  if (doc.seal) body.push(new PlainParagraph(doc.seal.text, 'Small', takeBefore(flow, LAYOUT.h2BeforeTw)));

  const file = new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author,
    keywords: meta.keywords.join(', '),
    lastModifiedBy: meta.author,
    styles: styles(),
    numbering: { config: NUMBERING(flow.numbering.next) },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidthTw, height: LAYOUT.pageHeightTw },
            margin: {
              top: LAYOUT.marginTopTw,
              bottom: LAYOUT.marginBottomTw,
              left: LAYOUT.marginLeftTw,
              right: LAYOUT.marginRightTw,
              header: LAYOUT.headerTw,
              footer: LAYOUT.footerTw,
            },
          },
        },
        headers: { default: header(meta) },
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
  return { file, chapters };
}

export function renderDocx(doc: Referat, options: DocxOptions = {}): Promise<Uint8Array> {
  const meta = documentMeta(doc);
  const { file, chapters } = buildDocx(doc, options);
  return packDocx(
    file,
    [
      { path: 'word/fontTable.xml', data: fontTableXml() },
      { path: 'docProps/core.xml', data: corePropertiesXml(meta, options.at ?? new Date()) },
      { path: 'docProps/app.xml', data: appPropertiesXml(meta) },
    ],
    chapters ? { placeholder: XmlBody.PLACEHOLDER, xml: () => chapters.xml } : undefined,
  );
}

/** The logo in a one-cell table of its exact height: an image in a line of exact height is cut off by Word. */
function logoTable(doc: Referat): Table | null {
  const logo = usableLogo(doc.organization.logo);
  if (!logo || (logo.mime !== 'image/png' && logo.mime !== 'image/jpeg')) return null;
  const data = Buffer.from(logo.base64, 'base64');
  const size = imageSize(data);
  if (!size) return null;
  const height = Math.round((LAYOUT.logoHeightTw / 1440) * 96);
  const altText = { name: 'Logo', title: doc.organization.name ?? 'Logo', description: doc.organization.name ?? 'Logo' };
  const image = new ImageRun({ type: logo.mime === 'image/png' ? 'png' : 'jpg', data, altText, transformation: { height, width: Math.round((size.width / size.height) * height) } });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH_TW, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH_TW],
    borders: NO_BORDERS,
    margins: NO_MARGINS,
    rows: [
      new TableRow({
        height: { value: LAYOUT.logoHeightTw, rule: HeightRule.EXACT },
        children: [new TableCell({ borders: NO_BORDERS, width: { size: TEXT_WIDTH_TW, type: WidthType.DXA }, children: [new Paragraph({ spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [image] })] })],
      }),
    ],
  });
}

/** The organisation on the left, committee and date on the right (a right tab at the margin). */
function header(meta: DocumentMeta): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'Small',
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TW }],
        children: [new TextRun(meta.header.left), new TextRun({ children: [new Tab(), meta.header.right] })],
      }),
    ],
  });
}

function factsTable(doc: Referat): Table {
  const label = LAYOUT.factsLabelTw;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH_TW, type: WidthType.DXA },
    columnWidths: [label, TEXT_WIDTH_TW - label],
    borders: NO_BORDERS,
    margins: NO_MARGINS,
    rows: doc.facts.map(
      (f) =>
        new TableRow({
          children: [
            new TableCell({ borders: NO_BORDERS, width: { size: label, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: f.label, bold: true })] })] }),
            new TableCell({ borders: NO_BORDERS, width: { size: TEXT_WIDTH_TW - label, type: WidthType.DXA }, children: [new Paragraph(f.value)] }),
          ],
        }),
    ),
  });
}

function chapter(c: Chapter, flow: Flow, out: XmlOut): void {
  // The page break belongs to the chapter, not the style: the compact decision record runs its items on.
  // After a break nothing carries over from the last chapter; a run-on item takes the larger of
  // what was left and its own space before, as the PDF's collapsing margins do.
  const before = c.newPage ? ((flow.pendingBefore = 0), undefined) : takeBefore(flow, LAYOUT.runOnBeforeTw);
  const id = out.nextBookmarkId();
  paragraph(
    out,
    { style: 'Heading1', pageBreakBefore: c.newPage, ...(c.newPage ? {} : spacing(before)) },
    `<w:bookmarkStart w:name="${esc(c.anchor)}" w:id="${id}"/>${textRun(c.heading)}<w:bookmarkEnd w:id="${id}"/>`,
  );
  c.blocks.forEach((b, i) => {
    const next = c.blocks[i + 1];
    block(b, flow, out, next?.type === 'heading' && next.keepWithPrevious === true);
  });
}

/** A paragraph of one plain run in a style, with space before (docx-plain.ts's PlainParagraph, as XML). */
const plain = (out: XmlOut, text: string, style: string | undefined, before: number | undefined): void =>
  paragraph(out, { style, spacing: before ? { before } : undefined }, textRun(text));

/** `keepLast`: the block's last paragraph keeps with the next block (which must not start a page). */
function block(b: Block, flow: Flow, out: XmlOut, keepLast: boolean): void {
  switch (b.type) {
    case 'heading':
      if (b.level === 3) plain(out, b.text, 'Heading3', headingBefore(flow, LAYOUT.h3BeforeTw));
      else plain(out, b.text, 'Heading2', headingBefore(flow, LAYOUT.h2BeforeTw));
      return;
    case 'lines':
      b.lines.forEach((l, i) => {
        const keep = keepLast && i === b.lines.length - 1;
        const before = takeBefore(flow);
        // Lines without a role are plain text; only the others need run formatting.
        if (!b.role && !keep) plain(out, l, undefined, before);
        else paragraph(out, { keepNext: keep || undefined, ...spacing(before) }, textRun(l, { bold: b.role === 'case', italics: b.role === 'note' }));
      });
      return;
    case 'markdown':
      markdownToDocx(b.source, flow, out, keepLast);
      return;
    case 'signatures': {
      // Before approval each row is a line to sign on (as high as the PDF's); after it, who approved and when.
      const bold = (t: string) => (o: XmlOut) => o.push(textRun(t, { bold: true }));
      const text = (t: string) => (o: XmlOut) => o.push(textRun(t));
      afterTableXml(flow, out, () =>
        gridTableXml(
          out,
          [{ cells: [bold('Medlem'), bold(b.approved ? 'Godkendt' : 'Dato og underskrift')] }, ...b.rows.map((r) => ({ cells: [text(r.name), text(r.status)] }))],
          2,
          keepLast,
          b.approved ? undefined : LAYOUT.signatureRowTw,
        ),
      );
      return;
    }
  }
}

function styles() {
  const font = FONT.name;
  const heading = (pt: number, line: number, before: number, after: number, pageBreakBefore: boolean) => ({
    run: { font, size: half(pt), bold: true, color: '000000' },
    paragraph: { spacing: { before, after, ...exact(line) }, keepNext: true, keepLines: true, pageBreakBefore },
  });
  return {
    default: {
      document: {
        run: { font, size: half(LAYOUT.bodyPt), language: { value: 'da-DK' } },
        paragraph: { spacing: { before: 0, after: LAYOUT.afterTw, ...exact(LAYOUT.bodyLineTw) }, widowControl: true },
      },
      heading1: heading(LAYOUT.h1Pt, LAYOUT.h1LineTw, 0, LAYOUT.h1AfterTw, false),
      heading2: heading(LAYOUT.h2Pt, LAYOUT.h2LineTw, LAYOUT.h2BeforeTw, LAYOUT.afterTw, false),
      heading3: heading(LAYOUT.bodyPt, LAYOUT.bodyLineTw, LAYOUT.h3BeforeTw, LAYOUT.afterTw, false),
    },
    paragraphStyles: [
      {
        id: 'DocTitle',
        name: 'Document Title',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: half(LAYOUT.titlePt), bold: true },
        paragraph: { spacing: { after: LAYOUT.h1AfterTw, ...exact(LAYOUT.h1LineTw) } },
      },
      {
        id: 'TocHeading',
        name: 'TOC Heading Referent',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font, size: half(LAYOUT.h2Pt), bold: true },
        paragraph: { spacing: { before: LAYOUT.h2BeforeTw, after: LAYOUT.afterTw, ...exact(LAYOUT.h2LineTw) }, keepNext: true },
      },
      {
        // The number sits at the margin after dots, on the title's last line (or alone on the next when it
        // does not fit there). No right indent: LibreOffice drops a tab stop beyond the right indent.
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          spacing: { after: LAYOUT.tocAfterTw, ...exact(LAYOUT.bodyLineTw) },
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TW, leader: 'dot' as const }],
        },
      },
      { id: 'Small', name: 'Referent Small', basedOn: 'Normal', run: { size: half(LAYOUT.smallPt) }, paragraph: { spacing: { after: 0, ...exact(LAYOUT.smallLineTw) } } },
    ],
  };
}
