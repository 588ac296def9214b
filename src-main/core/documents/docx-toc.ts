// The table of contents as Word writes one: a TOC field in a "Table of Contents" content control,
// its result filled in with one paragraph per chapter, each linked to the chapter's bookmark, with
// its page number after a dotted tab. Word and LibreOffice show the filled-in result as it is (no
// field is marked dirty, so nothing asks to be updated on opening); Word's "Update Table" still
// rebuilds it from the headings. The number is plain text, not a PAGEREF field: LibreOffice shows
// a PAGEREF inside a table of contents as nothing at all. Without a number an entry is the linked
// title alone, with no dots leading to nothing.
import { FileChild, type IXmlableObject } from 'docx';

export type TocEntry = { title: string; anchor: string; page?: number | undefined };

const t = (text: string): IXmlableObject => ({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] });
const run = (...children: IXmlableObject[]): IXmlableObject => ({ 'w:r': children });
const fldChar = (type: 'begin' | 'separate' | 'end'): IXmlableObject => run({ 'w:fldChar': { _attr: { 'w:fldCharType': type } } });
const instr = (text: string): IXmlableObject => run({ 'w:instrText': [{ _attr: { 'xml:space': 'preserve' } }, text] });

export class TocField extends FileChild {
  constructor(private readonly entries: readonly TocEntry[]) {
    super('w:sdt');
  }

  override prepForXml(): IXmlableObject {
    const last = this.entries.length - 1;
    const paragraphs = this.entries.map((e, i) => {
      const link: IXmlableObject[] = [run(t(e.title))];
      if (e.page !== undefined) {
        link.push(run({ 'w:tab': {} }, t(String(e.page))));
      }
      const children: IXmlableObject[] = [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'TOC1' } } }] }];
      if (i === 0) children.push(fldChar('begin'), instr(' TOC \\o "1-1" \\h \\z \\u '), fldChar('separate'));
      children.push({ 'w:hyperlink': [{ _attr: { 'w:anchor': e.anchor, 'w:history': 1 } }, ...link] });
      if (i === last) children.push(fldChar('end'));
      return { 'w:p': children };
    });
    return {
      'w:sdt': [
        { 'w:sdtPr': [{ 'w:docPartObj': [{ 'w:docPartGallery': { _attr: { 'w:val': 'Table of Contents' } } }, { 'w:docPartUnique': {} }] }] },
        { 'w:sdtContent': paragraphs },
      ],
    };
  }
}
