// The exchange format referent/v1 (DESIGN.md): one zod schema, from which the TypeScript types
// and the published JSON Schema are derived. Field names are final.
import { z } from 'zod';
import { ACCESS, ATTENDANCE_STATUSES, CLOSED_REASONS, ITEM_ROLES, MEETING_STATUSES, MEMBER_ROLES, NUMBERING_RULES, OUTCOMES, PROPOSAL_STATUSES, PUBLICATION_PROFILES, SECTION_KINDS } from './domain';
import { FIELD_LIMITS } from './limits';

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** Every date Referent keeps lies in these years, whichever entry it came by, so an export always re-imports. */
export const YEARS = { min: 1900, max: 2200 } as const;
const inYears = (s: string): boolean => Number(s.slice(0, 4)) >= YEARS.min && Number(s.slice(0, 4)) <= YEARS.max;
const YEARS_MESSAGE = `must lie in the years ${YEARS.min} to ${YEARS.max}`;

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-06-02')
  .refine(isRealDate, 'is not a real calendar date')
  .refine(inYears, YEARS_MESSAGE);

export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 14:30');

/** Local wall-clock time in Europe/Copenhagen, minutes precision: "2026-06-02T14:30". */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must be a local date and time like 2026-06-02T14:30')
  .refine(isRealDate, 'is not a real calendar date')
  .refine(inYears, YEARS_MESSAGE);

const NonEmpty = z.string().trim().min(1, 'must not be empty');
/** Every text of a document has the same size limit as at the Api (limits.ts), checked before anything is written. */
const Named = (max: number) => NonEmpty.max(max);
const Text = (max: number) => z.string().max(max);
const L = FIELD_LIMITS;

export const SectionKindSchema = z.enum(SECTION_KINDS);
export const ItemRoleSchema = z.enum(ITEM_ROLES);
export const AccessSchema = z.enum(ACCESS);

export const VoteSchema = z.union([
  Named(L.memberKey).describe('member key'),
  z.strictObject({ party: Named(L.memberParty), count: z.number().int().min(1) }),
]);

export const BlockedPeriodsSchema = z.strictObject({
  winterWeek: z.union([z.literal(7), z.literal(8)]).optional(),
  extra: z.array(z.strictObject({ from: LocalDate, until: LocalDate, reason: Named(L.reason) })).optional(),
});

export const StandardItemSchema = z.strictObject({
  title: Named(L.itemTitle),
  role: ItemRoleSchema.optional(),
  position: z.enum(['first', 'last']),
});

export const TemplateSchema = z.strictObject({
  headings: z.partialRecord(SectionKindSchema, Named(L.sectionHeading)).optional(),
  order: z.array(SectionKindSchema).optional(),
  decisionFirst: z.boolean().optional(),
  decisionHeading: Named(L.sectionHeading).optional(),
  attendanceUnderItems: z.boolean().optional(),
  signaturePage: z.boolean().optional(),
  phrases: z.array(Named(L.phrase)).optional(),
  standardItems: z.array(StandardItemSchema).optional(),
  memberTitles: z.boolean().optional(),
  sectionsHeading: z.string().trim().max(L.sectionHeading).optional(),
  attendanceAtEnd: z.boolean().optional(),
  substituteInHeader: z.boolean().optional(),
});

export const MemberSchema = z.strictObject({
  key: Named(L.memberKey),
  name: Named(L.memberName),
  title: Text(L.memberTitle).optional(),
  party: Text(L.memberParty).optional(),
  role: z.enum(MEMBER_ROLES),
  from: LocalDate.optional(),
  until: LocalDate.optional(),
});

export const SectionSchema = z.strictObject({
  kind: SectionKindSchema,
  heading: Text(L.sectionHeading).optional(),
  body: Text(L.body),
});

export const AttachmentSchema = z.strictObject({
  title: Named(L.attachmentTitle),
  access: AccessSchema.optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256').optional(),
  file: Text(L.attachmentFileName).optional(),
});

export const ClosedReasonSchema = z.strictObject({
  kind: z.enum(CLOSED_REASONS),
  text: z.string().trim().max(L.closedReason).optional(),
});

export const DecisionSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  text: Text(L.body).optional(),
  /** A closed item's decision in the public version: true published, false withheld, absent as the committee's publication profile says. */
  public: z.boolean().optional(),
  votes: z
    .strictObject({ for: z.array(VoteSchema), against: z.array(VoteSchema), abstained: z.array(VoteSchema) })
    .optional(),
  dissents: z.array(z.strictObject({ member: Named(L.memberKey), text: Named(L.dissent) })).optional(),
});

