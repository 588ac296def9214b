// The one document model (DESIGN.md): a meeting, its committee's template and the organisation's
// header become a plain tree that the .docx and HTML writers both render. Pure: no store, no I/O.
// The public version is decided here, once, so no writer can leak a closed item.
import type { PublicationProfile, ResolvedTemplate, SectionKind } from '../../../src-shared/domain';
import { formatDayMonthDa, formatLongDa, formatShortDa } from '../../../src-shared/dates';
import type { ExItem, ExMeeting, ExMember } from '../../../src-shared/exchange';
import type { DocumentKind } from '../../../src-shared/api/documents';
import { presenceByItem, seats } from '../meetings/presence';
import { closedNote, publicStub, publicGuests } from './build-closed';
import { decisionHeadingAndText, votesLine, type ItemContext } from './build-decision';
import { signatureBlocks } from './build-signature';

export type { DocumentKind };

export type ReferatInput = {
  committee: {
    name: string;
    shortName?: string | null | undefined;
    template: ResolvedTemplate;
    /** What the public version keeps of a closed item. */
    publicationProfile: PublicationProfile;
    members: readonly ExMember[];
  };
  meeting: ExMeeting;
  organization: { name: string | null; logo: { mime: string; base64: string } | null };
};

export type ReferatOptions = {
  public?: boolean | undefined;
  /** Approved minutes: where the change log seals them, printed at the end for `referent verify --anchor`. */
  seal?: { anchor: string } | null | undefined;
};

/** One block of a chapter, in reading order. */
export type Block =
  /** Level 2 by default; 3 under a wrapping heading (template.sectionsHeading). `keepWithPrevious`: never the first thing on a page (the "Bilag" block stays with its item). */
  | { type: 'heading'; text: string; level?: 2 | 3 | undefined; keepWithPrevious?: boolean }
  | { type: 'markdown'; source: string }
  /** Plain paragraphs, one per line (case number, procedure, Bilag, attendance lines). */
  | { type: 'lines'; lines: string[]; role?: 'case' | 'note' | undefined }
  /**
   * The signature sheet. Before approval (`approved` false) a row's status is the approval recorded
   * so far or "" for a blank line to sign on; after approval the rows are who approved, and when.
   */
  | { type: 'signatures'; approved: boolean; rows: { name: string; status: string }[] };

/** A chapter has an entry in the table of contents: an item, or a page of its own. */
export type Chapter = {
  /** Bookmark name and HTML id: letters, digits and underscore only (Word's rule for bookmarks). */
  anchor: string;
  number: number | null;
  heading: string;
  tocTitle: string;
  closed: boolean;
  /** Starts a new page; the compact decision record runs its items on. */
  newPage: boolean;
  blocks: Block[];
};

export type Referat = {
  kind: DocumentKind;
  public: boolean;
  language: 'da-DK';
  /** "REFERAT Organisations- og Beredskabsudvalget d. 02-06-2026" */
  title: string;
  committee: string;
  /** The meeting's start, "2026-06-02T14:30": the running header and the files' metadata date the document by it. */
  start: string;
  organization: { name: string | null; logo: { mime: string; base64: string } | null };
  facts: { label: string; value: string }[];
  tocHeading: string;
  chapters: Chapter[];
  /** A small line after the last chapter of approved minutes (every kind but the agenda, the public version too). */
  seal?: { text: string; anchor: string } | null | undefined;
};

const KIND_TITLE: Record<DocumentKind, string> = { agenda: 'DAGSORDEN', minutes: 'REFERAT', decisions: 'BESLUTNINGSPROTOKOL' };


