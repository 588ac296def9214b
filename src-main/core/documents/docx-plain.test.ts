// PlainParagraph writes exactly what docx writes for a paragraph of one unformatted text run.
import { strFromU8, unzipSync } from 'fflate';
import { Document, HeadingLevel, Paragraph, TextRun, type FileChild } from 'docx';
import { describe, expect, it } from 'vitest';
import { packDocx } from './docx-pack';
import { PlainParagraph } from './docx-plain';

const texts = ['Godkendt', '', '  spaces kept  ', 'Æ ø å – “quotes” \'single\' <tag> & amp', 'tab\there', 'ctrl\u0001char', '{numbered-1}'];

async function documentXml(children: FileChild[]): Promise<string> {
  const files = unzipSync(await packDocx(new Document({ sections: [{ children }] })));
  return strFromU8(files['word/document.xml']!);
}

describe('PlainParagraph', () => {
  it('writes the same XML as a docx Paragraph with one TextRun', async () => {
    const ours = await documentXml(texts.map((t) => new PlainParagraph(t)));
    const theirs = await documentXml(texts.map((t) => new Paragraph({ children: [new TextRun(t)] })));
    expect(ours).toBe(theirs);
    expect(ours).toContain('<w:p><w:r><w:t xml:space="preserve">Godkendt</w:t></w:r></w:p>');
  });

  it('writes the same XML as a docx Paragraph in a style with one TextRun', async () => {
    const ours = await documentXml(texts.flatMap((t) => [new PlainParagraph(t, 'Heading2'), new PlainParagraph(t, 'Small')]));
    const theirs = await documentXml(
      texts.flatMap((t) => [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(t)] }), new Paragraph({ style: 'Small', children: [new TextRun(t)] })]),
    );
    expect(ours).toBe(theirs);
    expect(ours).toContain('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Godkendt</w:t></w:r></w:p>');
  });

  it('writes the same XML as a docx Paragraph with space before, in a style or not', async () => {
    const ours = await documentXml(texts.flatMap((t) => [new PlainParagraph(t, undefined, 120), new PlainParagraph(t, 'Heading2', 330)]));
    const theirs = await documentXml(
      texts.flatMap((t) => [
        new Paragraph({ spacing: { before: 120 }, children: [new TextRun(t)] }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 330 }, children: [new TextRun(t)] }),
      ]),
    );
    expect(ours).toBe(theirs);
    expect(ours).toContain('<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:spacing w:before="330"/></w:pPr>');
  });
});
