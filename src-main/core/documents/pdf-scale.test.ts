// Every kind of destination a PDF can hold is scaled exactly once by the finish's scaling, however
// the file shares them: Chromium's outline entries carry a /Dest that was scaled twice once (a
// bookmark then jumped far above its heading), and a destination reached by reference from two
// places, or a GoTo action kept by reference, is as easy to scale twice or never.
import type { PDFArray, PDFNumber} from '@cantoo/pdf-lib';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from './pdf-objects';
import { scaleDocument } from './pdf-scale';

const N = (n: string): PDFName => PDFName.of(n);

/** A one-page file with each kind of destination; every coordinate in it is 100 × its number. */
async function everyKind(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([600, 800]);
  const { context } = doc;
  const p = page.ref;
  const xyz = (k: number): PDFArray => context.obj([p, N('XYZ'), 100 * k, 100 * k, 0]);
  const shared = context.register(xyz(1)); // a named destination and a bookmark share this object
  const sharedByNames = context.register(xyz(2)); // the /Dests dictionary and the /Names tree share this one
  const action = context.register(context.obj({ S: 'GoTo', D: context.obj([p, N('FitH'), 300]) }));
  const names = context.register(context.obj({ Names: [PDFHexString.fromText('n1'), context.obj({ D: xyz(4) }), PDFHexString.fromText('n2'), sharedByNames] }));
  doc.catalog.set(N('Dests'), context.register(context.obj({ a: shared, b: sharedByNames, c: xyz(5) })));
  doc.catalog.set(N('Names'), context.obj({ Dests: names }));
  const link = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [100, 100, 200, 200], Dest: xyz(6), A: context.obj({ S: 'GoTo', D: xyz(7) }) }));
  page.node.set(N('Annots'), context.obj([link]));
  const outlines = context.nextRef();
  const items = [context.nextRef(), context.nextRef(), context.nextRef(), context.nextRef()];
  const item = (i: number, entries: Record<string, PDFObject>): void => {
    const d = context.obj({ Title: PDFHexString.fromText(`b${i}`), Parent: outlines, ...entries });
    if (i > 0) d.set(N('Prev'), items[i - 1]!);
    if (i < items.length - 1) d.set(N('Next'), items[i + 1]!);
    context.assign(items[i]!, d);
  };
  item(0, { Dest: shared });
  item(1, { Dest: xyz(8) }); // direct, as Chromium writes them
  item(2, { A: action }); // a GoTo action by reference
  item(3, { Dest: context.obj({ D: xyz(9) }) });
  context.assign(outlines, context.obj({ Type: 'Outlines', First: items[0]!, Last: items[3]!, Count: 4 }));
  doc.catalog.set(N('Outlines'), outlines);
  return doc.save({ useObjectStreams: false });
}

/** Every explicit destination in the saved file, by where it was reached from: its coordinates. */
async function coordinates(bytes: Uint8Array): Promise<Record<string, number[]>> {
  const doc = await PDFDocument.load(bytes);
  const { context } = doc;
  const look = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? context.lookup(o) : o);
  const nums = (o: PDFObject | undefined): number[] => {
    let d = look(o);
    if (d instanceof PDFDict) d = look(d.get(N('D')));
    return (d as PDFArray).asArray().slice(2).map((x) => (look(x) as PDFNumber).asNumber());
  };
  const out: Record<string, number[]> = {};
  const dests = look(doc.catalog.get(N('Dests'))) as PDFDict;
  for (const [k, v] of dests.entries()) out[`dests ${k.decodeText()}`] = nums(v);
  const tree = look((look(doc.catalog.get(N('Names'))) as PDFDict).get(N('Dests'))) as PDFDict;
  const pairs = look(tree.get(N('Names'))) as PDFArray;
  for (let i = 0; i < pairs.size(); i += 2) out[`names ${(pairs.get(i) as PDFHexString).decodeText()}`] = nums(pairs.get(i + 1));
  const link = look((look(doc.getPage(0).node.get(N('Annots'))) as PDFArray).get(0)) as PDFDict;
  out['link Dest'] = nums(link.get(N('Dest')));
  out['link GoTo'] = nums((look(link.get(N('A'))) as PDFDict).get(N('D')));
  let item = look((look(doc.catalog.get(N('Outlines'))) as PDFDict).get(N('First'))) as PDFDict | undefined;
  while (item) {
    const title = (item.get(N('Title')) as PDFHexString).decodeText();
    out[`bookmark ${title}`] = nums(item.get(N('Dest')) ?? (look(item.get(N('A'))) as PDFDict).get(N('D')));
    item = look(item.get(N('Next'))) as PDFDict | undefined;
  }
  return out;
}

describe('scaleDocument', () => {
  it('scales each destination once: named, in the names tree, a link\'s, a GoTo action\'s, a bookmark\'s, shared or not', async () => {
    const bytes = await everyKind();
    const before = await coordinates(bytes);
    const pdf = await openPdf(bytes);
    const catalog = pdf.resolve(pdf.root) as PDFDict;
    const pagesRoot = pdf.resolve(catalog.get(N('Pages'))) as PDFDict;
    const ref = (pdf.resolve(pagesRoot.get(N('Kids'))) as PDFArray).get(0) as PDFRef;
    scaleDocument(pdf, catalog, [{ ref, node: pdf.resolve(ref) as PDFDict }], 0.5);
    pdf.assign(pdf.root, catalog);
    const after = await coordinates(await pdf.save(pdf.context.obj({}), PDFHexString.fromText('x')));

    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(Object.keys(after)).toHaveLength(11);
    const halved = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.map((n) => n / 2)]));
    expect(after).toEqual(halved);
  });
});