export function buildReferat(input: ReferatInput, kind: DocumentKind, options: ReferatOptions = {}): Referat {
  const { committee, meeting } = input;
  const isPublic = options.public === true;
  const names = new Map(committee.members.map((m) => [m.key, m.name]));
  const nameOf = (key: string): string => names.get(key) ?? key;
  const ctx: ItemContext = {
    kind,
    isPublic,
    template: committee.template,
    profile: committee.publicationProfile,
    committee: committee.name,
    start: meeting.start,
    nameOf,
    presence: presenceByItem(committee.members, meeting),
    seats: seats(committee.members, meeting),
    meeting,
  };
  // The decision record is compact: its items follow one another (DESIGN.md, kinds).
  const runOn = kind === 'decisions';

  const chapters = meeting.items.map((item, index) => itemChapter(item, item.number ?? index + 1, ctx, !runOn));
  const hasSignatureItem = meeting.items.some((i) => i.role === 'signature');
  if (kind !== 'agenda' && !hasSignatureItem && committee.template.signaturePage) {
    chapters.push({ anchor: 'underskriftsside', number: null, heading: 'Underskriftsside', tocTitle: 'Underskriftsside', closed: false, newPage: true, blocks: signatureBlocks(ctx) });
  }
  // Addenda carry no access of their own and may speak of a closed item: they stay out of the public version.
  if (kind !== 'agenda' && !isPublic && (meeting.addenda?.length ?? 0) > 0) {
    const blocks: Block[] = [];
    for (const a of meeting.addenda ?? []) {
      blocks.push({ type: 'heading', text: `Tilføjet ${formatShortDa(a.at)}` }, { type: 'markdown', source: a.text });
    }
    chapters.push({ anchor: 'tilfoejelser', number: null, heading: 'Tilføjelser efter godkendelse', tocTitle: 'Tilføjelser efter godkendelse', closed: false, newPage: !runOn, blocks });
  }

  return {
    kind,
    public: isPublic,
    language: 'da-DK',
    title: `${KIND_TITLE[kind]} ${committee.name} d. ${formatShortDa(meeting.start)}`,
    committee: committee.name,
    start: meeting.start,
    organization: input.organization,
    facts: facts(input, ctx),
    tocHeading: 'Indholdsfortegnelse',
    chapters,
    seal: options.seal && kind !== 'agenda' ? sealLine(options.seal.anchor) : null,
  };
}

/** "Martin Damm (teamleder, Afbud)": the name, and in brackets what the house style prints about them. */
function person(name: string, ...notes: (string | undefined)[]): string {
  const said = notes.filter((n): n is string => Boolean(n));
  return said.length > 0 ? `${name} (${said.join(', ')})` : name;
}

/** The anchor is all hex and digits: it leaks nothing of a closed item into the public version. */
const sealLine = (anchor: string): { text: string; anchor: string } => ({ text: `Forseglet i ændringsloggen; kontrollér med referent verify --anchor ${anchor}`, anchor });

function facts(input: ReferatInput, ctx: ItemContext): Referat['facts'] {
  const { meeting, committee } = input;
  const titles = new Map(committee.members.map((m) => [m.key, m.title?.trim() || undefined]));
  const titleOf = (key: string): string | undefined => (ctx.template.memberTitles ? titles.get(key) : undefined);
  const out: Referat['facts'] = [{ label: 'Mødedato', value: formatLongDa(meeting.start) }];
  if (meeting.location) out.push({ label: 'Mødested', value: meeting.location });
  const people: string[] = [];
  for (const seat of ctx.seats) {
    const range = [seat.fromItem !== undefined ? `fra punkt ${seat.fromItem}` : '', seat.untilItem !== undefined ? `til punkt ${seat.untilItem}` : ''].filter(Boolean).join(' ') || undefined;
    const holder = ctx.nameOf(seat.holder);
    if (seat.status === 'apologies' || seat.status === 'absent') {
      // Before the meeting nobody is "absent"; the agenda lists apologies only.
      if (seat.status === 'absent' && ctx.kind === 'agenda') people.push(person(holder, titleOf(seat.holder)));
      else people.push(person(holder, titleOf(seat.holder), seat.status === 'apologies' ? 'Afbud' : 'Fraværende'));
      if (seat.sitting !== null && ctx.template.substituteInHeader) {
        people.push(person(ctx.nameOf(seat.sitting), titleOf(seat.sitting), `suppleant for ${holder}`, range));
      }
    } else {
      people.push(person(holder, titleOf(seat.holder), range));
    }
  }
  for (const g of publicGuests(meeting, ctx)) {
    people.push(person(g.name, g.title, g.items?.length ? `punkt ${g.items.join(', ')}` : undefined));
  }
  if (people.length > 0) out.push({ label: 'Mødedeltagere', value: people.join(', ') });
  return out;
}

