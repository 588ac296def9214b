// A paragraph of one run of plain text, optionally in a paragraph style: the commonest elements of
// a referat (its body text and section headings, most of its paragraphs). docx
// models one as six to nine components (paragraph, properties, style, run, empty run properties,
// text, attributes) that its writer walks one by one; this one component hands docx's writer the
// very object those produce, so the XML is the same byte for byte (docx-plain.test.ts holds it to
// that) at a fraction of the cost.
import { FileChild, type IXmlableObject } from 'docx';

export class PlainParagraph extends FileChild {
  constructor(
    private readonly text: string,
    private readonly style?: string,
  ) {
    super('w:p');
  }

  override prepForXml(): IXmlableObject {
    const run = { 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, this.text] }] };
    return { 'w:p': this.style ? [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': this.style } } }] }, run] : [run] };
  }
}
