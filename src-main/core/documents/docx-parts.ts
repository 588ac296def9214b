// The .docx parts that docx writes empty or generic, written whole here: the font table (so Word
// on Windows finds Arial by its PANOSE and signature instead of substituting and re-flowing), and
// the document properties (title, author, subject, language, the program that made it).
import type { DocumentMeta } from './document-meta';

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Each font the document names, as Word itself describes it in fontTable.xml. */
const FONTS: Record<string, string> = {
  Arial:
    '<w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>' +
    '<w:sig w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/>',
  'Courier New':
    '<w:panose1 w:val="02070309020205020404"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>' +
    '<w:sig w:usb0="E0002EFF" w:usb1="C0007843" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/>',
};

export function fontTableXml(): string {
  const fonts = Object.entries(FONTS).map(([name, props]) => `<w:font w:name="${name}">${props}</w:font>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts.join('')}</w:fonts>`
  );
}

/** The font names the table describes (a test checks every font the document uses is among them). */
export const FONT_TABLE_NAMES = Object.keys(FONTS);

/** docProps/core.xml: Dublin Core title, author, subject, keywords and language. */
export function corePropertiesXml(meta: DocumentMeta, at: Date): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(meta.title)}</dc:title>` +
    `<dc:subject>${xmlText(meta.subject)}</dc:subject>` +
    `<dc:creator>${xmlText(meta.author)}</dc:creator>` +
    `<cp:keywords>${xmlText(meta.keywords.join(', '))}</cp:keywords>` +
    `<dc:language>${meta.language}</dc:language>` +
    `<cp:lastModifiedBy>${xmlText(meta.author)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the program that made the file ("Referent 0.1.0") and the publishing organisation. */
export function appPropertiesXml(meta: DocumentMeta): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${xmlText(meta.creator)}</Application>` +
    `<Company>${xmlText(meta.author)}</Company>` +
    '<DocSecurity>0</DocSecurity>' +
    '</Properties>'
  );
}
