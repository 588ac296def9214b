// Word puts a list on the clipboard as flat paragraphs (`class=MsoListParagraph`, `style="mso-list:l0 level2 lfo1"`)
// with the bullet or number as text in a `mso-list:Ignore` span; this rebuilds real nested <ul>/<ol>.
import type { Element, ElementContent, RootContent } from 'hast';
import { cleanChildren, el, styleOf, textOf, type CleanContext } from './paste-word';

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

export function wordListParagraph(node: Element): boolean {
  return (node.tagName === 'p' || /^h[1-6]$/.test(node.tagName)) && MSO_LIST.test(styleOf(node));
}

type Entry = { level: number; list: string; ordered: boolean; start: number | null; content: ElementContent[] };

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
  const marker = (markerText(node) ?? '').replace(/[\s\u00a0]+/g, '');
  const format = ctx.listStyles.get(`${list}:${level}`);
  // Without Word's style sheet, the marker tells: "1." "a)" "iv." are numbers; "·" "o" "§" "•" are bullets.
  const ordered = format !== undefined ? format !== 'bullet' && format !== 'image' && format !== 'none' : /^\(?([0-9]+|[a-z]{1,4})[.)]$/i.test(marker);
  const number = /^(\d+)[.)]$/.exec(marker)?.[1];
  return { level, list, ordered, start: ordered && number ? Number(number) : null, content: cleanChildren(node.children, ctx) };
}

type Open = { element: Element; level: number; list: string; ordered: boolean };

/** Consecutive list paragraphs -> nested lists; a change of list or of bullet/number at one level starts a new list. */
export function buildLists(paragraphs: Element[], ctx: CleanContext): Element[] {
  const roots: Element[] = [];
  const stack: Open[] = [];
  for (const p of paragraphs) {
    const e = entry(p, ctx);
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
    current.element.children.push(el('li', [el('p', e.content)]));
  }
  return roots;
}

function lastItem(list: Element): Element | undefined {
  const last: RootContent | undefined = list.children[list.children.length - 1];
  return last?.type === 'element' && last.tagName === 'li' ? last : undefined;
}
