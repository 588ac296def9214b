// A closed item in the public version (DESIGN.md, "Public version"): its number and public title,
// the reason it was closed where the committee's publication profile prints it, and its decision
// with the vote count when the decision is published. Nothing else of the item: no case number,
// sections, attachments, attendance lines, names in votes or dissents.
import { CLOSED_REASON_LABEL_DA, DEFAULT_PUBLIC_TITLE, type ClosedReason } from '../../../src-shared/domain';
import type { ExItem, ExMeeting } from '../../../src-shared/exchange';
import type { Block, Chapter } from './build-referat';
import { decisionHeadingAndText, votesLine, type ItemContext } from './build-decision';

/** "Lukket af hensyn til personlige forhold (forvaltningslovens § 15)." */
export function reasonSentence(reason: ClosedReason): string {
  const text = reason.text?.trim();
  if (reason.kind === 'other' && text) return `Lukket af hensyn til ${text}.`;
  return `Lukket af hensyn til ${CLOSED_REASON_LABEL_DA[reason.kind]}${text ? ` (${text})` : ''}.`;
}

/** Whether a closed item's decision goes into the public version: as marked, else as the profile says. */
export const decisionPublished = (item: ExItem, ctx: Pick<ItemContext, 'profile'>): boolean => item.decision?.public ?? ctx.profile === 'council';

/** The stub's heading, TOC title and blocks. */
export function publicStub(item: ExItem, number: number, ctx: ItemContext): Pick<Chapter, 'heading' | 'tocTitle' | 'blocks'> {
  const title = item.publicTitle?.trim() || DEFAULT_PUBLIC_TITLE;
  const note = [ctx.kind === 'agenda' ? 'Punktet behandles for lukkede døre.' : 'Punktet er behandlet for lukkede døre.'];
  if (ctx.profile === 'council' && item.closedReason) note.push(reasonSentence(item.closedReason));
  const blocks: Block[] = [{ type: 'lines', lines: note, role: 'note' }];
  const d = item.decision;
  if (ctx.kind !== 'agenda' && d && decisionPublished(item, ctx)) {
    blocks.push(...decisionHeadingAndText(item, ctx));
    // How the groups voted belongs in the protocol; the members' names do not (a count, and a party's name).
    if (d.votes) blocks.push({ type: 'lines', lines: [votesLine(d.votes, (v) => (typeof v === 'string' ? null : `${v.party} (${v.count})`))], role: 'note' });
  }
  return { heading: `Punkt ${number}: ${title}`, tocTitle: title, blocks };
}

/** What the internal version notes under a closed item: how the public version will show it. */
export function closedNote(item: ExItem, ctx: ItemContext): string[] {
  const lines = [item.publicTitle?.trim() ? `Lukket punkt (offentlig titel: ${item.publicTitle.trim()})` : 'Lukket punkt'];
  if (item.closedReason) lines.push(reasonSentence(item.closedReason));
  if (ctx.kind !== 'agenda' && item.decision) lines.push(decisionPublished(item, ctx) ? 'Beslutningen offentliggøres.' : 'Beslutningen offentliggøres ikke.');
  return lines;
}

/** Guests as the header lists them: in the public version, not those who came only for closed items, nor a closed item's number. */
export function publicGuests(meeting: ExMeeting, ctx: Pick<ItemContext, 'isPublic'>): NonNullable<ExMeeting['guests']> {
  const guests = meeting.guests ?? [];
  if (!ctx.isPublic) return guests;
  const closed = new Set(meeting.items.map((item, i) => (item.access === 'closed' ? (item.number ?? i + 1) : null)).filter((n): n is number => n !== null));
  return guests.flatMap((g) => {
    if (!g.items?.length) return [g];
    const open = g.items.filter((n) => !closed.has(n));
    return open.length > 0 ? [{ ...g, items: open }] : [];
  });
}
