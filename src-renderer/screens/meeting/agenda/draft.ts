// The editor's working copy of an item, and how it maps to the Api's sections and route.
import type { AgendaItemDetail, RouteStep, SectionDto } from '../../../../src-shared/api/agenda';
import type { Access, ClosedReason, ItemRole, SectionKind } from '../../../../src-shared/domain';
import { markdownLineToPlain, plainLineToMarkdown } from '../../../editor/markdown';

export type FixedKind = Exclude<SectionKind, 'custom'>;
export type CustomSection = { key: string; heading: string; body: string };
export type Draft = {
  title: string;
  caseNumber: string;
  access: Access;
  role: ItemRole | null;
  bodies: Partial<Record<FixedKind, string>>;
  custom: CustomSection[];
  route: RouteStep[];
  /** How the item shows in the public version when it is closed. */
  publicTitle: string;
  closedReason: ClosedReason | null;
  decisionPublic: boolean | null;
};

/** What the saver sends: only the fields that changed (sections and route whole). */
export type ItemPatch = {
  title?: string;
  caseNumber?: string | null;
  access?: Access;
  role?: ItemRole | null;
  sections?: { kind: SectionKind; heading?: string | null; body: string }[];
  route?: { body: string; date?: string | null }[];
  publicTitle?: string | null;
  closedReason?: ClosedReason | null;
  decisionPublic?: boolean | null;
};

let keySeq = 0;
export const newKey = (): string => `c${++keySeq}`;

export function draftOf(item: AgendaItemDetail): Draft {
  const bodies: Partial<Record<FixedKind, string>> = {};
  const custom: CustomSection[] = [];
  for (const s of item.sections) {
    if (s.kind === 'custom') custom.push({ key: newKey(), heading: s.heading ?? '', body: s.body });
    else bodies[s.kind] = bodies[s.kind] ? `${bodies[s.kind]}\n\n${s.body}` : s.body;
  }
  const p = item.publication;
  return {
    title: item.title,
    caseNumber: item.caseNumber ?? '',
    access: item.access,
    role: item.role,
    bodies,
    custom,
    route: item.route,
    publicTitle: p?.publicTitle ?? '',
    closedReason: p?.closedReason ?? null,
    decisionPublic: p?.decisionPublic ?? null,
  };
}

export function sectionsOf(draft: Draft, order: readonly SectionKind[]): SectionDto[] {
  const out: SectionDto[] = [];
  for (const kind of order) {
    if (kind === 'custom') for (const c of draft.custom) out.push({ kind, heading: c.heading || null, body: c.body });
    else if (draft.bodies[kind]?.trim()) out.push({ kind, heading: null, body: draft.bodies[kind] });
  }
  return out;
}

export const routeOf = (draft: Draft): { body: string; date: string | null }[] => draft.route.filter((r) => r.body.trim() !== '').map((r) => ({ body: r.body.trim(), date: r.date || null }));

/** Applies a saved-but-unconfirmed patch from an earlier page onto the draft. */
export function applyPatch(draft: Draft, patch: ItemPatch): Draft {
  const next = { ...draft };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.caseNumber !== undefined) next.caseNumber = patch.caseNumber ?? '';
  if (patch.access !== undefined) next.access = patch.access;
  if (patch.role !== undefined) next.role = patch.role;
  if (patch.route !== undefined) next.route = patch.route.map((r) => ({ body: r.body, date: r.date ?? null }));
  if (patch.publicTitle !== undefined) next.publicTitle = patch.publicTitle ?? '';
  if (patch.closedReason !== undefined) next.closedReason = patch.closedReason;
  if (patch.decisionPublic !== undefined) next.decisionPublic = patch.decisionPublic;
  if (patch.sections !== undefined) {
    const fake = draftOf({ sections: patch.sections.map((s) => ({ kind: s.kind, heading: s.heading ?? null, body: s.body })) } as AgendaItemDetail);
    next.bodies = fake.bodies;
    next.custom = fake.custom;
  }
  return next;
}

const LIST_START = /^\s*([-*+]|\d+[.)])\s/;

/**
 * "Direktøren … indstiller, at" and the bullets under it, as the reference prints them. The opening
 * line is typed in a plain field, so it is stored escaped ("1\\. behandling") and shown unescaped:
 * what was typed is what prints, never a list or emphasis it happened to look like.
 */
export function splitRecommendation(body: string): { intro: string; points: string } {
  const text = body.replace(/\r\n/g, '\n');
  if (text.trim() === '') return { intro: '', points: '' };
  const cut = text.indexOf('\n\n');
  const first = cut < 0 ? text : text.slice(0, cut);
  if (LIST_START.test(first) || first.includes('\n')) return { intro: '', points: text };
  return { intro: markdownLineToPlain(first.trim()), points: cut < 0 ? '' : text.slice(cut + 2) };
}

export const joinRecommendation = (intro: string, points: string): string => [plainLineToMarkdown(intro.trim()), points.trim()].filter(Boolean).join('\n\n');
