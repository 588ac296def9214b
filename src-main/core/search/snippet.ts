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
  return markdown
    .replace(/\]\([^)\s]*\)?/g, '')
    .replace(/[[\]]/g, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/^\s*(#+|>|-|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
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

/** The best window of the item's text for these terms; the start of its text when only the title or case number matched. */
export function snippetOf(t: ItemText, terms: readonly Term[]): Snippet {
  let best: { c: Candidate; plain: string; spans: Span[]; found: Match[]; at: number; score: number } | null = null;
  // Only texts that contain a term's needle are cut into words: most of an item's text never is.
  // (A word split by Markdown emphasis, kom**mune**n, is then not marked: the rare price.)
  const needles = terms.map(needle);
  for (const c of candidates(t)) {
    const lower = c.text.toLowerCase();
    if (!needles.some((n) => lower.includes(n))) continue;
    const plain = plainText(c.text);
    const spans = wordSpans(plain);
    const found = matches(spans, terms);
    for (const m of found) {
      const at = Math.max(0, m.from - BEFORE);
      const inWindow = found.filter((x) => x.from >= at && x.to < at + WINDOW);
      const score = new Set(inWindow.map((x) => x.term)).size * 100 + inWindow.length;
      if (!best || score > best.score) best = { c, plain, spans, found: inWindow, at, score };
    }
  }
  if (!best) {
    const first = candidates(t)[0];
    const matchedIn: SearchField = t.caseNumber && terms.some((x) => x.kind === 'case') ? 'caseNumber' : 'title';
    return { snippet: first ? render(plainText(first.text), wordSpans(plainText(first.text)), [], 0) : '', matchedIn, section: null };
  }
  return { snippet: render(best.plain, best.spans, best.found, best.at), matchedIn: best.c.field, section: best.c.section };
}

function render(plain: string, spans: Span[], found: Match[], at: number): string {
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
  return `${at > 0 ? '… ' : ''}${out.trim()}${end < plain.length ? ' …' : ''}`;
}
