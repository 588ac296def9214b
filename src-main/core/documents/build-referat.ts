// The one document model (DESIGN.md): a meeting, its committee's template and the organisation's
// header become a plain tree that the .docx and HTML writers both render. Pure: no store, no I/O.
// The public version is decided here, once, so no writer can leak a closed item.
import { OUTCOME_LABEL_DA, type ResolvedTemplate, type SectionKind } from '../../../src-shared/domain';
import { fillPlaceholders, formatDayMonthDa, formatLongDa, formatShortDa } from '../../../src-shared/dates';
import type { ExItem, ExMeeting, ExMember, ExVote } from '../../../src-shared/exchange';
import type { DocumentKind } from '../../../src-shared/api/documents';
import { presenceByItem, seats, type ItemPresence } from '../meetings/presence';

export type { DocumentKind };

export type ReferatInput = {
  committee: { name: string; shortName?: string | null | undefined; template: ResolvedTemplate; members: readonly ExMember[] };
  meeting: ExMeeting;
  organization: { name: string | null; logo: { mime: string; base64: string } | null };
};

export type ReferatOptions = { public?: boolean | undefined };

/** One block of a chapter, in reading order. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'markdown'; source: string }
  /** Plain paragraphs, one per line (case number, procedure, Bilag, attendance lines). */
  | { type: 'lines'; lines: string[]; role?: 'case' | 'note' | undefined }
  | { type: 'signatures'; rows: { name: string; status: string }[] };

/** A chapter starts a new page and has an entry in the table of contents: an item, or a page of its own. */
export type Chapter = {
  /** Bookmark name and HTML id: letters, digits and underscore only (Word's rule for bookmarks). */
  anchor: string;
  number: number | null;
  heading: string;
  tocTitle: string;
  closed: boolean;
  blocks: Block[];
};

export type Referat = {
  kind: DocumentKind;
  public: boolean;
  language: 'da-DK';
  /** "REFERAT Organisations- og Beredskabsudvalget d. 02-06-2026" */
  title: string;
  committee: string;
  organization: { name: string | null; logo: { mime: string; base64: string } | null };
  facts: { label: string; value: string }[];
  tocHeading: string;
  chapters: Chapter[];
};

const KIND_TITLE: Record<DocumentKind, string> = { agenda: 'DAGSORDEN', minutes: 'REFERAT', decisions: 'BESLUTNINGSPROTOKOL' };
const CLOSED_TITLE = 'Lukket punkt';

export function buildReferat(input: ReferatInput, kind: DocumentKind, options: ReferatOptions = {}): Referat {
  const { committee, meeting } = input;
  const isPublic = options.public === true;
  const names = new Map(committee.members.map((m) => [m.key, m.name]));
  const nameOf = (key: string): string => names.get(key) ?? key;
  const presence = presenceByItem(committee.members, meeting);
  const ctx: ItemContext = { kind, isPublic, template: committee.template, committee: committee.name, start: meeting.start, nameOf, presence, meeting };

  const chapters = meeting.items.map((item, index) => itemChapter(item, item.number ?? index + 1, ctx));
  const hasSignatureItem = meeting.items.some((i) => i.role === 'signature');
  if (kind !== 'agenda' && !hasSignatureItem && committee.template.signaturePage) {
    chapters.push({ anchor: 'underskriftsside', number: null, heading: 'Underskriftsside', tocTitle: 'Underskriftsside', closed: false, blocks: [signatureBlock(ctx)] });
  }
  if (kind !== 'agenda' && (meeting.addenda?.length ?? 0) > 0) {
    const blocks: Block[] = [];
    for (const a of meeting.addenda ?? []) {
      blocks.push({ type: 'heading', text: `Tilføjet ${formatShortDa(a.at)}` }, { type: 'markdown', source: a.text });
    }
    chapters.push({ anchor: 'tilfoejelser', number: null, heading: 'Tilføjelser efter godkendelse', tocTitle: 'Tilføjelser efter godkendelse', closed: false, blocks });
  }

  return {
    kind,
    public: isPublic,
    language: 'da-DK',
    title: `${KIND_TITLE[kind]} ${committee.name} d. ${formatShortDa(meeting.start)}`,
    committee: committee.name,
    organization: input.organization,
    facts: facts(input, kind, nameOf),
    tocHeading: 'Indholdsfortegnelse',
    chapters,
  };
}

