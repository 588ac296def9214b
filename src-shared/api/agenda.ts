// Operations of the agenda editor: items, their sections, route and attachments (see src-shared/api.ts).
import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op } from './define';
import { Id, Version } from './committees';
import type { Access, ClosedReason, ItemRole, MeetingHeader, PublicationProfile, ResolvedTemplate, SectionKind } from '../domain';
import { AccessSchema, ClosedReasonSchema, ItemRoleSchema, LocalDate, SectionKindSchema } from '../exchange';

export type SectionDto = { kind: SectionKind; heading: string | null; body: string };
export type RouteStep = { body: string; date: string | null };
export type AttachmentDto = {
  id: string;
  title: string;
  access: Access;
  sha256: string | null;
  /** The real name of the file, shown beside the title: the title may say "(PDF)" of anything. */
  fileName: string | null;
  size: number | null;
  /** False when the file's type is not a document Referent opens (see src-shared/attachment-types.ts). */
  openable: boolean;
};

export type AgendaItemSummary = {
  id: string;
  position: number;
  /** The effective number: stored (frozen at publication, or given) or following the committee's rule. */
  number: number;
  /** True when the number is stored in the item and no longer moves with the agenda. */
  numberFrozen: boolean;
  title: string;
  caseNumber: string | null;
  access: Access;
  role: ItemRole | null;
  supplementary: boolean;
  attachmentCount: number;
};

export type AgendaItemDetail = AgendaItemSummary & {
  meetingId: string;
  /** Moves on with every edit; an editor sends the one it loaded with its changes (agenda.updateItem). */
  version: number;
  sections: SectionDto[];
  route: RouteStep[];
  attachments: AttachmentDto[];
  /** How a closed item shows in the public version (DESIGN.md, "Public version"). */
  publication: {
    /** The title printed instead of the real one; null: "Lukket punkt". */
    publicTitle: string | null;
    closedReason: ClosedReason | null;
    /** Whether the item has a decision yet: only then can its publication be chosen. */
    hasDecision: boolean;
    /** The decision in the public version: chosen (true/false), or null for the committee's profile. */
    decisionPublic: boolean | null;
  };
};

export type Agenda = {
  meeting: MeetingHeader;
  template: ResolvedTemplate;
  /** What the public version keeps of a closed item (the committee's setting). */
  publicationProfile: PublicationProfile;
  /** The number an unfrozen first item would get: 1, or the year's count so far + 1. */
  firstNumber: number;
  items: AgendaItemSummary[];
};

export type AttachmentFile = { fileName: string; mime: string; base64: string };
/** `opened: false`: this shell cannot open files in their own program, so the caller downloads it. */
export type OpenAttachmentResult = { opened: true } | { opened: false };

/** Numbers in agenda order: a stored number is kept, the count goes on from the highest so far. */
export function numberInOrder(firstNumber: number, items: readonly { number: number | null }[]): number[] {
  let counter = firstNumber - 1;
  return items.map((i) => {
    const n = i.number ?? counter + 1;
    counter = Math.max(counter, n);
    return n;
  });
}

const Title = z.string().trim().min(1, 'Punktet skal have en titel').max(FIELD_LIMITS.itemTitle);
const CaseNumber = z.string().trim().max(FIELD_LIMITS.caseNumber).nullable();
export const SectionInput = z.strictObject({ kind: SectionKindSchema, heading: z.string().trim().max(FIELD_LIMITS.sectionHeading).nullable().optional(), body: z.string().max(FIELD_LIMITS.body) });
export const RouteStepInput = z.strictObject({ body: z.string().trim().min(1, 'Et led i proceduren skal have et navn').max(FIELD_LIMITS.routeStep), date: LocalDate.nullable().optional() });
/** About 45 MB of file as base64, under the browser shell's request limit. */
const Base64 = z.string().max(60_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const agendaOps = {
  'agenda.get': op(z.strictObject({ meetingId: Id })).returns<Agenda>(),
  'agenda.getItem': op(z.strictObject({ itemId: Id })).returns<AgendaItemDetail>(),
  'agenda.addItem': op(
    z.strictObject({
      meetingId: Id,
      title: Title,
      caseNumber: CaseNumber.optional(),
      access: AccessSchema.optional(),
      role: ItemRoleSchema.nullable().optional(),
      /** Agenda position; default: before the closing standard items (Gensidig orientering, Underskriftsside). */
      position: z.number().int().min(0).optional(),
    }),
  ).returns<AgendaItemDetail>(),
  'agenda.updateItem': op(
    z.strictObject({
      itemId: Id,
      title: Title.optional(),
      caseNumber: CaseNumber.optional(),
      access: AccessSchema.optional(),
      role: ItemRoleSchema.nullable().optional(),
      /** Replaces the route whole. */
      route: z.array(RouteStepInput).max(20).optional(),
      /** Replaces the sections whole, in the order given; empty bodies are dropped. */
      sections: z.array(SectionInput).max(50).optional(),
      /** A closed item's title in the public version; null or empty: "Lukket punkt". */
      publicTitle: z.string().trim().max(FIELD_LIMITS.itemTitle).nullable().optional(),
      closedReason: ClosedReasonSchema.nullable().optional(),
      /** Whether the decision is published; null: as the committee's publication profile says. Needs a decision. */
      decisionPublic: z.boolean().nullable().optional(),
      /** The item's version the editor loaded: if it changed since, the edit is refused (Conflict) naming who changed what and when. Omitted: the edit wins. */
      version: Version.optional(),
    }),
  ).returns<AgendaItemDetail>(),
  'agenda.removeItem': op(z.strictObject({ itemId: Id })).returns<Agenda>(),
  'agenda.reorder': op(z.strictObject({ meetingId: Id, itemIds: z.array(Id).max(2000) })).returns<Agenda>(),
  /** Copies an item (title, case number, access, sections, attachments) from another meeting into this one. */
  'agenda.copyItem': op(z.strictObject({ itemId: Id, meetingId: Id })).returns<AgendaItemDetail>(),
  'agenda.moveItem': op(z.strictObject({ itemId: Id, meetingId: Id })).returns<AgendaItemDetail>(),

  'agenda.addAttachment': op(
    z.strictObject({
      itemId: Id,
      fileName: z.string().trim().min(1).max(FIELD_LIMITS.attachmentFileName),
      title: z.string().trim().max(FIELD_LIMITS.attachmentTitle).optional(),
      access: AccessSchema.optional(),
      base64: Base64,
    }),
  ).returns<AttachmentDto>(),
  'agenda.updateAttachment': op(
    z.strictObject({ attachmentId: Id, title: z.string().trim().min(1, 'Bilaget skal have en titel').max(FIELD_LIMITS.attachmentTitle).optional(), access: AccessSchema.optional() }),
  ).returns<AttachmentDto>(),
  'agenda.removeAttachment': op(z.strictObject({ attachmentId: Id })).returns<AgendaItemDetail>(),
  'agenda.reorderAttachments': op(z.strictObject({ itemId: Id, attachmentIds: z.array(Id).max(500) })).returns<AgendaItemDetail>(),
  'agenda.readAttachment': op(z.strictObject({ attachmentId: Id })).returns<AttachmentFile>(),
  /** Opens the file in its own program where the shell can (the desktop app). */
  'agenda.openAttachment': op(z.strictObject({ attachmentId: Id })).returns<OpenAttachmentResult>(),
};
