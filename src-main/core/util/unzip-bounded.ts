// Opens a .zip (a .referent.zip bundle, an .xlsx workbook) without trusting it: every entry's
// declared size and compression ratio is checked against limits before anything is inflated,
// names may not repeat (a second "referent.json" would silently replace the first), and each
// entry is inflated into a buffer of its declared size, so an entry that lies about its size
// comes out truncated (and then fails its hash or its parse), never larger.
import { unzipSync } from 'fflate';
import { AppError } from '../errors';

export type ZipLimits = {
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalBytes: number;
  /** Inflated / compressed, for entries of more than 1 MB (text compresses 5-20x; a bomb 1000x). */
  maxRatio: number;
};

const MB = 1 << 20;
const size = (n: number): string => (n >= MB ? `${Math.round(n / MB)} MB` : `${n} bytes`);

/**
 * `unreadable` says what the file is not, when it is no zip at all (given the parser's reason).
 * `leave`: entries checked against the limits like every other but not inflated here: the caller
 * streams them (e.g. a bundle's referent.json, which may be longer than a JavaScript string), told
 * each one's declared size, past which it must not let the entry inflate.
 */
export function unzipBounded(bytes: Uint8Array, name: string, limits: ZipLimits, unreadable?: (reason: string) => { en: string; da: string }, leave?: (entry: string, declaredSize: number) => boolean): Record<string, Uint8Array> {
  const refuse = (en: string, da: string): never => {
    throw new AppError('Invalid', `${name}: ${en}`, `${name}: ${da}.`);
  };
  const seen = new Set<string>();
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (seen.has(f.name)) refuse(`the archive holds "${f.name}" twice`, `arkivet indeholder "${f.name}" to gange`);
        seen.add(f.name);
        if (seen.size > limits.maxEntries) refuse(`the archive holds more than ${limits.maxEntries} files`, `arkivet indeholder mere end ${limits.maxEntries} filer`);
        if (f.originalSize > limits.maxEntryBytes) refuse(`"${f.name}" unpacks to ${size(f.originalSize)}, more than the ${size(limits.maxEntryBytes)} allowed`, `"${f.name}" fylder ${size(f.originalSize)} udpakket, mere end de tilladte ${size(limits.maxEntryBytes)}`);
        total += f.originalSize;
        if (total > limits.maxTotalBytes) refuse(`the archive unpacks to more than ${size(limits.maxTotalBytes)}`, `arkivet fylder mere end ${size(limits.maxTotalBytes)} udpakket`);
        if (f.originalSize > MB && f.originalSize / Math.max(1, f.size) > limits.maxRatio)
          refuse(`"${f.name}" is compressed ${Math.round(f.originalSize / Math.max(1, f.size))} times, more than any real file (a zip bomb?)`, `"${f.name}" er pakket ${Math.round(f.originalSize / Math.max(1, f.size))} gange, mere end nogen rigtig fil (en zip-bombe?)`);
        return !leave?.(f.name, f.originalSize);
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const what = unreadable?.((e as Error).message) ?? { en: `not a readable zip archive (${(e as Error).message})`, da: `er ikke et læsbart zip-arkiv (${(e as Error).message})` };
    return refuse(what.en, what.da);
  }
}
