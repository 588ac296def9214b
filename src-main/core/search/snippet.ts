// The few words around a hit's best match, with each match wrapped in [[ and ]]: cut from the
// item's text here rather than by the database, so every SearchIndex shows the same snippet and
// the index need not keep a copy of the text.
import type { SearchField } from '../../../src-shared/api/search';
import type { SectionKind } from '../../../src-shared/domain';
import { stem, wordSpans } from './analysis';
import type { ItemText } from './item-text';
import type { Term } from './query';

const WINDOW = 16;
const BEFORE = 3;

/** Markdown as the reader sees it: emphasis, table rules, link targets and list marks go. */
export function plainText(markdown: string): string {
  let s = markdown
    .replace(/\]\([^)\s]*\)?/g, '')
    .replace(/[[\]]/g, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '');
  // A pattern that opens with \s* is tried at every character, and most texts hold no table.
  if (s.includes('|')) s = s.replace(/\s*\|\s*/g, ' ');
  return (
    s
      .replace(/^\s*(#+|>|-|\d+\.)\s+/gm, '')
      // Every run of whitespace becomes one space; a lone space already is one and is left alone,
      // so that plain prose is not copied once more for nothing.
      .replace(/ \s+|[^\S ]\s*/g, ' ')
      .trim()
  );
}

type Span = { word: string; start: number; end: number };
type Match = { from: number; to: number; term: number };

const wordMatches = (t: Extract<Term, { kind: 'word' }>, w: string): boolean => w === t.word || (t.prefix && w.startsWith(t.word)) || (w.startsWith(t.stem.slice(0, 2)) && stem(w) === t.stem);

/** Where the terms match among a text's words: token ranges [from, to]. */
function matches(spans: Span[], terms: readonly Term[]): Match[] {
  const out: Match[] = [];
  terms.forEach((t, ti) => {
    const seq = t.kind === 'phrase' ? t.words : t.kind === 'case' ? t.parts : null;
    for (let i = 0; i < spans.length; i++) {
      if (t.kind === 'word') {
        if (wordMatches(t, spans[i]!.word)) out.push({ from: i, to: i, term: ti });
        continue;
      }
      const prefix = t.kind === 'phrase' && t.prefix;
      let ok = i + seq!.length <= spans.length;
      for (let k = 0; ok && k < seq!.length; k++) {
        const w = spans[i + k]!.word;
        ok = w === seq![k] || (prefix && k === seq!.length - 1 && w.startsWith(seq![k]!));
      }
      if (ok) out.push({ from: i, to: i + seq!.length - 1, term: ti });
    }
  });
  return out.sort((a, b) => a.from - b.from);
}

type Candidate = { field: SearchField; section: SectionKind | null; text: string };

function candidates(t: ItemText): Candidate[] {
  return [
    ...t.sections.map((s): Candidate => ({ field: 'section', section: s.kind, text: s.body })),
    ...(t.decision ? [{ field: 'decision' as const, section: null, text: t.decision.text }] : []),
    ...(t.votes ? [{ field: 'votes' as const, section: null, text: t.votes }] : []),
    ...t.dissents.map((d): Candidate => ({ field: 'dissent', section: null, text: d })),
    ...t.attachments.map((a): Candidate => ({ field: 'attachment', section: null, text: a })),
  ];
}

export type Snippet = { snippet: string; matchedIn: SearchField; section: SectionKind | null };

/**
 * Text a match of the term must contain, lower-cased: a Danish Snowball stem only ever cuts a
 * word's ending, so every word that matches a term starts with the term's stem.
 */
function needle(t: Term): string {
  return t.kind === 'word' ? t.stem : t.kind === 'phrase' ? t.words[0]! : t.parts[0]!;
}

/** Raw characters read before and after a needle's place: more than a window of words needs on either side. */
const AROUND_BEFORE = 240;
const AROUND_AFTER = 480;
/** Places of each needle looked at per text: a common word's hundredth place offers no better window than its first few. */
const PLACES = 8;
/** Raw characters read for the start of a text when only the title or case number matched. */
const HEAD = 1200;

/** A stretch of a text, cut at whitespace, made plain. */
type Region = { plain: string; cutBefore: boolean; cutAfter: boolean };

function region(text: string, from: number, to: number): Region {
  let s = Math.max(0, from);
  let e = Math.min(text.length, to);
  while (s > 0 && !/\s/.test(text[s - 1]!)) s--;
  while (e < text.length && !/\s/.test(text[e]!)) e++;
  // Cut mid-line, the stretch's first word is no list mark or heading: a sentinel keeps plainText's
  // line-start rules from reading it as one, and goes again after.
  const midLine = s > 0 && text[s - 1] !== '\n';
  const plain = midLine ? plainText(`\u0001${text.slice(s, e)}`).slice(1).trimStart() : plainText(text.slice(s, e));
  return { plain, cutBefore: s > 0, cutAfter: e < text.length };
}

/**
 * The stretches of a text around the first few places of each needle, merged where they overlap,
 * in order: a snippet's window is anchored at a match, and every match holds its term's needle, so
 * these hold every window worth showing (up to PLACES per needle) without making the whole text plain.
 */
function regionsOf(lower: string, needles: readonly string[]): [number, number][] {
  const places: number[] = [];
  for (const n of needles) {
    for (let at = lower.indexOf(n), k = 0; at >= 0 && k < PLACES; at = lower.indexOf(n, at + n.length), k++) places.push(at);
  }
  places.sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const p of places) {
    const last = spans.at(-1);
    if (last && p - AROUND_BEFORE <= last[1]) last[1] = Math.max(last[1], p + AROUND_AFTER);
    else spans.push([p - AROUND_BEFORE, p + AROUND_AFTER]);
  }
  return spans;
}

