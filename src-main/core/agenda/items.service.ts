// The agenda of one meeting: adding, editing, removing and ordering items, with numbers that
// follow the committee's rule until publication freezes them.
import type { Agenda, AgendaItemDetail, AgendaItemSummary, AttachmentDto, RouteStep, SectionDto } from '../../../src-shared/api/agenda';
import { resolveTemplate, type Access, type ClosedReason, type CommitteeTemplate, type ItemRole, type MeetingStatus, type SectionKind } from '../../../src-shared/domain';
import { decisionPublication } from '../meetings/meeting-write';
import { checkAttachmentName } from '../../../src-shared/attachment-types';
import { formatShortDa } from '../../../src-shared/dates';
import { appendChange } from '../changelog/changelog';
import { justChanged } from '../changelog/recent';
import { claimVersion, staleEdit } from '../changelog/stale-edit';
import { AppError, notFound } from '../errors';
import { numberingMeetings } from '../meetings/meeting-numbers';
import { assertMeetingUnlocked, getMeetingHeader } from '../meetings/meetings.service';
import type { Db, ItemRow, MeetingRow, NewItemRow } from '../store/database';
import { newId } from '../util/canonical';
import { itemsRepository as repo } from './items.repository';
import { countNumbers, nextFreeNumber } from './numbering';

/** After publication the numbers stand: later items are supplementary (tillægsdagsorden). */
const isPublished = (status: MeetingStatus): boolean => status === 'agenda-published' || status === 'held' || status === 'minutes-approved';

/** An item's numbers are counted over the committee's year (per-year) or within the meeting. */
async function meetingNumbering(db: Db, meeting: Pick<MeetingRow, 'id' | 'committee_id' | 'start'>) {
  const committee = await db.selectFrom('committees').select(['name', 'numbering', 'template', 'publication_profile']).where('id', '=', meeting.committee_id).executeTakeFirstOrThrow();
  const meetings = await numberingMeetings(db, meeting.committee_id, committee.numbering, new Set([meeting.start.slice(0, 4)]), [meeting.id]);
  return { committee, meetings, ...countNumbers(committee.numbering, meetings) };
}

/** The meeting may take changes to its agenda: not locked, and not cancelled (unless only items leave it). */
export async function assertAgendaEditable(db: Db, meetingId: string, opts: { leaving?: boolean } = {}): Promise<MeetingRow> {
  const meeting = await assertMeetingUnlocked(db, meetingId);
  if (meeting.status === 'cancelled' && !opts.leaving) throw new AppError('Conflict', `The meeting on ${meeting.start.slice(0, 10)} is cancelled; its agenda cannot take new items.`, `Mødet den ${formatShortDa(meeting.start)} er aflyst; der kan ikke komme nye punkter på dets dagsorden.`);
  return meeting;
}

async function itemAndMeeting(db: Db, itemId: string, opts: { leaving?: boolean } = {}): Promise<{ item: ItemRow; meeting: MeetingRow }> {
  const item = await repo.byId(db, itemId);
  if (!item) throw notFound('The agenda item', 'Punktet');
  return { item, meeting: await assertAgendaEditable(db, item.meeting_id, opts) };
}

function toSummary(row: ItemRow & { attachment_count?: number | bigint | null }, number: number): AgendaItemSummary {
  return {
    id: row.id,
    position: row.position,
    number,
    numberFrozen: row.number !== null,
    title: row.title,
    caseNumber: row.case_number,
    access: row.access,
    role: row.role,
    supplementary: row.supplementary,
    attachmentCount: Number(row.attachment_count ?? 0),
  };
}

export async function getAgenda(db: Db, meetingId: string): Promise<Agenda> {
  const header = await getMeetingHeader(db, meetingId);
  const { committee, numbers, firstNumber } = await meetingNumbering(db, { id: header.id, committee_id: header.committeeId, start: header.start });
  const items = await repo.ofMeeting(db, meetingId);
  return {
    meeting: header,
    template: resolveTemplate(JSON.parse(committee.template) as CommitteeTemplate),
    publicationProfile: committee.publication_profile,
    firstNumber: firstNumber.get(meetingId) ?? 1,
    items: items.map((i) => toSummary(i, numbers.get(i.id) ?? i.position + 1)),
  };
}