type ItemContext = {
  kind: DocumentKind;
  isPublic: boolean;
  template: ResolvedTemplate;
  committee: string;
  start: string;
  nameOf: (key: string) => string;
  presence: Map<number, ItemPresence>;
  meeting: ExMeeting;
};

function facts(input: ReferatInput, kind: DocumentKind, nameOf: (key: string) => string): Referat['facts'] {
  const { meeting, committee } = input;
  const out: Referat['facts'] = [{ label: 'Mødedato', value: formatLongDa(meeting.start) }];
  if (meeting.location) out.push({ label: 'Mødested', value: meeting.location });
  const people: string[] = [];
  for (const seat of seats(committee.members, meeting)) {
    const range = [seat.fromItem !== undefined ? `fra punkt ${seat.fromItem}` : '', seat.untilItem !== undefined ? `til punkt ${seat.untilItem}` : ''].filter(Boolean).join(' ');
    if (seat.status === 'apologies' || seat.status === 'absent') {
      // Before the meeting nobody is "absent"; the agenda lists apologies only.
      if (seat.status === 'absent' && kind === 'agenda') people.push(nameOf(seat.holder));
      else people.push(`${nameOf(seat.holder)} (${seat.status === 'apologies' ? 'Afbud' : 'Fraværende'})`);
      if (seat.sitting !== null) people.push(`${nameOf(seat.sitting)} (suppleant for ${nameOf(seat.holder)}${range ? `, ${range}` : ''})`);
    } else {
      people.push(range ? `${nameOf(seat.holder)} (${range})` : nameOf(seat.holder));
    }
  }
  for (const g of meeting.guests ?? []) {
    const parts = [g.title, g.items?.length ? `punkt ${g.items.join(', ')}` : ''].filter(Boolean);
    people.push(parts.length ? `${g.name} (${parts.join(', ')})` : g.name);
  }
  if (people.length > 0) out.push({ label: 'Mødedeltagere', value: people.join(', ') });
  return out;
}

function itemChapter(item: ExItem, number: number, ctx: ItemContext): Chapter {
  const anchor = `punkt_${number}`;
  const closed = item.access === 'closed';
  if (closed && ctx.isPublic) {
    // DESIGN.md: number, "Lukket punkt", and the decision only when it is marked public.
    const blocks: Block[] = [];
    if (ctx.kind !== 'agenda' && item.decision?.public) blocks.push(...decisionHeadingAndText(item, ctx));
    return { anchor, number, heading: `Punkt ${number}: ${CLOSED_TITLE}`, tocTitle: CLOSED_TITLE, closed, blocks };
  }
  const blocks: Block[] = [];
  if (item.caseNumber) blocks.push({ type: 'lines', lines: [item.caseNumber], role: 'case' });
  if (closed) blocks.push({ type: 'lines', lines: [CLOSED_TITLE], role: 'note' });
  if (item.supplementary) blocks.push({ type: 'lines', lines: ['Punktet er optaget på tillægsdagsorden.'], role: 'note' });

  const decision = ctx.kind === 'agenda' ? [] : decisionBlocks(item, number, ctx);
  const sections = ctx.kind === 'decisions' ? [] : sectionBlocks(item, ctx.template);
  if (ctx.template.decisionFirst) blocks.push(...decision, ...sections);
  else blocks.push(...sections, ...decision);

  if (item.role === 'signature' && ctx.kind !== 'agenda') blocks.push(signatureBlock(ctx));

  if (ctx.kind !== 'decisions') {
    const attachments = (item.attachments ?? []).filter((a) => !(ctx.isPublic && a.access === 'closed'));
    if (attachments.length > 0) {
      blocks.push({ type: 'heading', text: 'Bilag' }, { type: 'lines', lines: attachments.map((a) => (a.access === 'closed' ? `${a.title} (lukket bilag)` : a.title)) });
    }
  }
  return { anchor, number, heading: `Punkt ${number}: ${item.title}`, tocTitle: item.title, closed, blocks };
}

