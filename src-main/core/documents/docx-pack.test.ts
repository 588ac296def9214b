// The packer: the native path is in use (a docx release that moves its compiler fails here rather
// than going quietly slower), and the zip holds exactly the parts docx's own Packer writes.
import { strFromU8, unzipSync } from 'fflate';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { nativePacking, packDocx } from './docx-pack';

const sample = (): Document =>
  new Document({
    numbering: { config: [] },
    sections: [{ children: [new Paragraph({ children: [new TextRun('Æble, øl og ålegræs'), new TextRun({ text: ' <&> fed', bold: true })] })] }],
  });

const partsOf = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

describe('packDocx', () => {
  it('packs through the native path', () => {
    expect(nativePacking).toBe(true);
  });

  it('writes the same parts, in the same order, as docx Packer', async () => {
    const doc = sample();
    const ours = partsOf(await packDocx(doc));
    const theirs = partsOf(await Packer.toBuffer(doc));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(ours['word/document.xml']).toContain('Æble, øl og ålegræs</w:t>');
    expect(ours['word/document.xml']).toContain(' &lt;&amp;&gt; fed</w:t>');
    for (const name of Object.keys(theirs)) expect({ name, xml: ours[name] }).toEqual({ name, xml: theirs[name] });
  });
});
