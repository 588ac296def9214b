// The value of `referent verify --anchor`: an anchor, or a file that holds one.
import fs from 'node:fs';
import { AppError } from '../core/errors';
import { readBundle } from '../core/exchange/bundle';
import { parseAnchor, type Anchor } from '../core/seal/anchor';

/**
 * The anchor a `--anchor` value names: the anchor itself, or a file that holds one: an anchor
 * sidecar, a referent/v1 export or .referent.zip bundle (its "anchor" field), or any text whose
 * first line is one.
 */
export function readAnchorArgument(value: string): Anchor {
  const direct = parseAnchor(value);
  if (direct) return direct;
  let text: string;
  try {
    const bytes = fs.readFileSync(value);
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    text = isZip ? JSON.stringify(readBundle(bytes, value).document) : bytes.toString('utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('Invalid', `--anchor ${value}: neither an anchor (HASH:LENGTH, 64 hexadecimal digits, a colon and a number) nor a readable file.`,
      `--anchor ${value}: hverken et anker (HASH:LÆNGDE, 64 hexadecimale cifre, et kolon og et tal) eller en fil, der kan læses.`,
    );
  }
  const firstLine = parseAnchor(text.split('\n', 1)[0] ?? '');
  if (firstLine) return firstLine;
  try {
    const doc = JSON.parse(text) as { anchor?: unknown };
    const fromJson = typeof doc.anchor === 'string' ? parseAnchor(doc.anchor) : null;
    if (fromJson) return fromJson;
  } catch {
    // not JSON: falls through to the refusal below
  }
  throw new AppError('Invalid', `--anchor ${value}: the file holds no anchor (a first line HASH:LENGTH, or an export's "anchor" field).`,
    `--anchor ${value}: filen indeholder intet anker (en første linje HASH:LÆNGDE eller et eksports "anchor"-felt).`,
  );
}