function sectionBlocks(item: ExItem, template: ResolvedTemplate): Block[] {
  type Entry = { kind: SectionKind; heading: string; blocks: Block[] };
  const entries: Entry[] = (item.sections ?? [])
    .filter((s) => s.body.trim() !== '')
    .map((s) => ({ kind: s.kind, heading: s.heading?.trim() || template.headings[s.kind], blocks: [{ type: 'markdown', source: s.body }] }));
  // The route (the bodies that treat the case) is the procedure section unless one is written out.
  if ((item.route?.length ?? 0) > 0 && !entries.some((e) => e.kind === 'procedure')) {
    const lines = (item.route ?? []).map((r) => (r.date ? `${r.body} ${formatDayMonthDa(r.date)}` : r.body));
    entries.push({ kind: 'procedure', heading: template.headings.procedure, blocks: [{ type: 'lines', lines }] });
  }
  const rank = (k: SectionKind): number => {
    const i = template.order.indexOf(k);
    return i === -1 ? template.order.length : i;
  };
  // Array.prototype.sort is stable: several custom sections keep their own order.
  entries.sort((a, b) => rank(a.kind) - rank(b.kind));
  return entries.flatMap((e) => [{ type: 'heading', text: e.heading } as Block, ...e.blocks]);
}

function decisionHeadingAndText(item: ExItem, ctx: ItemContext): Block[] {
  const d = item.decision;
  const heading = fillPlaceholders(ctx.template.decisionHeading, { committee: ctx.committee, start: ctx.start });
  if (!d) return [{ type: 'heading', text: heading }];
  const text = d.text?.trim() ? d.text : OUTCOME_LABEL_DA[d.outcome];
  return [{ type: 'heading', text: heading }, { type: 'markdown', source: text }];
}

function decisionBlocks(item: ExItem, number: number, ctx: ItemContext): Block[] {
  // An item that was not decided on (the signature page, say) prints no decision heading.
  if (!item.decision) return attendanceLines(number, ctx).length ? [{ type: 'lines', lines: attendanceLines(number, ctx), role: 'note' }] : [];
  const blocks = decisionHeadingAndText(item, ctx);
  const lines: string[] = [];
  const votes = item.decision.votes;
  if (votes) {
    const side = (label: string, list: ExVote[]): string => {
      const count = list.reduce((n, v) => n + (typeof v === 'string' ? 1 : v.count), 0);
      const who = list.map((v) => (typeof v === 'string' ? ctx.nameOf(v) : `${v.party} (${v.count})`)).join(', ');
      return `${label}: ${count}${who ? ` (${who})` : ''}`;
    };
    lines.push(`Afstemning – ${side('For', votes.for)}; ${side('Imod', votes.against)}; ${side('Undlod at stemme', votes.abstained)}`);
  }
  for (const dissent of item.decision.dissents ?? []) lines.push(`Protokoltilførsel fra ${ctx.nameOf(dissent.member)}: ${dissent.text}`);
  lines.push(...attendanceLines(number, ctx));
  if (lines.length > 0) blocks.push({ type: 'lines', lines, role: 'note' });
  return blocks;
}

/** "Afbud: …" / "Fraværende: …" under every item when the template asks; item-only absences and "Inhabil: …" always. */
function attendanceLines(number: number, ctx: ItemContext): string[] {
  const p = ctx.presence.get(number);
  if (!p) return [];
  const names = (keys: string[]): string => keys.map(ctx.nameOf).join(', ');
  const lines: string[] = [];
  // A member who sent apologies stays "Afbud" even when a substitute took the seat.
  const apologies = (ctx.meeting.attendance ?? []).filter((a) => a.status === 'apologies').map((a) => a.member);
  const absentAll = new Set((ctx.meeting.attendance ?? []).filter((a) => a.status === 'absent' && !a.substitute).map((a) => a.member));
  const absent = p.absent.filter((k) => !apologies.includes(k));
  if (ctx.template.attendanceUnderItems) {
    if (apologies.length) lines.push(`Afbud: ${names(apologies)}`);
    if (absent.length) lines.push(`Fraværende: ${names(absent)}`);
  } else {
    // Those away from the whole meeting are named in the header already.
    const itemOnly = absent.filter((k) => !absentAll.has(k));
    if (itemOnly.length) lines.push(`Fraværende: ${names(itemOnly)}`);
  }
  if (p.disqualified.length) lines.push(`Inhabil: ${names(p.disqualified)}`);
  return lines;
}

function signatureBlock(ctx: ItemContext): Block {
  const approvals = new Map((ctx.meeting.approvals ?? []).map((a) => [a.member, a.at]));
  const tookPart: string[] = [];
  for (const p of ctx.presence.values()) for (const k of p.participants) if (!tookPart.includes(k)) tookPart.push(k);
  const rows = tookPart.map((k) => {
    const at = approvals.get(k);
    return { name: ctx.nameOf(k), status: at ? `Godkendt ${formatShortDa(at)} kl. ${at.slice(11, 16)}` : 'Ikke godkendt endnu' };
  });
  return { type: 'signatures', rows };
}
