// Danish text as search sees it, the same for the index and for a query: words as SQLite's
// unicode61 tokenizer splits them (letters and digits; æ, ø and å are letters of their own and
// are never folded to a, o), each word's Snowball stem, and case numbers as one token.
import { stemmer } from '@orama/stemmers/danish';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_UNIT = /^[\p{L}\p{N}\p{M}]$/u;
const SURROGATE = /[\ud800-\udfff]/;

/** Per UTF-16 unit: 0 not yet known, 1 part of a word, 2 not. Filled as units are met. */
const unitKind = new Uint8Array(65536);

function isWordUnit(code: number): boolean {
  let k = unitKind[code]!;
  if (k === 0) unitKind[code] = k = WORD_UNIT.test(String.fromCharCode(code)) ? 1 : 2;
  return k === 1;
}

/**
 * The words of a text (of at least `minLength` units), lower-cased, in order: what `[\p{L}\p{N}\p{M}]+` matches. Scanned a
 * UTF-16 unit at a time against a table, which indexing an import's texts does in half the time
 * of the regular expression; a text with characters outside the BMP takes the expression.
 */
export function words(text: string, minLength = 1): string[] {
  const lower = text.toLowerCase();
  if (SURROGATE.test(lower)) return (lower.match(WORD) ?? []).filter((w) => w.length >= minLength);
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordUnit(lower.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isWordUnit(lower.charCodeAt(i))) i++;
    // A word too short for the caller is never cut out of the text.
    if (i - start >= minLength) out.push(lower.slice(start, i));
  }
  return out;
}

/** The words of a text with where each stands in it (for marking matches in a snippet). */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  // Lower-cased once, not word by word, where that keeps every place (it nearly always does).
  const lower = text.toLowerCase();
  if (lower.length === text.length && !SURROGATE.test(lower)) {
    // Scanned against the table as words() does: a search cuts 50 snippets' stretches into words,
    // and a regular expression's match object per word was a fifth of what a search allocated.
    const n = lower.length;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordUnit(lower.charCodeAt(i))) i++;
      if (i === n) break;
      const start = i;
      while (i < n && isWordUnit(lower.charCodeAt(i))) i++;
      out.push({ word: lower.slice(start, i), start, end: i });
    }
    return out;
  }
  const source = lower.length === text.length ? lower : null;
  const re = new RegExp(WORD.source, 'gu');
  for (let m = re.exec(source ?? text); m !== null; m = re.exec(source ?? text)) {
    out.push({ word: source ? m[0] : m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A copy of a word that does not hold on to the text it was cut from. V8 keeps a word matched in
 * a text as a slice of that whole text, so a cache keyed by such words would keep every text in
 * which a word first appeared (an archive's worth, in an import).
 */
export const ownCopy = (word: string): string => Buffer.from(word, 'utf8').toString('utf8');

/**
 * A map of words kept to at most 2 × max entries, in two generations: when the newer is full it
 * becomes the older and the older is let go, so the words in use stay while a long import's tail
 * of rare words does not fill memory. Keys are stored as their own copies (ownCopy).
 */
export class WordCache<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(word: string): V | undefined {
    const v = this.newer.get(word);
    if (v !== undefined || this.older.size === 0) return v;
    const old = this.older.get(word);
    if (old !== undefined) this.set(ownCopy(word), old);
    return old;
  }

  /** `word` must be an own copy. */
  set(word: string, value: V): void {
    if (this.newer.size >= this.max) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(word, value);
  }
}

/** The stem of a word, computed (stem() keeps them). */
export function stemOf(word: string): string {
  return /\p{L}/u.test(word) ? ownCopy(stemmer(word)) : word;
}

// Stems are asked for the same few thousand words over and over.
const stemCache = new WordCache<string>(50_000);

/** The Danish Snowball stem of a lower-case word ("ambassadører" -> "ambassadør"); numbers stay as they are. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    const own = ownCopy(word);
    s = stemOf(own);
    stemCache.set(own, s);
  }
  return s;
}

/**
 * A case number ("26/4881", "20-003248K") as one token: its parts joined by a letter no text
 * contains (U+01C0), so the tokenizer keeps it whole and 26/4881 never matches 26 and 4881 apart.
 */
export function caseToken(caseNumber: string): string | null {
  const parts = words(caseNumber);
  return parts.length > 0 ? parts.join('\u01c0') : null;
}

/** Looks like a case number: groups of letters and digits joined by / - or ., with a digit ("26/4881", "20-003248K"). */
export function isCaseNumber(term: string): boolean {
  return /^[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)+$/u.test(term) && /\p{N}/u.test(term);
}