function itemChapter(item: ExItem, number: number, ctx: ItemContext, newPage: boolean): Chapter {
  const anchor = `punkt_${number}`;
  const closed = item.access === 'closed';
  if (closed && ctx.isPublic) return { anchor, number, closed, newPage, ...publicStub(item, number, ctx) };

  const blocks: Block[] = [];
  if (item.caseNumber) blocks.push({ type: 'lines', lines: [item.caseNumber], role: 'case' });
  if (closed) blocks.push({ type: 'lines', lines: closedNote(item, ctx), role: 'note' });
  if (item.supplementary) blocks.push({ type: 'lines', lines: ['Punktet er optaget på tillægsdagsorden.'], role: 'note' });

  const decision = ctx.kind === 'agenda' ? [] : decisionBlocks(item, number, ctx);
  // The decision record keeps only the recommendation of the case's text.
  const sections = ctx.kind === 'decisions' ? sectionBlocks(item, ctx.template, ['recommendation']) : sectionBlocks(item, ctx.template);
  if (ctx.template.decisionFirst) blocks.push(...decision, ...sections);
  else blocks.push(...sections, ...decision);

  if (item.role === 'signature' && ctx.kind !== 'agenda') blocks.push(...signatureBlocks(ctx));

  if (ctx.kind !== 'decisions') {
    const attachments = (item.attachments ?? []).filter((a) => !(ctx.isPublic && a.access === 'closed'));
    if (attachments.length > 0) {
      blocks.push({ type: 'heading', text: 'Bilag', keepWithPrevious: true }, { type: 'lines', lines: attachments.map((a) => (a.access === 'closed' ? `${a.title} (lukket bilag)` : a.title)) });
    }
  }
  // The attendance lines again at the end of the item, unless they are its last lines already.
  const attendance = ctx.kind === 'agenda' ? [] : attendanceLines(number, ctx);
  if (ctx.template.attendanceAtEnd && attendance.length > 0) {
    const last = blocks.at(-1);
    const alreadyLast = last?.type === 'lines' && last.lines.slice(-attendance.length).join('\n') === attendance.join('\n');
    if (!alreadyLast) blocks.push({ type: 'lines', lines: attendance, role: 'note' });
  }
  return { anchor, number, heading: `Punkt ${number}: ${item.title}`, tocTitle: item.title, closed, newPage, blocks };
}

function sectionBlocks(item: ExItem, template: ResolvedTemplate, only?: SectionKind[]): Block[] {
  type Entry = { kind: SectionKind; heading: string; blocks: Block[] };
  const entries: Entry[] = (item.sections ?? [])
    .filter((s) => s.body.trim() !== '' && (!only || only.includes(s.kind)))
    .map((s) => ({ kind: s.kind, heading: s.heading?.trim() || template.headings[s.kind], blocks: [{ type: 'markdown', source: s.body }] }));
  // The route (the bodies that treat the case) is the procedure section unless one is written out.
  if ((item.route?.length ?? 0) > 0 && !entries.some((e) => e.kind === 'procedure') && (!only || only.includes('procedure'))) {
    const lines = (item.route ?? []).map((r) => (r.date ? `${r.body} ${formatDayMonthDa(r.date)}` : r.body));
    entries.push({ kind: 'procedure', heading: template.headings.procedure, blocks: [{ type: 'lines', lines }] });
  }
  const rank = (k: SectionKind): number => {
    const i = template.order.indexOf(k);
    return i === -1 ? template.order.length : i;
  };
  // Array.prototype.sort is stable: several custom sections keep their own order.
  entries.sort((a, b) => rank(a.kind) - rank(b.kind));
  if (entries.length === 0) return [];
  // A wrapping heading ("Sagsfremstilling") puts the sections' own headings one level down.
  const wrap = !only && template.sectionsHeading !== '';
  const level = wrap ? 3 : 2;
  const out: Block[] = wrap ? [{ type: 'heading', text: template.sectionsHeading }] : [];
  for (const e of entries) out.push({ type: 'heading', text: e.heading, ...(level === 3 ? { level } : {}) }, ...e.blocks);
  return out;
}

function decisionBlocks(item: ExItem, number: number, ctx: ItemContext): Block[] {
  // An item that was not decided on (the signature page, say) prints no decision heading.
  if (!item.decision) return attendanceLines(number, ctx).length ? [{ type: 'lines', lines: attendanceLines(number, ctx), role: 'note' }] : [];
  const blocks = decisionHeadingAndText(item, ctx);
  const lines: string[] = [];
  const votes = item.decision.votes;
  if (votes) lines.push(votesLine(votes, (v) => (typeof v === 'string' ? ctx.nameOf(v) : `${v.party} (${v.count})`)));
  for (const dissent of item.decision.dissents ?? []) lines.push(`Protokoltilførsel fra ${ctx.nameOf(dissent.member)}: ${dissent.text}`);
  lines.push(...attendanceLines(number, ctx));
  if (lines.length > 0) blocks.push({ type: 'lines', lines, role: 'note' });
  return blocks;
}

/**
 * "Afbud: …" / "Fraværende: …" under every item when the template asks; item-only absences and
 * "Inhabil: …" always; "Suppleant X deltog i stedet for Y" where the header does not name substitutes.
 */
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
  if (!ctx.template.substituteInHeader) {
    for (const seat of ctx.seats) {
      if (seat.sitting !== null && seat.sitting !== seat.holder && p.participants.includes(seat.sitting)) {
        lines.push(`Suppleant ${ctx.nameOf(seat.sitting)} deltog i stedet for ${ctx.nameOf(seat.holder)}`);
      }
    }
  }
  if (p.disqualified.length) lines.push(`Inhabil: ${names(p.disqualified)}`);
  return lines;
}
