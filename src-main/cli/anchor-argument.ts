// The value of `referent verify --anchor`: an anchor, or a file that holds one.
import fs from 'node:fs';
import { AppError } from '../core/errors';
import { bundleJsonHead } from '../core/exchange/bundle';
import { parseAnchor, type Anchor } from '../core/seal/anchor';

/** How much of a file is read to find its anchor: an export writes it second, after "format". */
const HEAD_BYTES = 64 * 1024;
/** An export whose anchor is not at its start is parsed whole only up to this size. */
const WHOLE_JSON_LIMIT = 64 * 1024 * 1024;

// `{ "format": "referent/v1", "anchor": "…"`, as both export writers begin (any spacing).
const HEAD_ANCHOR = /^\s*\{\s*(?:"format"\s*:\s*"[^"]*"\s*,\s*)?"anchor"\s*:\s*"([^"]*)"/;

/**
 * The anchor a `--anchor` value names: the anchor itself, or a file that holds one: an anchor
 * sidecar, a referent/v1 export or .referent.zip bundle (its "anchor" field), or any text whose
 * first line is one. An export is read only as far as its anchor, so an archive of any size
 * (longer than a JavaScript string may be) serves as well as a small one.
 */
export function readAnchorArgument(value: string, wholeJsonLimit = WHOLE_JSON_LIMIT): Anchor {
  const direct = parseAnchor(value);
  if (direct) return direct;
  let head: Buffer;
  let size: number;
  try {
    ({ head, size } = readHead(value));
  } catch {
    throw new AppError('Invalid', `--anchor ${value}: neither an anchor (HASH:LENGTH, 64 hexadecimal digits, a colon and a number) nor a readable file.`,
      `--anchor ${value}: hverken et anker (HASH:LÆNGDE, 64 hexadecimale cifre, et kolon og et tal) eller en fil, der kan læses.`,
    );
  }
  const found = head[0] === 0x50 && head[1] === 0x4b ? fromBundle(value, wholeJsonLimit) : fromText(value, head, size, wholeJsonLimit);
  if (found) return found;
  throw new AppError('Invalid', `--anchor ${value}: the file holds no anchor (a first line HASH:LENGTH, or an export's "anchor" field).`,
    `--anchor ${value}: filen indeholder intet anker (en første linje HASH:LÆNGDE eller et eksports "anchor"-felt).`,
  );
}

function readHead(file: string): { head: Buffer; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return { head: head.subarray(0, n), size };
  } finally {
    fs.closeSync(fd);
  }
}

function fromText(file: string, head: Buffer, size: number, wholeJsonLimit: number): Anchor | null {
  const text = head.toString('utf8');
  const firstLine = parseAnchor(text.split('\n', 1)[0] ?? '');
  if (firstLine) return firstLine;
  const atStart = HEAD_ANCHOR.exec(text);
  if (atStart) return parseAnchor(atStart[1]!);
  // An export written by other means may have its fields in another order.
  if (size > wholeJsonLimit) return null;
  return fromJsonText(size <= head.length ? text : fs.readFileSync(file, 'utf8'));
}

/** A bundle's referent.json is inflated only as far as its anchor, or whole up to the same limit as plain JSON. */
function fromBundle(file: string, wholeJsonLimit: number): Anchor | null {
  const bytes = fs.readFileSync(file);
  const { head } = bundleJsonHead(bytes, file, HEAD_BYTES);
  const atStart = HEAD_ANCHOR.exec(head.toString('utf8'));
  if (atStart) return parseAnchor(atStart[1]!);
  const all = bundleJsonHead(bytes, file, wholeJsonLimit + 1);
  return all.whole ? fromJsonText(all.head.toString('utf8')) : null;
}

function fromJsonText(text: string): Anchor | null {
  try {
    const doc = JSON.parse(text) as { anchor?: unknown };
    return typeof doc.anchor === 'string' ? parseAnchor(doc.anchor) : null;
  } catch {
    return null;
  }
}