export async function getItem(db: Db, itemId: string): Promise<AgendaItemDetail> {
  const item = await repo.byId(db, itemId);
  if (!item) throw notFound('The agenda item', 'Punktet');
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', item.meeting_id).executeTakeFirstOrThrow();
  const { numbers } = await meetingNumbering(db, meeting);
  const [sections, route, attachments, decision] = await Promise.all([
    repo.sections(db, itemId),
    repo.route(db, itemId),
    repo.attachments(db, itemId),
    db.selectFrom('decisions').select('publication').where('item_id', '=', itemId).executeTakeFirst(),
  ]);
  return {
    ...toSummary({ ...item, attachment_count: attachments.length }, numbers.get(item.id) ?? item.position + 1),
    meetingId: item.meeting_id,
    version: item.version,
    sections: sections.map((s) => ({ kind: s.kind, heading: s.heading, body: s.body })),
    route: route.map((r) => ({ body: r.body, date: r.date })),
    attachments: attachments.map((a) => toAttachmentDto(a, a.size ?? null)),
    publication: {
      publicTitle: item.public_title,
      closedReason: item.closed_reason !== null ? { kind: item.closed_reason, ...(item.closed_reason_text !== null ? { text: item.closed_reason_text } : {}) } : null,
      hasDecision: decision !== undefined,
      decisionPublic: decision?.publication ? decision.publication === 'published' : null,
    },
  };
}

/** An attachment row as the editor shows it; a row without a file name is a PDF by its title (as the documents print it). */
export function toAttachmentDto(a: { id: string; title: string; access: Access; sha256: string | null; file_name: string | null }, size: number | null): AttachmentDto {
  return { id: a.id, title: a.title, access: a.access, sha256: a.sha256, fileName: a.file_name, size, openable: checkAttachmentName(a.file_name ?? `${a.title}.pdf`).ok };
}

/** New items go before the closing standard items ("Gensidig orientering", "Underskriftsside"). */
function defaultPosition(items: readonly Pick<ItemRow, 'role'>[]): number {
  let at = items.length;
  while (at > 0 && (items[at - 1]!.role === 'mutual-information' || items[at - 1]!.role === 'signature')) at--;
  return at;
}

export type NewItemInput = { meetingId: string; title: string; caseNumber?: string | null | undefined; access?: Access | undefined; role?: ItemRole | null | undefined; position?: number | undefined };

/** An item arriving on a published agenda is supplementary and gets its number now; else null. */
async function arrivingNumber(db: Db, meeting: MeetingRow): Promise<number | null> {
  if (!isPublished(meeting.status)) return null;
  const { committee, meetings } = await meetingNumbering(db, meeting);
  return nextFreeNumber(committee.numbering, meetings, meeting.id);
}

/** Inserts a bare item at a position of a meeting; numbered as a supplementary item once the agenda is published. */
type PlacedFields = Pick<NewItemRow, 'title' | 'case_number' | 'access' | 'role' | 'public_title' | 'closed_reason' | 'closed_reason_text'>;

async function placeItem(db: Db, meeting: MeetingRow, fields: PlacedFields, position?: number): Promise<string> {
  const items = await repo.ofMeeting(db, meeting.id);
  const at = Math.min(position ?? defaultPosition(items), items.length);
  const number = await arrivingNumber(db, meeting);
  await repo.openGap(db, meeting.id, at);
  const id = newId();
  await repo.insert(db, { id, meeting_id: meeting.id, position: at, number, supplementary: number !== null, ...fields });
  return id;
}

/** The route every new item starts with: this committee, on this meeting's date. */
async function defaultRoute(db: Db, meeting: MeetingRow): Promise<RouteStep[]> {
  const c = await db.selectFrom('committees').select('name').where('id', '=', meeting.committee_id).executeTakeFirstOrThrow();
  return [{ body: c.name, date: meeting.start.slice(0, 10) }];
}

/**
 * The same item added to the same agenda twice within a second is a double submit, never intended:
 * it would go out twice in a published agenda. Later, two items may share a title (it happens).
 */
async function refuseDoubleAdd(db: Db, meetingId: string, input: NewItemInput): Promise<void> {
  const last = await justChanged(db, meetingId, 'item.add');
  const twin = typeof last?.itemId === 'string' ? await repo.byId(db, last.itemId) : undefined;
  if (twin && twin.title === input.title && twin.case_number === (input.caseNumber || null) && twin.access === (input.access ?? 'open') && twin.role === (input.role ?? null)) {
    throw new AppError('Conflict', `The item "${input.title}" was added to this agenda a moment ago; it was not added twice.`, `Punktet »${input.title}« blev tilføjet til dagsordenen for et øjeblik siden; det er ikke tilføjet to gange.`);
  }
}

export async function addItem(db: Db, input: NewItemInput): Promise<AgendaItemDetail> {
  const meeting = await assertAgendaEditable(db, input.meetingId);
  await refuseDoubleAdd(db, meeting.id, input);
  const id = await placeItem(db, meeting, { title: input.title, case_number: input.caseNumber || null, access: input.access ?? 'open', role: input.role ?? null }, input.position);
  await repo.replaceRoute(db, id, await defaultRoute(db, meeting));
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'item.add', payload: { itemId: id, title: input.title } });
  return getItem(db, id);
}

