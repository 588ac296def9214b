// What she types, as terms: words (matched with their inflections, the last one also as a
// prefix while she types), quoted phrases (the words in that order, exactly) and case numbers
// (whole). Parsed once here; each SearchIndex turns the terms into its own query language.
import { isCaseNumber, stem, words } from './analysis';

export type Term =
  | { kind: 'word'; word: string; stem: string; prefix: boolean }
  | { kind: 'phrase'; words: string[]; prefix: boolean }
  | { kind: 'case'; text: string; parts: string[] };

/** A prefix shorter than this matches the word only: one or two letters would match half the archive. */
export const MIN_PREFIX = 3;

export function parseQuery(text: string): Term[] {
  const terms: Term[] = [];
  const chunks: { text: string; quoted: boolean; closed: boolean }[] = [];
  const re = /"([^"]*)("|$)|[^\s"]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0].startsWith('"')) chunks.push({ text: m[1] ?? '', quoted: true, closed: m[2] === '"' });
    else chunks.push({ text: m[0], quoted: false, closed: false });
  }
  // The last thing typed, if nothing (not even a space) follows it, is still being typed.
  const typing = !/[\s"]$/.test(text) || (chunks.at(-1)?.quoted === true && chunks.at(-1)?.closed === false);
  chunks.forEach((c, i) => {
    const last = typing && i === chunks.length - 1;
    const bare = c.text.replace(/^[([{]+|[)\]}.,;:!?]+$/g, '');
    if (!c.quoted && isCaseNumber(bare)) {
      terms.push({ kind: 'case', text: bare, parts: words(bare) });
      return;
    }
    const ws = words(c.text);
    if (ws.length === 0) return;
    const prefix = last && ws[ws.length - 1]!.length >= MIN_PREFIX;
    if (ws.length === 1 && !c.quoted) terms.push({ kind: 'word', word: ws[0]!, stem: stem(ws[0]!), prefix });
    else terms.push({ kind: 'phrase', words: ws, prefix: prefix && (!c.quoted || !c.closed) });
  });
  return terms;
}
