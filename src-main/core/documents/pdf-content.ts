// Marks as artifacts what no structure element claims in a page's content stream. Chromium tags
// the page's own content (marked content with an MCID) but paints the CSS margin boxes, the
// running header and the "Side X af Y" footer, as bare content, which PDF/UA (ISO 14289-1 §7.1)
// forbids. Each such text or path object is wrapped in `/Artifact <</Type /Pagination>> BDC … EMC`,
// as an assistive reader expects of page furniture. One pass over the bytes, no string per token:
// a 166-page meeting has some 4 MB of content.

/** An operator that matters here, with where its operands begin and where it ends. */
export type ContentOp = { op: Op; start: number; end: number };

export const enum Op { BT, ET, BeginMarked, EMC, PathStart, Paint, EndPathNoPaint, Object }

// Character classes: 1 whitespace, 2 delimiter, 0 regular.
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

const key = (s: string): number => [...s].reduce((h, c) => h * 256 + c.charCodeAt(0), 0);
/** Operators by their bytes as a number (each at most 3 bytes). */
const OPS = new Map<number, Op>([
  [key('BT'), Op.BT], [key('ET'), Op.ET], [key('BDC'), Op.BeginMarked], [key('BMC'), Op.BeginMarked], [key('EMC'), Op.EMC],
  [key('m'), Op.PathStart], [key('re'), Op.PathStart],
  ...['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'].map((o): [number, Op] => [key(o), Op.Paint]),
  [key('n'), Op.EndPathNoPaint], [key('Do'), Op.Object], [key('sh'), Op.Object],
]);
const BI = key('BI');
const ID = key('ID');

/**
 * The operators of a content stream that open or close objects and marked content; strings,
 * arrays, dictionaries and inline images skipped. With `skipMarked`, the inside of each
 * marked-content sequence is not read token by token: the search jumps from marker to marker
 * (only its nesting matters). That is safe only without literal strings, where "EMC" could be
 * text; Chromium writes all text as hex strings.
 */
export function contentOps(s: Uint8Array, skipMarked = false): ContentOp[] {
  const ops: ContentOp[] = [];
  const markers = skipMarked ? markerFinder(s) : null;
  const n = s.length;
  let i = 0;
  let opStart = -1;
  let biStart = -1;
  while (i < n) {
    const c = s[i]!;
    const cls = CLASS[c]!;
    if (cls === 1) { i++; continue; }
    if (c === 0x25) { while (i < n && s[i] !== 0x0a && s[i] !== 0x0d) i++; continue; } // % comment
    if (opStart < 0) opStart = i;
    if (cls === 2) {
      if (c === 0x28) {
        // Literal string: nested parentheses, backslash escapes.
        let depth = 0;
        for (; i < n; i++) {
          const d = s[i]!;
          if (d === 0x5c) i++;
          else if (d === 0x28) depth++;
          else if (d === 0x29 && --depth === 0) break;
        }
        i++;
      } else if (c === 0x3c && s[i + 1] !== 0x3c) {
        while (i < n && s[i] !== 0x3e) i++; // hex string
        i++;
      } else if (c === 0x2f) {
        i++;
        while (i < n && CLASS[s[i]!] === 0) i++; // name
      } else {
        i += (c === 0x3c || c === 0x3e) && s[i + 1] === c ? 2 : 1; // << >> [ ] { }
      }
      continue;
    }
    const tokStart = i;
    let h = 0;
    while (i < n && CLASS[s[i]!] === 0) h = h * 256 + s[i++]!;
    const len = i - tokStart;
    // Numbers and true/false/null are operands; anything else is an operator.
    if (c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || (len >= 4 && (h === key('true') || h === key('null') || h === key('false')))) continue;
    if (len <= 3) {
      if (h === BI) {
        biStart = opStart;
        continue; // its dictionary runs on to ID
      }
      if (h === ID) {
        // Inline image data runs to whitespace, "EI", whitespace.
        i++;
        while (i < n && !(CLASS[s[i - 1]!] === 1 && s[i] === 0x45 && s[i + 1] === 0x49 && (i + 2 >= n || CLASS[s[i + 2]!] === 1))) i++;
        i += 2;
        ops.push({ op: Op.Object, start: biStart, end: i });
        opStart = -1;
        continue;
      }
      const op = OPS.get(h);
      if (op !== undefined) ops.push({ op, start: opStart, end: i });
      if (op === Op.BeginMarked && markers) {
        // Jump to the EMC that closes this sequence, passing the markers nested in it.
        let depth = 1;
        while (depth > 0) {
          const m = markers(i);
          if (!m) return ops; // unbalanced: what was found stands
          ops.push(m);
          depth += m.op === Op.EMC ? -1 : 1;
          i = m.end;
        }
      }
    }
    opStart = -1;
  }
  return ops;
}