export type ItemPatch = {
  itemId: string;
  title?: string | undefined;
  caseNumber?: string | null | undefined;
  access?: Access | undefined;
  role?: ItemRole | null | undefined;
  route?: { body: string; date?: string | null | undefined }[] | undefined;
  sections?: { kind: SectionKind; heading?: string | null | undefined; body: string }[] | undefined;
  publicTitle?: string | null | undefined;
  closedReason?: ClosedReason | null | undefined;
  decisionPublic?: boolean | null | undefined;
  /** The version the editor loaded; a later edit by someone else refuses this one (stale-edit.ts). */
  version?: number | undefined;
};

export async function updateItem(db: Db, patch: ItemPatch): Promise<AgendaItemDetail> {
  const { item, meeting } = await itemAndMeeting(db, patch.itemId);
  if (!(await claimVersion(db, 'items', item.id, patch.version))) {
    const number = (await getItem(db, item.id)).number;
    throw await staleEdit(db, { table: 'items', id: item.id, meetingId: meeting.id, en: `Item ${number} (${item.title})`, da: `Punkt ${number} (${item.title})` });
  }
  await repo.update(db, item.id, {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.caseNumber !== undefined ? { case_number: patch.caseNumber || null } : {}),
    ...(patch.access !== undefined ? { access: patch.access } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.publicTitle !== undefined ? { public_title: patch.publicTitle?.trim() || null } : {}),
    ...(patch.closedReason !== undefined ? { closed_reason: patch.closedReason?.kind ?? null, closed_reason_text: patch.closedReason?.text?.trim() || null } : {}),
  });
  if (patch.decisionPublic !== undefined) await setDecisionPublication(db, item, patch.decisionPublic);
  if (patch.route) await repo.replaceRoute(db, item.id, patch.route.map((r) => ({ body: r.body, date: r.date ?? null })));
  if (patch.sections) {
    const kept: SectionDto[] = patch.sections.filter((s) => s.body.trim() !== '').map((s) => ({ kind: s.kind, heading: s.heading?.trim() || null, body: s.body }));
    await repo.replaceSections(db, item.id, kept);
  }
  // The log records what changed, not the text itself: the text is in the item and in every export.
  const changed = Object.keys(patch).filter((k) => k !== 'itemId' && k !== 'version');
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'item.update', payload: { itemId: item.id, changed } });
  return getItem(db, item.id);
}

/** A closed item's decision in the public version; there must be a decision to publish or withhold. */
async function setDecisionPublication(db: Db, item: ItemRow, value: boolean | null): Promise<void> {
  const r = await db.updateTable('decisions').set({ publication: decisionPublication(value) }).where('item_id', '=', item.id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    throw new AppError('Invalid', `"${item.title}" has no decision yet; whether it is published can be chosen once it is recorded.`,
      `»${item.title}« har endnu ingen beslutning; om den offentliggøres, kan vælges, når den er truffet.`,
    );
  }
}

export async function removeItem(db: Db, itemId: string): Promise<Agenda> {
  const { item, meeting } = await itemAndMeeting(db, itemId, { leaving: true });
  await repo.delete(db, item.id);
  await repo.compact(db, meeting.id);
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'item.remove', payload: { itemId, title: item.title } });
  return getAgenda(db, meeting.id);
}

export async function reorderItems(db: Db, meetingId: string, itemIds: readonly string[]): Promise<Agenda> {
  const meeting = await assertAgendaEditable(db, meetingId, { leaving: true });
  const current = await repo.ofMeeting(db, meetingId);
  const known = new Set(current.map((i) => i.id));
  if (itemIds.length !== current.length || new Set(itemIds).size !== itemIds.length || itemIds.some((id) => !known.has(id))) {
    throw new AppError('Invalid', 'The new order must list every item of the meeting exactly once.', 'Den nye rækkefølge skal nævne hvert af mødets punkter præcis én gang.');
  }
  await repo.setOrder(db, meetingId, itemIds);
  await appendChange(db, { meetingId, committeeId: meeting.committee_id, action: 'item.reorder', payload: { itemIds } });
  return getAgenda(db, meetingId);
}

/** Publication: every item keeps the number it has now. */
export async function freezeNumbers(db: Db, meeting: MeetingRow): Promise<void> {
  const { numbers } = await meetingNumbering(db, meeting);
  for (const item of await repo.ofMeeting(db, meeting.id)) {
    const n = numbers.get(item.id);
    if (n !== undefined && item.number !== n) await repo.update(db, item.id, { number: n });
  }
}

/** Back to planning: numbers move with the agenda again, and nothing is supplementary any more. */
export async function thawNumbers(db: Db, meetingId: string): Promise<void> {
  await db.updateTable('items').set({ number: null, supplementary: false }).where('meeting_id', '=', meetingId).execute();
}

export { arrivingNumber, defaultPosition, placeItem, defaultRoute, itemAndMeeting };
