// Word puts a list on the clipboard as flat paragraphs (`class=MsoListParagraph`, `style="mso-list:l0 level2 lfo1"`)
// with the bullet or number as text (in a `mso-list:Ignore` span, or bare); Word for the web as one flat <ul>/<ol>
// per level with `data-aria-level` on each item; and a list typed by hand as paragraphs that open with a glyph or
// "a)" and a tab. All are rebuilt here as real nested <ul>/<ol>, their markers dropped.
import type { Element, ElementContent, RootContent } from 'hast';
import { cleanChildren, el, styleOf, textOf, type CleanContext } from './paste-word';
import { dropLeadingMarker, handMarker, leadingMarkerText, readMarker } from './paste-word-markers';

/** Number format per list and level ("l0:1" -> "bullet" | "decimal" | ...), from Word's `@list` style rules. */
export type ListStyles = Map<string, string>;

export function readListStyles(css: string): ListStyles {
  const styles: ListStyles = new Map();
  for (const m of css.matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi)) {
    const format = /mso-level-number-format:\s*([\w-]+)/i.exec(m[3] ?? '')?.[1]?.toLowerCase();
    styles.set(`${m[1]!.toLowerCase()}:${m[2]}`, format ?? 'decimal');
  }
  return styles;
}

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/;

function wordListParagraph(node: Element): boolean {
  return (node.tagName === 'p' || /^h[1-6]$/.test(node.tagName)) && MSO_LIST.test(styleOf(node));
}

type Entry = { level: number; list: string; ordered: boolean; start: number | null; blocks: ElementContent[] };

function elements(nodes: readonly RootContent[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'element');
}

/** Word for the web: `div.ListContainerWrapper > ul|ol > li[data-aria-level]`, or the list without its wrapper. */
function webListItems(node: Element): { li: Element; list: Element }[] | null {
  const isList = (n: Element) => n.tagName === 'ul' || n.tagName === 'ol';
  const lists = isList(node) ? [node] : node.tagName === 'div' ? elements(node.children) : [];
  if (lists.length === 0 || !lists.every(isList)) return null;
  const items = lists.flatMap((list) => elements(list.children).map((li) => ({ li, list })));
  return items.length > 0 && items.every(({ li }) => li.tagName === 'li' && li.properties.dataAriaLevel !== undefined) ? items : null;
}

/** The list entries a node stands for, or null when it is not part of a flat Word list. */
export function flatListEntries(node: RootContent, ctx: CleanContext): Entry[] | null {
  if (node.type !== 'element') return null;
  if (wordListParagraph(node)) return [entry(node, ctx)];
  if (node.tagName === 'p') {
    const hand = handEntry(node, ctx);
    if (hand) return [hand];
  }
  const web = webListItems(node);
  if (!web) return null;
  return web.map(({ li, list }) => {
    const start = Number(list.properties.start);
    return {
      level: Math.max(1, Number(li.properties.dataAriaLevel) || 1),
      list: String(li.properties.dataListid ?? ''),
      ordered: list.tagName === 'ol',
      start: list.tagName === 'ol' && start > 1 ? start : null,
      blocks: cleanChildren(li.children, ctx),
    };
  });
}

function markerText(node: Element): string | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (/mso-list: ?ignore/.test(styleOf(child))) return textOf(child);
    const inner = markerText(child);
    if (inner !== null) return inner;
  }
  return null;
}

function entry(node: Element, ctx: CleanContext): Entry {
  const m = MSO_LIST.exec(styleOf(node))!;
  const list = m[1]!;
  const level = Number(m[2]);
  const children = cleanChildren(node.children, ctx);
  // The marker: in an mso-list:Ignore span, in Word's fallback for programs without lists (taken out
  // before cleaning), or else as bare text at the start, which is dropped here.
  let marker = markerText(node) ?? (typeof node.properties.dataWordMarker === 'string' ? node.properties.dataWordMarker : null);
  if (marker === null) {
    marker = leadingMarkerText(textOf(node)) ?? '';
    dropLeadingMarker(children, 'any');
  }
  const format = ctx.listStyles.get(`${list}:${level}`);
  // Without Word's style sheet, the marker tells: "1." "a)" "iv." are numbers; "·" "o" "§" "•" are bullets.
  const read = readMarker(marker);
  const ordered = format !== undefined ? format !== 'bullet' && format !== 'image' && format !== 'none' : read.ordered;
  return { level, list, ordered, start: ordered ? read.start : null, blocks: [el('p', children)] };
}

/** A paragraph bulleted or numbered by hand, as an entry of a list of its own; its level from its indent (36 pt a level). */
function handEntry(node: Element, ctx: CleanContext): Entry | null {
  const marker = handMarker(node);
  if (!marker) return null;
  const children = cleanChildren(node.children, ctx);
  dropLeadingMarker(children, marker.glyph ? 'glyph' : 'any');
  const indent = /margin-left:\s*([\d.]+)pt/.exec(styleOf(node));
  const level = indent ? Math.min(9, Math.max(1, Math.round(Number(indent[1]) / 36))) : 1;
  return { level, list: 'by-hand', ordered: marker.ordered, start: marker.start, blocks: [el('p', children)] };
}

type Open = { element: Element; level: number; list: string; ordered: boolean };

/** Consecutive list entries -> nested lists; a change of list or of bullet/number at one level starts a new list. */
export function buildLists(entries: Entry[]): Element[] {
  const roots: Element[] = [];
  const stack: Open[] = [];
  for (const e of entries) {
    while (stack.length > 0 && stack[stack.length - 1]!.level > e.level) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.level === e.level && (top.ordered !== e.ordered || (e.level === 1 && top.list !== e.list))) stack.pop();
    let current = stack[stack.length - 1];
    if (!current || current.level < e.level) {
      const list = el(e.ordered ? 'ol' : 'ul', [], e.ordered && e.start !== null && e.start > 1 ? { start: e.start } : {});
      if (!current) roots.push(list);
      else {
        let parentItem = lastItem(current.element);
        if (!parentItem) {
          parentItem = el('li', []);
          current.element.children.push(parentItem);
        }
        parentItem.children.push(list);
      }
      current = { element: list, level: e.level, list: e.list, ordered: e.ordered };
      stack.push(current);
    }
    current.element.children.push(el('li', e.blocks));
  }
  return roots;
}

function lastItem(list: Element): Element | undefined {
  const last: RootContent | undefined = list.children[list.children.length - 1];
  return last?.type === 'element' && last.tagName === 'li' ? last : undefined;
}
