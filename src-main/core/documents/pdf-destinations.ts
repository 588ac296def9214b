// Reads a Chromium (Skia) PDF's named destinations: for every link target, the page it landed on.
// Skia writes a classic cross-reference table and plain (uncompressed) dictionaries for the
// catalog, the page tree and /Dests, so a small reader over the xref offsets is enough.
const latin1 = new TextDecoder('latin1');

/** The named destinations (name -> page, from 1) and the number of pages. */
export type PdfLayout = { destinations: Map<string, number>; pageCount: number };

export function readPdfLayout(pdf: Uint8Array): PdfLayout {
  const text = latin1.decode(pdf);
  const offsets = xrefOffsets(text);
  const object = (n: number): string => {
    const at = offsets.get(n);
    if (at === undefined) throw new Error(`PDF object ${n} is not in the cross-reference table`);
    const end = text.indexOf('endobj', at);
    return text.slice(at, end === -1 ? undefined : end);
  };
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = ref(trailer, 'Root');
  if (root === null) throw new Error('The PDF has no document catalog');
  const catalog = object(root);
  const pagesRoot = ref(catalog, 'Pages');
  const destsRef = ref(catalog, 'Dests');
  const out = new Map<string, number>();
  if (pagesRoot === null) return { destinations: out, pageCount: 0 };

  const pageIndex = new Map<number, number>();
  const walk = (n: number): void => {
    const node = object(n);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      for (const m of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(m[1]));
    } else {
      pageIndex.set(n, pageIndex.size + 1);
    }
  };
  walk(pagesRoot);
  if (destsRef === null) return { destinations: out, pageCount: pageIndex.size };

  for (const m of object(destsRef).matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = pageIndex.get(Number(m[2]));
    if (page !== undefined) out.set(decodeName(m[1]!), page);
  }
  return { destinations: out, pageCount: pageIndex.size };
}

function xrefOffsets(text: string): Map<number, number> {
  const start = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1] ?? NaN);
  if (!Number.isFinite(start) || !text.startsWith('xref', start)) throw new Error('The PDF has no classic cross-reference table');
  const out = new Map<number, number>();
  const re = /(\d+)\s+(\d+)\r?\n/y;
  let pos = start + 4;
  while (/\s/.test(text[pos] ?? '')) pos++;
  for (;;) {
    re.lastIndex = pos;
    const head = re.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    pos = re.lastIndex;
    for (let i = 0; i < count; i++) {
      const entry = text.slice(pos, pos + 20);
      if (entry[17] === 'n') out.set(first + i, Number(entry.slice(0, 10)));
      pos += 20;
    }
  }
  return out;
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

const decodeName = (name: string): string => name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
