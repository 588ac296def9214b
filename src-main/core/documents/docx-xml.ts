// The .docx body written as WordprocessingML strings. The chapters are nearly all of a referat's
// document.xml (600 KB for 60 items); through docx's object model each paragraph became half a
// dozen components, walked, turned into objects and serialized, which was most of the .docx's
// time. These functions write the very XML docx wrote for the same options (same elements,
// attribute order and escaping: docx-body.test.ts holds them to docx's own output), and XmlBody
// puts the result into docx's document where the chapters belong, with the numbering and link
// relationships registered with docx as its own paragraphs would.
import { FileChild, type IContext, type IXmlableObject } from 'docx';
import { FONT } from './layout';

// docx's escaping (the xml package's): markup characters as entities, other control characters
// dropped (XML 1.0 has no way to write them).
/* eslint-disable no-control-regex */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const ESCAPABLE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const NEEDS_ESCAPING = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
/* eslint-enable no-control-regex */
export const esc = (s: string): string => (NEEDS_ESCAPING.test(s) ? s.replace(ESCAPABLE, (c) => ESCAPES[c] ?? '') : s);

export type RunStyle = { bold?: boolean | undefined; italics?: boolean | undefined; strike?: boolean | undefined; link?: boolean; mono?: boolean; underline?: boolean };

const MONO = `<w:rFonts w:ascii="${FONT.mono}" w:cs="${FONT.mono}" w:eastAsia="${FONT.mono}" w:hAnsi="${FONT.mono}"/>`;
const onOff = (name: string, v: boolean | undefined): string => (v === undefined ? '' : v ? `<w:${name}/><w:${name}Cs/>` : `<w:${name} w:val="false"/><w:${name}Cs w:val="false"/>`);

function runProps(s: RunStyle): string {
  const p =
    (s.link ? '<w:rStyle w:val="Hyperlink"/>' : '') +
    (s.mono ? MONO : '') +
    onOff('b', s.bold) +
    onOff('i', s.italics) +
    (s.strike === undefined ? '' : s.strike ? '<w:strike/>' : '<w:strike w:val="false"/>') +
    (s.underline ? '<w:u w:val="single"/>' : '');
  return p === '' ? '' : `<w:rPr>${p}</w:rPr>`;
}

/** A run of text (docx `new TextRun({ text, ... })`). */
export const textRun = (text: string, style: RunStyle = {}): string => `<w:r>${runProps(style)}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** A line break (`new TextRun({ break: 1 })`). */
export const BREAK_RUN = '<w:r><w:br/></w:r>';
/** An underlined tab (`new TextRun({ children: [new Tab()], underline: {} })`). */
export const UNDERLINED_TAB_RUN = '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:tab/></w:r>';

/** What the body needs from docx's document: a list's numbering id, an external link's relationship id. */
export type Slot = { numbering: string } | { link: string };

/** The body as it is written: XML with slots for the ids docx hands out when the document is packed. */
export class XmlOut {
  readonly parts: (string | Slot)[] = [];
  private bookmarks = 0;

  push(xml: string): void {
    this.parts.push(xml);
  }

  slot(s: Slot): void {
    this.parts.push(s);
  }

  nextBookmarkId(): number {
    return ++this.bookmarks;
  }
}

export type Spacing = { after?: number | undefined; before?: number | undefined; line?: number; lineRule?: 'exact' };

/** Paragraph properties, in the order docx writes them. */
export type ParagraphProps = {
  style?: string | undefined;
  keepNext?: boolean | undefined;
  pageBreakBefore?: boolean;
  /** A list paragraph: its list's numbering reference and level (style ListParagraph unless another is given). */
  numbering?: { reference: string; level: number };
  tabRight?: number;
  spacing?: Spacing | undefined;
  indentLeft?: number;
  align?: 'left' | 'center' | 'right';
};

function spacingXml(s: Spacing): string {
  const a =
    (s.after !== undefined ? ` w:after="${s.after}"` : '') +
    (s.before !== undefined ? ` w:before="${s.before}"` : '') +
    (s.line !== undefined ? ` w:line="${s.line}"` : '') +
    (s.lineRule !== undefined ? ` w:lineRule="${s.lineRule}"` : '');
  return `<w:spacing${a}/>`;
}

/** Opens a paragraph and writes its properties; the caller writes the content and `</w:p>` (or uses `paragraph`). */
export function openParagraph(out: XmlOut, p: ParagraphProps, empty = false): void {
  let x = '';
  if (p.numbering && !p.style) x += '<w:pStyle w:val="ListParagraph"/>';
  if (p.style) x += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.numbering) {
    out.push(`<w:p><w:pPr>${x}<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="`);
    out.slot({ numbering: p.numbering.reference });
    x = '"/></w:numPr>';
  } else if (x === '' && !(p.tabRight !== undefined || p.spacing || p.indentLeft !== undefined || p.align)) {
    out.push(empty ? '<w:p/>' : '<w:p>');
    return;
  } else {
    x = `<w:p><w:pPr>${x}`;
  }
  if (p.tabRight !== undefined) x += `<w:tabs><w:tab w:val="right" w:pos="${p.tabRight}"/></w:tabs>`;
  if (p.spacing) x += spacingXml(p.spacing);
  if (p.indentLeft !== undefined) x += `<w:ind w:left="${p.indentLeft}"/>`;
  if (p.align) x += `<w:jc w:val="${p.align}"/>`;
  out.push(`${x}</w:pPr>${empty ? '</w:p>' : ''}`);
}

