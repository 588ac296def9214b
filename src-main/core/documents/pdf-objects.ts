// A printed PDF opened for a few changes, through @cantoo/pdf-lib's object model. Chromium's PDFs
// (Skia) have a classic cross-reference table and no object streams; for those, only the objects
// asked for are parsed, and saving copies every other object's bytes as they are, then writes a
// new table. Loading and saving the whole file with pdf-lib instead costs a quarter of a print on
// a 166-page meeting, for the few dozen objects that change. Any other file is loaded whole.
import type { PDFHexString} from '@cantoo/pdf-lib';
import { PDFContext, PDFDict, PDFDocument, PDFName, PDFObjectParser, PDFRef, type PDFObject } from '@cantoo/pdf-lib';

export interface PdfObjects {
  readonly context: PDFContext;
  readonly root: PDFRef;
  /** The object a reference points to, or the object itself. */
  resolve(obj: PDFObject | undefined): PDFObject | undefined;
  /** Replaces the object at `ref` in the saved file. */
  assign(ref: PDFRef, obj: PDFObject): void;
  /** Adds an object; returns its reference. */
  register(obj: PDFObject): PDFRef;
  save(info: PDFDict, id: PDFHexString): Promise<Uint8Array>;
}

const latin1 = new TextDecoder('latin1');
const ascii = new TextEncoder();

export async function openPdf(bytes: Uint8Array): Promise<PdfObjects> {
  return openClassic(bytes) ?? (await openWhole(bytes));
}

type Entry = { offset: number; gen: number };

function openClassic(bytes: Uint8Array): PdfObjects | null {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) return null;
  const xrefAt = Number(sx[1]);
  const head = latin1.decode(bytes.subarray(xrefAt, xrefAt + 64));
  const sub = /^xref\s+0\s+(\d+)\s*\r?\n/.exec(head);
  if (!sub) return null; // a cross-reference stream, or sections: not a file this path knows
  const count = Number(sub[1]);
  const tableAt = xrefAt + sub[0].length;
  const entries: (Entry | null)[] = [];
  for (let i = 0; i < count; i++) {
    const line = latin1.decode(bytes.subarray(tableAt + i * 20, tableAt + i * 20 + 18));
    const m = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
    if (!m) return null;
    entries.push(m[3] === 'n' ? { offset: Number(m[1]), gen: Number(m[2]) } : null);
  }
  const context = PDFContext.create();
  const trailerAt = latin1.decode(bytes.subarray(tableAt + count * 20, tableAt + count * 20 + 32)).indexOf('trailer');
  if (trailerAt < 0) return null;
  const trailer = PDFObjectParser.forBytes(bytes.subarray(tableAt + count * 20 + trailerAt + 7), context).parseObject();
  if (!(trailer instanceof PDFDict)) return null;
  if (trailer.has(PDFName.of('Encrypt')) || trailer.has(PDFName.of('Prev'))) return null;
  const root = trailer.get(PDFName.of('Root'));
  if (!(root instanceof PDFRef)) return null;

  const parsed = new Map<number, PDFObject>();
  const replaced = new Map<number, PDFObject>();
  const added: PDFObject[] = [];
  const load = (ref: PDFRef): PDFObject | undefined => {
    const n = ref.objectNumber;
    const done = replaced.get(n) ?? parsed.get(n) ?? (n >= count ? added[n - count] : undefined);
    if (done) return done;
    const e = entries[n];
    if (!e) return undefined;
    const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1.decode(bytes.subarray(e.offset, e.offset + 32)));
    if (!header || Number(header[1]) !== n) throw new Error(`The printed PDF's object ${n} is not where its table says.`);
    const obj = PDFObjectParser.forBytes(bytes.subarray(e.offset + header[0].length), context).parseObject(ref);
    parsed.set(n, obj);
    return obj;
  };
  return {
    context,
    root,
    resolve: (obj) => (obj instanceof PDFRef ? load(obj) : obj),
    assign: (ref, obj) => void replaced.set(ref.objectNumber, obj),
    register: (obj) => {
      added.push(obj);
      return PDFRef.of(count + added.length - 1);
    },
    save: async (info, id) => {
      // The new Info takes the old one's place: nothing of what the browser wrote about itself stays in the file.
      const oldInfo = trailer.get(PDFName.of('Info'));
      let infoRef: PDFRef;
      if (oldInfo instanceof PDFRef && entries[oldInfo.objectNumber]) {
        infoRef = oldInfo;
        replaced.set(oldInfo.objectNumber, info);
      } else {
        infoRef = PDFRef.of(count + added.length);
        added.push(info);
      }
      // Objects in the order the file holds them; each one's bytes run to where the next begins.
      const order = entries.flatMap((e, n) => (e ? [{ n, ...e }] : [])).sort((a, b) => a.offset - b.offset);
      const chunks: Uint8Array[] = [];
      let size = 0;
      const push = (c: Uint8Array): void => {
        chunks.push(c);
        size += c.length;
      };
      const offsets = new Array<number>(count + added.length).fill(-1);
      // The binary comment marks the file as binary for transfer programs (and PDF/A asks for it).
      push(Uint8Array.from([...ascii.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
      const write = (n: number, obj: PDFObject): void => {
        offsets[n] = size;
        const body = new Uint8Array(obj.sizeInBytes());
        obj.copyBytesInto(body, 0);
        push(ascii.encode(`${n} 0 obj\n`));
        push(body);
        push(ascii.encode('\nendobj\n'));
      };
      order.forEach((o, k) => {
        const obj = replaced.get(o.n);
        if (obj) return write(o.n, obj);
        offsets[o.n] = size;
        push(bytes.subarray(o.offset, k + 1 < order.length ? order[k + 1]!.offset : xrefAt));
      });
      added.forEach((obj, k) => write(count + k, obj));
      const total = count + added.length;
      const xref = ['xref', `0 ${total}`, '0000000000 65535 f '];
      for (let n = 1; n < total; n++) xref.push(offsets[n]! < 0 ? '0000000000 65535 f ' : `${String(offsets[n]).padStart(10, '0')} 00000 n `);
      const trailerDict = context.obj({ Size: total, Root: root, Info: infoRef, ID: context.obj([id, id]) });
      push(ascii.encode(`${xref.join('\n')}\ntrailer\n${trailerDict.toString()}\nstartxref\n${size}\n%%EOF\n`));
      const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
  };
}

/** Any PDF, loaded and saved whole by pdf-lib. */
async function openWhole(bytes: Uint8Array): Promise<PdfObjects> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context } = doc;
  return {
    context,
    root: context.trailerInfo.Root as PDFRef,
    resolve: (obj) => (obj instanceof PDFRef ? context.lookup(obj) : obj),
    assign: (ref, obj) => context.assign(ref, obj),
    register: (obj) => context.register(obj),
    save: async (info, id) => {
      const old = context.trailerInfo.Info;
      if (old instanceof PDFRef) context.assign(old, info);
      else context.trailerInfo.Info = context.register(info);
      context.trailerInfo.ID = context.obj([id, id]);
      return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
    },
  };
}
