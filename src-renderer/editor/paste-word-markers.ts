// The bullets and numbers Word writes as text in front of a list paragraph: found (a Symbol or
// Wingdings glyph, "·", "•", "1.", "a)", "iv.") so they can be dropped, and so that paragraphs
// bulleted by hand (a glyph or "a)" and a tab) become real list items too.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { styleOf, textOf } from './paste-word';

/** Glyphs that stand for a bullet, also as Word's private-use Symbol/Wingdings code points. */
const BULLET_GLYPHS = '·•▪■◦○●‣⁃∙\u2022\u00b7\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf071\uf0a8';
export const LEADING_BULLET = new RegExp(`^[\\s\\u00a0]*[${BULLET_GLYPHS}][\\s\\u00a0]+`);
/** "1." "12)" "a)" "(b)" "iv." followed by a tab (as Word writes it: a run of no-break spaces) or two spaces: never "2. juni". */
const LEADING_NUMBER = /^[\s\u00a0]*\(?(\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)][\t\u00a0\s]*(?=\S)/;
const NUMBER_GAP = /^[\s\u00a0]*\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)](?:\t|[\s\u00a0]{2,})/;
const SYMBOL_FONT = /font-family:\s*"?(symbol|wingdings[^;"]*|webdings|courier new)"?/;

export type Marker = { ordered: boolean; start: number | null };

/** What a marker's text says: a number or letter is ordered ("3." starts at 3), anything else a bullet. */
export function readMarker(text: string): Marker {
  const t = text.replace(/[\s\u00a0]+/g, '');
  const number = /^\(?(\d+)[.)]$/.exec(t)?.[1];
  const ordered = /^\(?([0-9]+|[a-z]{1,4})[.)]$/i.test(t);
  return { ordered, start: ordered && number ? Number(number) : null };
}

/** The first piece of text in a node, with the style of the element around it. */
function firstText(nodes: readonly RootContent[], style = ''): { text: string; style: string } | null {
  for (const n of nodes) {
    if (n.type === 'text') {
      if (n.value.replace(/[\s\u00a0]/g, '') === '') continue;
      return { text: n.value, style };
    }
    if (n.type !== 'element' || /^[ovw]:/.test(n.tagName)) continue;
    const found = firstText(n.children, `${style};${styleOf(n)}`);
    if (found) return found;
  }
  return null;
}

/**
 * A paragraph bulleted or numbered by hand: a glyph in a Symbol/Wingdings font, a bullet glyph and a
 * gap, or "a)" and a tab. Its marker, or null for an ordinary paragraph ("2. juni 2026 …").
 */
export function handMarker(node: Element): (Marker & { glyph: boolean }) | null {
  const first = firstText(node.children);
  if (!first) return null;
  const text = textOf(node);
  if (SYMBOL_FONT.test(first.style) && first.text.trim().length === 1) return { ordered: false, start: null, glyph: true };
  if (LEADING_BULLET.test(text)) return { ordered: false, start: null, glyph: false };
  const m = NUMBER_GAP.exec(text);
  if (m) return { ...readMarker(m[0]), glyph: false };
  return null;
}

/** Takes `count` characters off the start of the text of cleaned content (the marker and its gap). */
function dropChars(nodes: ElementContent[], count: number): number {
  let left = count;
  for (let i = 0; i < nodes.length && left > 0; i++) {
    const n = nodes[i]!;
    if (n.type === 'text') {
      const take = Math.min(left, n.value.length);
      n.value = n.value.slice(take);
      left -= take;
    } else if (n.type === 'element') left = dropChars(n.children, left);
  }
  return left;
}

/** Drops a leading marker (a glyph, a bullet, a number or letter) and the gap after it from cleaned content. */
export function dropLeadingMarker(nodes: ElementContent[], kind: 'glyph' | 'bullet' | 'any'): void {
  const text = textOf({ type: 'root', children: nodes } as HastRoot);
  const m = kind === 'glyph' ? /^[\s\u00a0]*\S[\s\u00a0]*/.exec(text) : (LEADING_BULLET.exec(text) ?? (kind === 'any' ? LEADING_NUMBER.exec(text) : null));
  if (m) dropChars(nodes, m[0].length);
}

/** The text of the marker a list paragraph carries as plain text (when Word left out mso-list:Ignore), or null. */
export function leadingMarkerText(text: string): string | null {
  return (LEADING_BULLET.exec(text) ?? LEADING_NUMBER.exec(text))?.[0] ?? null;
}

/**
 * Word writes a list paragraph's marker a second time for programs without list support, between
 * the comments <![if !supportLists]> and <![endif]> (and a line break likewise). That copy is taken
 * out here, before cleaning, and the marker's text kept on the paragraph for readMarker.
 */
export function dropWordFallbacks(node: HastRoot | Element): void {
  const kept: RootContent[] = [];
  let skipping: 'lists' | 'other' | null = null;
  let marker = '';
  for (const child of node.children as RootContent[]) {
    if (child.type === 'comment') {
      const lists = /^\s*\[if !supportLists\]/i.test(child.value);
      if (lists || /^\s*\[if !support\w+\]/i.test(child.value)) {
        skipping = lists ? 'lists' : 'other';
        continue;
      }
      if (skipping && /^\s*\[endif\]/i.test(child.value)) {
        skipping = null;
        continue;
      }
    }
    if (skipping === 'lists') marker += textOf(child);
    if (skipping) continue;
    if (child.type === 'element') dropWordFallbacks(child);
    kept.push(child);
  }
  (node as Element).children = kept as ElementContent[];
  if (marker.trim() && node.type === 'element') node.properties.dataWordMarker = marker;
}