/** A paragraph whose content is already written as XML. */
export function paragraph(out: XmlOut, p: ParagraphProps, content: string): void {
  openParagraph(out, p, content === '');
  if (content !== '') out.push(`${content}</w:p>`);
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
// docx moves a fragment of up to this many characters from the link's target to w:anchor.
const MAX_ANCHOR_LENGTH = 255;

/** An external link around runs already written (`new ExternalHyperlink({ link, children })`). */
export function hyperlink(out: XmlOut, link: string, runs: string): void {
  const hash = link.indexOf('#');
  const fragment = hash > 0 && link.length - hash - 1 > 0 && link.length - hash - 1 <= MAX_ANCHOR_LENGTH ? link.slice(hash + 1) : null;
  out.push(`<w:hyperlink w:history="1"${fragment !== null ? ` w:anchor="${esc(fragment)}"` : ''} r:id="`);
  out.slot({ link });
  out.push(`">${runs}</w:hyperlink>`);
}

type Relationships = { addRelationship(id: string, type: string, target: string, targetMode?: string): void };
type Numbering = {
  createConcreteNumberingInstance(reference: string, instance: number): void;
  readonly ConcreteNumbering: readonly { numId: number; reference: string; instance: number }[];
};

/**
 * The chapters in docx's document: written out when docx prepares the document for packing (its
 * numbering and relationships exist then), and left as a placeholder element that packDocx
 * replaces with `xml`.
 */
export class XmlBody extends FileChild {
  static readonly PLACEHOLDER = '<referent:body/>';
  xml = '';

  constructor(private readonly out: XmlOut) {
    super('referent:body');
  }

  override prepForXml(context: IContext): IXmlableObject {
    const numbering = (context.file as unknown as { Numbering: Numbering }).Numbering;
    const relationships = (context.viewWrapper as unknown as { Relationships: Relationships }).Relationships;
    const numIds = new Map<string, number>();
    let links = 0;
    const text = this.out.parts.map((p) => {
      if (typeof p === 'string') return p;
      if ('numbering' in p) {
        let id = numIds.get(p.numbering);
        if (id === undefined) {
          // As a docx paragraph of the list does: its concrete numbering, made on first use.
          numbering.createConcreteNumberingInstance(p.numbering, 0);
          id = numbering.ConcreteNumbering.find((c) => c.reference === p.numbering && c.instance === 0)!.numId;
          numIds.set(p.numbering, id);
        }
        return String(id);
      }
      const hash = p.link.indexOf('#');
      const target = hash > 0 && p.link.length - hash - 1 > 0 && p.link.length - hash - 1 <= MAX_ANCHOR_LENGTH ? p.link.slice(0, hash) : p.link;
      const id = `Link${++links}`;
      relationships.addRelationship(id, HYPERLINK, target, 'External');
      return `rId${id}`;
    });
    this.xml = text.join('');
    return { 'referent:body': {} };
  }
}