const isSpace = (c: number | undefined): boolean => c === undefined || CLASS[c] === 1;

/** Finds the next BDC, BMC or EMC token at or after a position (each search resumes where it last stopped). */
function markerFinder(s: Uint8Array): (from: number) => ContentOp | null {
  const buf = Buffer.from(s.buffer, s.byteOffset, s.byteLength);
  const names = ['BDC', 'BMC', 'EMC'] as const;
  const next = [-1, -1, -1];
  const find = (k: number, from: number): number => {
    for (let at = buf.indexOf(names[k]!, from, 'latin1'); at >= 0; at = buf.indexOf(names[k]!, at + 1, 'latin1')) {
      const before = s[at - 1];
      // A token: after whitespace or the end of a dictionary, before whitespace or the end.
      if ((isSpace(before) || before === 0x3e || before === 0x5d) && isSpace(s[at + 3])) return at;
    }
    return Infinity;
  };
  return (from) => {
    let best = 0;
    for (let k = 0; k < 3; k++) {
      if (next[k]! < from) next[k] = find(k, from);
      if (next[k]! < next[best]!) best = k;
    }
    const at = next[best]!;
    if (at === Infinity) return null;
    return { op: best === 2 ? Op.EMC : Op.BeginMarked, start: at, end: at + 3 };
  };
}

/** Byte ranges of content outside any marked-content sequence: text objects, painted paths, XObjects, shadings and inline images. */
export function unmarkedRanges(ops: ContentOp[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  for (let k = 0; k < ops.length; k++) {
    const { op, start } = ops[k]!;
    if (op === Op.BeginMarked) depth++;
    else if (op === Op.EMC) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (op === Op.BT) {
      // A text object that holds marked content of its own is left as it is.
      let j = k + 1;
      while (j < ops.length && ops[j]!.op !== Op.ET && ops[j]!.op !== Op.BeginMarked) j++;
      if (j < ops.length && ops[j]!.op === Op.ET) out.push({ start, end: ops[j]!.end });
      k = j;
      if (ops[j]?.op === Op.BeginMarked) depth++;
    } else if (op === Op.PathStart) {
      let j = k;
      while (j < ops.length && ops[j]!.op !== Op.Paint && ops[j]!.op !== Op.EndPathNoPaint) j++;
      // A path ended by "n" only clips: it paints nothing, so it needs no marking.
      if (j < ops.length && ops[j]!.op === Op.Paint) out.push({ start, end: ops[j]!.end });
      k = j;
    } else if (op === Op.Object) {
      out.push({ start, end: ops[k]!.end });
    }
  }
  return out;
}

const ARTIFACT_OPEN = new TextEncoder().encode('/Artifact <</Type /Pagination>> BDC\n');
const ARTIFACT_CLOSE = new TextEncoder().encode('\nEMC');

/** The content stream with every unmarked range wrapped as a pagination artifact; the same bytes when there is none. */
export function markArtifacts(s: Uint8Array): Uint8Array {
  // Chromium writes no literal strings; a stream with one is read token by token.
  const ranges = unmarkedRanges(contentOps(s, s.indexOf(0x28) < 0));
  if (ranges.length === 0) return s;
  const out = new Uint8Array(s.length + ranges.length * (ARTIFACT_OPEN.length + ARTIFACT_CLOSE.length));
  let from = 0;
  let at = 0;
  const copy = (b: Uint8Array): void => {
    out.set(b, at);
    at += b.length;
  };
  for (const r of ranges) {
    copy(s.subarray(from, r.start));
    copy(ARTIFACT_OPEN);
    copy(s.subarray(r.start, r.end));
    copy(ARTIFACT_CLOSE);
    from = r.end;
  }
  copy(s.subarray(from));
  return out;
}