/**
 * A window's worth, counted without building it: 100 per term matched in the window starting at
 * word `at`, plus 1 per match. `found` is in order of `from`, so the count stops at the window's end.
 */
function windowScore(found: readonly Match[], at: number): number {
  let count = 0;
  let terms = 0;
  let seen = 0;
  let more: Set<number> | null = null;
  for (const x of found) {
    if (x.from >= at + WINDOW) break;
    if (x.from < at || x.to >= at + WINDOW) continue;
    count++;
    if (x.term < 30) {
      if ((seen & (1 << x.term)) === 0) {
        seen |= 1 << x.term;
        terms++;
      }
    } else if (!(more ??= new Set()).has(x.term)) {
      more.add(x.term);
      terms++;
    }
  }
  return terms * 100 + count;
}

/**
 * The snippet, if this much of the item's text settles it: a window holding every term found in
 * its sections or decision, which come first, so its votes, dissents and attachments could not
 * change it. Null otherwise: then snippetOf needs the whole text.
 */
export function settledSnippet(t: ItemText, terms: readonly Term[]): Snippet | null {
  const found = bestWindow(candidates(t), terms);
  return found?.settled ? snippetOfWindow(found) : null;
}

type Window = { c: Candidate; r: Region; spans: Span[]; found: Match[]; at: number; score: number; settled: boolean };

/** The best window of the item's text for these terms; the start of its text when only the title or case number matched. */
export function snippetOf(t: ItemText, terms: readonly Term[]): Snippet {
  const all = candidates(t);
  const best = bestWindow(all, terms);
  if (!best) {
    const first = all[0];
    const matchedIn: SearchField = t.caseNumber && terms.some((x) => x.kind === 'case') ? 'caseNumber' : 'title';
    if (!first) return { snippet: '', matchedIn, section: null };
    const head = region(first.text, 0, HEAD);
    return { snippet: render(head, wordSpans(head.plain), [], 0), matchedIn, section: null };
  }
  return snippetOfWindow(best);
}

const snippetOfWindow = (best: Window): Snippet => ({ snippet: render(best.r, best.spans, best.found, best.at), matchedIn: best.c.field, section: best.c.section });

/** The first window of the candidates, in order, holding every term (settled), else the best window of all; null when no term matches. */
function bestWindow(all: readonly Candidate[], terms: readonly Term[]): Window | null {
  let best: Window | null = null;
  // Only the stretches of text around a term's needle are cut into words: most of an item's text
  // never is. (A word split by Markdown emphasis, kom**mune**n, is then not marked: the rare price.)
  const needles = terms.map(needle);
  // The first window that holds every term is shown: reading on for one with more repeats of
  // them would cost a plain copy of every text a common word occurs in.
  const whole = terms.length * 100;
  search: for (const c of all) {
    const lower = c.text.toLowerCase();
    if (!needles.some((n) => lower.includes(n))) continue;
    for (const [from, to] of regionsOf(lower, needles)) {
      const r = region(c.text, from, to);
      const spans = wordSpans(r.plain);
      const found = matches(spans, terms);
      for (const m of found) {
        const at = Math.max(0, m.from - BEFORE);
        const score = windowScore(found, at);
        if (!best || score > best.score) best = { c, r, spans, found: found.filter((x) => x.from >= at && x.to < at + WINDOW), at, score, settled: score > whole };
        if (best.score > whole) break search;
      }
    }
  }
  return best;
}

function render({ plain, cutBefore, cutAfter }: Region, spans: Span[], found: Match[], at: number): string {
  if (spans.length === 0) return plain.slice(0, 120);
  const last = Math.min(spans.length, at + WINDOW) - 1;
  const start = at === 0 ? 0 : spans[at]!.start;
  const end = last === spans.length - 1 ? plain.length : spans[last]!.end;
  let out = '';
  let pos = start;
  for (const m of found) {
    const from = spans[m.from]!.start;
    const to = spans[m.to]!.end;
    if (from < pos) continue;
    out += `${plain.slice(pos, from)}[[${plain.slice(from, to)}]]`;
    pos = to;
  }
  out += plain.slice(pos, end);
  return `${at > 0 || cutBefore ? '… ' : ''}${out.trim()}${end < plain.length || cutAfter ? ' …' : ''}`;
}
