// A paragraph of one run of plain text, optionally in a paragraph style and with extra space
// before it: the commonest elements of a referat (its body text and section headings, most of its
// paragraphs). docx models one as six to nine components (paragraph, properties, style, run, empty
// run properties, text, attributes) that its writer walks one by one; this one component hands
// docx's writer the very object those produce, so the XML is the same byte for byte
// (docx-plain.test.ts holds it to that) at a fraction of the cost.
import { FileChild, type IXmlableObject } from 'docx';

export class PlainParagraph extends FileChild {
  constructor(
    private readonly text: string,
    private readonly style?: string,
    /** Space before in twips (docx `spacing: { before }`); the writer's flow sets it after a table. */
    private readonly before?: number,
  ) {
    super('w:p');
  }

  override prepForXml(): IXmlableObject {
    const run = { 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, this.text] }] };
    const props: IXmlableObject[] = [];
    if (this.style) props.push({ 'w:pStyle': { _attr: { 'w:val': this.style } } });
    if (this.before) props.push({ 'w:spacing': { _attr: { 'w:before': this.before } } });
    return { 'w:p': props.length > 0 ? [{ 'w:pPr': props }, run] : [run] };
  }
}
