// Danish text for generated archives: a word chain learnt from the real referat in
// tests/fixtures (so the words, their frequencies and the sentence shapes are a committee's),
// with compound nouns, place names and amounts drawn from lists to give the long tail of a
// real archive's vocabulary.
import fs from 'node:fs';
import path from 'node:path';
import type { Rng } from './prng';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures');

/** Per word: the words that follow it in the corpus, and whether it may be swapped (1 noun-like, 2 capitalised). */
type Chain = { starts: string[]; next: Map<string, string[]>; kind: Map<string, number> };

function corpusSentences(): string[] {
  const texts: string[] = [];
  for (const file of ['reference-referat.json', 'exchange/rich.referent.json']) {
    const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as { committees: { meetings: { items: { title: string; sections?: { body: string }[]; decision?: { text?: string } }[] }[] }[] };
    for (const c of doc.committees) for (const m of c.meetings) for (const i of m.items) {
      for (const s of i.sections ?? []) texts.push(s.body);
      if (i.decision?.text) texts.push(i.decision.text);
    }
  }
  return texts
    .join('\n')
    .replace(/[*_#>|`]/g, ' ')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^\s*(-|\d+\.)\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 4 && !/---/.test(s));
}

let chain: Chain | undefined;
function wordChain(): Chain {
  if (chain) return chain;
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  for (const s of corpusSentences()) {
    const words = s.split(' ');
    starts.push(words[0]!);
    for (let i = 0; i < words.length; i++) {
      const key = words[i]!;
      const list = next.get(key) ?? next.set(key, []).get(key)!;
      list.push(words[i + 1] ?? '');
    }
  }
  const kind = new Map<string, number>();
  for (const w of next.keys()) kind.set(w, w.length >= 6 && /^\p{Ll}+$/u.test(w) ? 1 : /^\p{Lu}/u.test(w) ? 2 : 0);
  chain = { starts, next, kind };
  return chain;
}

export const STEMS = (
  'skole vej bibliotek havn idræt hal bolig plan cykel sti affald vand natur park børne unge ældre pleje hjem ' +
  'institution borger service center kultur musik teater trafik sikkerhed klima energi varme forsyning kloak regn kyst ' +
  'strand skov land by torv parkering bus rute tilbud indsats projekt pulje tilskud regnskab anlæg drift bygning ' +
  'renovering udvidelse tilbygning nedrivning lokalplan kommuneplan høring politik strategi handleplan aftale kontrakt ' +
  'udbud rådgivning analyse evaluering rapport status opfølgning medarbejder personale arbejdsmiljø sygefravær ' +
  'rekruttering integration beskæftigelse job uddannelse praktik erhverv turisme event festival forening frivillig ' +
  'fritid sundhed forebyggelse rehabilitering træning handicap misbrug psykiatri tandpleje dagpleje vuggestue ' +
  'børnehave klub lejlighed jord grund vind sol mølle belysning fortov bro sluse dige'
).split(' ');
const ENDINGS = ['', '', '', 'en', 'et', 'er', 'erne', 'ens', 'ernes', 's'];

export const PLACES = (
  'Haderslev Vojens Gram Christiansfeld Hoptrup Starup Sønderballe Moltrup Bevtoft Skrydstrup Fjelstrup Hammelev ' +
  'Sommersted Jegerup Øsby Årøsund Halk Diernæs Kelstrup Aastrup Marstrup Sillerup Øsby Vilstrup Hejsager Stepping ' +
  'Frørup Tyrstrup Bjerning Fole Toftlund Arnum Nustrup Maugstrup Over-Jerstal Hjerndrup Ørby Gabøl Kastrup Sdr. Otting'
).split(' ');

export const DEPARTMENTS = [
  'Direktøren for Arbejdsmarked og Borgerservice',
  'Direktøren for Børn og Unge',
  'Direktøren for Teknik og Miljø',
  'Direktøren for Social og Sundhed',
  'Kommunaldirektøren',
  'Direktøren for Kultur og Fritid',
];

/** A Danish compound noun, sometimes inflected: "skoleudvidelsen", "cykelstierne". */
export function compound(r: Rng): string {
  const a = r.pick(STEMS);
  let b = r.pick(STEMS);
  while (b === a) b = r.pick(STEMS);
  const link = r.chance(0.25) && !a.endsWith('e') ? 's' : '';
  return `${a}${link}${b}${r.pick(ENDINGS)}`;
}

/** One sentence from the chain, with a few words swapped for compounds, places and amounts. */
export function sentence(r: Rng, maxWords = 32): string {
  const c = wordChain();
  const out: string[] = [];
  let word = r.pick(c.starts);
  while (word && out.length < maxWords) {
    const roll = r.next();
    const kind = c.kind.get(word);
    if (roll < 0.035 && kind === 1) out.push(compound(r));
    else if (roll < 0.045 && kind === 2 && out.length > 0) out.push(r.pick(PLACES));
    else if (roll < 0.05) out.push(`${r.int(1, 99)},${r.int(0, 9)} mio. kr.`);
    else out.push(word);
    if (/[.!?]$/.test(word)) break;
    word = r.pick(c.next.get(word) ?? ['']);
  }
  let s = out.join(' ').replace(/[,;:(-]+$/, '');
  if (!/[.!?]$/.test(s)) s += '.';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function paragraph(r: Rng, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

/** A bullet list as the reference writes it (lower-case start, no full stop). */
export function bullets(r: Rng, n: number): string {
  return Array.from({ length: n }, () => {
    const s = sentence(r, 14).replace(/\.$/, '');
    return `- ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  }).join('\n');
}