export const ItemSchema = z.strictObject({
  number: z.number().int().min(1).optional(),
  title: Named(L.itemTitle),
  caseNumber: Text(L.caseNumber).optional(),
  access: AccessSchema.optional(),
  /** A closed item's title in the public version (default "Lukket punkt"). */
  publicTitle: z.string().trim().min(1, 'must not be empty').max(L.itemTitle).optional(),
  closedReason: ClosedReasonSchema.optional(),
  role: ItemRoleSchema.optional(),
  supplementary: z.boolean().optional(),
  postponedFrom: z.strictObject({ meetingId: Named(100), number: z.number().int().min(1) }).optional(),
  route: z.array(z.strictObject({ body: Named(L.routeStep), date: LocalDate.optional() })).optional(),
  sections: z.array(SectionSchema).optional(),
  attachments: z.array(AttachmentSchema).optional(),
  absences: z.array(z.strictObject({ member: Named(L.memberKey), reason: z.enum(['absent', 'disqualified']) })).optional(),
  decision: DecisionSchema.optional(),
});

export const AttendanceSchema = z.strictObject({
  member: Named(L.memberKey),
  status: z.enum(ATTENDANCE_STATUSES),
  substitute: Named(L.memberName).optional(),
  fromItem: z.number().int().min(1).optional(),
  untilItem: z.number().int().min(1).optional(),
});

export const MeetingSchema = z.strictObject({
  id: z.uuid('must be a UUID').optional(),
  start: LocalDateTime,
  end: LocalDateTime.optional(),
  location: Text(L.location).optional(),
  calendarUid: Text(L.calendarUid).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  attendance: z.array(AttendanceSchema).optional(),
  guests: z.array(z.strictObject({ name: Named(L.guestName), title: Text(L.guestTitle).optional(), items: z.array(z.number().int().min(1)).optional() })).optional(),
  approvals: z.array(z.strictObject({ member: Named(L.memberKey), at: z.iso.datetime({ offset: true, local: true }) })).optional(),
  addenda: z.array(z.strictObject({ at: z.iso.datetime({ offset: true, local: true }), text: Named(L.addendum) })).optional(),
  items: z.array(ItemSchema),
});

const CommitteeBase = z.strictObject({
    name: Named(L.committeeName),
    shortName: Text(L.committeeShortName).optional(),
    numbering: z.enum(NUMBERING_RULES),
    defaults: z.strictObject({ location: Text(L.location).optional(), start: LocalTime.optional(), end: LocalTime.optional() }).optional(),
    template: TemplateSchema.optional(),
    publicationProfile: z.enum(PUBLICATION_PROFILES).optional(),
    members: z.array(MemberSchema),
    meetings: z.array(MeetingSchema),
});

export const CommitteeSchema = CommitteeBase.superRefine((c, ctx) => checkCommitteeReferences(c, ctx));

/** An item of a meeting, named by the meeting's id and the item's number (both always exported). */
const ItemRef = z.strictObject({ meetingId: z.uuid('must be a UUID'), number: z.number().int().min(1) });
const Instant = z.iso.datetime({ offset: true, local: true });

/**
 * An item recommended onward ("Anbefales") to another committee and what became of it (issue 14 §5).
 * Kept beside the committees, not in the meetings: it is the receiving committee's business and goes
 * on changing after the sending meeting is approved and sealed. A document has the field only when
 * it carries a proposal, so a document of an archive without any reads as it always did.
 */
export const ProposalSchema = z.strictObject({
  id: z.uuid('must be a UUID').optional(),
  /** The item decided "Anbefales". */
  from: ItemRef,
  /** The committee it is proposed to, by name. */
  to: Named(L.committeeName),
  status: z.enum(PROPOSAL_STATUSES),
  /** It goes to the committee's first meeting not yet held after this (the sending meeting, or the route's date). */
  notBefore: z.union([LocalDateTime, LocalDate]),
  createdAt: Instant,
  createdBy: Named(L.memberName).optional(),
  /** Accepted or rejected: when and by whom. */
  decidedAt: Instant.optional(),
  decidedBy: Named(L.memberName).optional(),
  /** Why it was rejected. */
  reason: Text(L.proposalReason).optional(),
  /** The item it became on the receiving committee's agenda. */
  accepted: ItemRef.optional(),
  /** The sending decision as accepted (Markdown, as "Sagens forløb" printed it). */
  acceptedDecision: Text(L.body).optional(),
  /** The sender changed that decision since and the receiving secretary has not answered: when, by whom, the decision now ('' when removed). */
  change: z.strictObject({ at: Instant, by: Named(L.memberName).optional(), now: Text(L.body) }).optional(),
});

