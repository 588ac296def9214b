// Text a secretary typed is printed as typed. Markdown gives a line of bare syntax a meaning that
// loses its characters: "-", "+", "*" or "1." alone is an empty list item, "#" an empty heading,
// ">" an empty quote, "***" a rule, "Tekst" over "===" a heading, "<ingen>" raw HTML that is
// dropped. The editor never stores such a line (its serializer escapes typed syntax, and it writes
// rules as "---" and headings with "#"), but imported bodies and text stored before the editor can
// hold them. This pass, run on every parse (documents and editor alike), turns each back into the
// text it was. Pure mdast: no parser, no platform.
import type { Html, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';

type Node = RootContent | PhrasingContent | ListItem;

/** The source text of a node, line by line, as typed. */
function sourceLines(node: { position?: { start: { offset?: number }; end: { offset?: number } } | undefined }, source: string, fallback: string): string[] {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  const raw = from !== undefined && to !== undefined ? source.slice(from, to) : fallback;
  return raw.split(/\r?\n/).map((l) => l.trim());
}

function literal(lines: string[]): Paragraph {
  const children: PhrasingContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push({ type: 'break' });
    children.push({ type: 'text', value: line });
  });
  return { type: 'paragraph', children };
}

const isEmptyItem = (item: ListItem): boolean => item.children.length === 0;

type Ctx = { source: string; onlyRules: boolean; referenced: Set<string> };

/** A block that carries no text of its own, only syntax the editor would have written otherwise. */
function isBare(node: Node, { source, onlyRules, referenced }: Ctx): boolean {
  switch (node.type) {
    case 'heading': {
      // The editor writes "# Overskrift": an empty heading, or a setext one ("Tekst" over "==="), is typed text.
      const first = sourceLines(node, source, '#')[0] ?? '';
      return node.children.length === 0 || !first.startsWith('#');
    }
    case 'blockquote':
      return node.children.length === 0;
    case 'thematicBreak':
      // The editor's rule is "---"; a body that is nothing but a rule is someone's "nothing to add".
      return onlyRules || sourceLines(node, source, '---').join('') !== '---';
    case 'definition':
      // "[kl]: https://www.kl.dk" is the target of a "[her][kl]" link; one nothing refers to is typed text.
      return !referenced.has(node.identifier);
    case 'html':
    case 'footnoteDefinition':
      return true;
    default:
      return false;
  }
}

/** Turns bare syntax back into text, in place; returns the same tree for chaining. */
export function keepBareSyntaxAsText<T extends Root>(tree: T, source: string): T {
  const onlyRules = tree.children.length > 0 && tree.children.every((c) => c.type === 'thematicBreak');
  const referenced = new Set<string>();
  const collect = (n: { type: string; identifier?: string; children?: unknown[] }): void => {
    if ((n.type === 'linkReference' || n.type === 'imageReference') && n.identifier) referenced.add(n.identifier);
    for (const c of n.children ?? []) collect(c as typeof n);
  };
  collect(tree);
  visit(tree, { source, onlyRules, referenced });
  return tree;
}

function visit(parent: Parent, ctx: Ctx): void {
  const { source } = ctx;
  const out: Node[] = [];
  for (const child of parent.children as Node[]) {
    if (child.type === 'list') {
      out.push(...splitList(child, ctx));
    } else if (child.type === 'html' && isPhrasingParent(parent)) {
      out.push({ type: 'text', value: (child as Html).value } satisfies Text);
    } else if (child.type === 'footnoteReference') {
      out.push({ type: 'text', value: sourceLines(child, source, `[^${child.identifier}]`).join(' ') } satisfies Text);
    } else if (child.type === 'heading' && child.children.length > 0 && isBare(child, ctx)) {
      // "Tekst" over "===": the text keeps its own inline Markdown, the underline prints as typed.
      visit(child, ctx);
      const underline = sourceLines(child, source, '').at(-1) ?? '';
      out.push({ type: 'paragraph', children: [...child.children, { type: 'break' }, { type: 'text', value: underline }] });
    } else if (isBare(child, ctx)) {
      out.push(literal(sourceLines(child, source, '')));
    } else {
      if ('children' in child) visit(child as Parent, ctx);
      out.push(child);
    }
  }
  (parent as { children: Node[] }).children = out;
}

const isPhrasingParent = (p: Parent): boolean => ['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell'].includes(p.type);

/** A list whose items are empty markers becomes those markers as text; other items stay a list around them. */
function splitList(list: Extract<RootContent, { type: 'list' }>, ctx: Ctx): RootContent[] {
  const { source } = ctx;
  if (!list.children.some(isEmptyItem)) {
    visit(list, ctx);
    return [list];
  }
  const out: RootContent[] = [];
  let items: ListItem[] = [];
  let markers: string[] = [];
  let firstIndex = 0;
  const flushItems = (): void => {
    if (items.length === 0) return;
    const start = list.ordered ? (list.start ?? 1) + firstIndex : null;
    const part = { ...list, start, children: items };
    visit(part, ctx);
    out.push(part);
    items = [];
  };
  const flushMarkers = (): void => {
    if (markers.length > 0) out.push(literal(markers));
    markers = [];
  };
  list.children.forEach((item, i) => {
    if (isEmptyItem(item)) {
      flushItems();
      markers.push(...sourceLines(item, source, list.ordered ? `${(list.start ?? 1) + i}.` : '-'));
    } else {
      flushMarkers();
      if (items.length === 0) firstIndex = i;
      items.push(item);
    }
  });
  flushItems();
  flushMarkers();
  return out;
}