export const ReferentDocumentSchema = z
  .strictObject({
    format: z.literal('referent/v1', { error: 'must be "referent/v1"' }),
    /** The change log's head when this was exported ("HASH:LENGTH"): `referent verify --anchor FILE` checks the log still holds it. */
    anchor: z.string().regex(/^[0-9a-f]{64}:[1-9]\d{0,15}$/, 'must be an anchor: 64 hexadecimal digits, a colon and a number').optional(),
    organization: z.strictObject({ name: Named(L.organizationName), blockedPeriods: BlockedPeriodsSchema.optional() }).optional(),
    committees: z.array(CommitteeSchema),
    proposals: z.array(ProposalSchema).optional(),
  })
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.committees.forEach((c, i) => {
      const prior = seen.get(c.name);
      if (prior !== undefined) ctx.addIssue({ code: 'custom', path: ['committees', i, 'name'], message: `repeats the committee "${c.name}" of committees[${prior}]` });
      seen.set(c.name, i);
    });
  });

export type ReferentDocument = z.infer<typeof ReferentDocumentSchema>;
export type ExCommittee = z.infer<typeof CommitteeSchema>;
export type ExMember = z.infer<typeof MemberSchema>;
export type ExMeeting = z.infer<typeof MeetingSchema>;
export type ExItem = z.infer<typeof ItemSchema>;
export type ExSection = z.infer<typeof SectionSchema>;
export type ExAttachment = z.infer<typeof AttachmentSchema>;
export type ExDecision = z.infer<typeof DecisionSchema>;
export type ExVote = z.infer<typeof VoteSchema>;
export type ExAttendance = z.infer<typeof AttendanceSchema>;
export type ExBlockedPeriods = z.infer<typeof BlockedPeriodsSchema>;
export type ExProposal = z.infer<typeof ProposalSchema>;

type Ctx = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void };

/** Every member key a meeting mentions must be a member of that committee; keys are unique. */
function checkCommitteeReferences(c: z.infer<typeof CommitteeBase>, ctx: Ctx): void {
  const keys = new Set<string>();
  c.members.forEach((m, i) => {
    if (keys.has(m.key)) ctx.addIssue({ code: 'custom', path: ['members', i, 'key'], message: `repeats the member key "${m.key}"` });
    keys.add(m.key);
  });
  const ref = (key: string, path: (string | number)[]): void => {
    if (!keys.has(key)) ctx.addIssue({ code: 'custom', path, message: `names "${key}", who is not a member of this committee` });
  };
  const ids = new Set<string>();
  const starts = new Set<string>();
  c.meetings.forEach((m, mi) => {
    const at = ['meetings', mi];
    if (m.id !== undefined) {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `repeats the meeting id ${m.id}` });
      ids.add(m.id);
    }
    if (starts.has(m.start)) ctx.addIssue({ code: 'custom', path: [...at, 'start'], message: `repeats the meeting start ${m.start} of this committee` });
    starts.add(m.start);
    if (m.end !== undefined && m.end <= m.start) ctx.addIssue({ code: 'custom', path: [...at, 'end'], message: 'must be after start' });
    m.attendance?.forEach((a, i) => {
      ref(a.member, [...at, 'attendance', i, 'member']);
      if (a.substitute !== undefined) ref(a.substitute, [...at, 'attendance', i, 'substitute']);
      if (a.fromItem !== undefined && a.untilItem !== undefined && a.untilItem < a.fromItem)
        ctx.addIssue({ code: 'custom', path: [...at, 'attendance', i, 'untilItem'], message: 'must not be before fromItem' });
    });
    m.approvals?.forEach((a, i) => ref(a.member, [...at, 'approvals', i, 'member']));
    const numbers = new Set<number>();
    m.items.forEach((item, ii) => {
      const ip = [...at, 'items', ii];
      if (item.number !== undefined) {
        if (numbers.has(item.number)) ctx.addIssue({ code: 'custom', path: [...ip, 'number'], message: `repeats the item number ${item.number} in this meeting` });
        numbers.add(item.number);
      }
      item.absences?.forEach((a, i) => ref(a.member, [...ip, 'absences', i, 'member']));
      item.decision?.dissents?.forEach((d, i) => ref(d.member, [...ip, 'decision', 'dissents', i, 'member']));
      const votes = item.decision?.votes;
      if (votes) {
        for (const side of ['for', 'against', 'abstained'] as const) {
          votes[side].forEach((v, i) => {
            if (typeof v === 'string') ref(v, [...ip, 'decision', 'votes', side, i]);
          });
        }
      }
    });
  });
}

/** `committees[0].meetings[2].items[4].title`: the JSON path of a zod issue. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

/** The first fault of a failed parse, as one sentence naming its JSON path. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the document is not valid';
  return `${formatJsonPath(issue.path)}: ${issue.message}`;
}
