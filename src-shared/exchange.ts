// The exchange format referent/v1 (DESIGN.md): one zod schema, from which the TypeScript types
// and the published JSON Schema are derived. Field names are final.
import { z } from 'zod';
import { ACCESS, ATTENDANCE_STATUSES, CLOSED_REASONS, ITEM_ROLES, MEETING_STATUSES, MEMBER_ROLES, NUMBERING_RULES, OUTCOMES, PUBLICATION_PROFILES, SECTION_KINDS } from './domain';

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-06-02')
  .refine(isRealDate, 'is not a real calendar date');

export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 14:30');

/** Local wall-clock time in Europe/Copenhagen, minutes precision: "2026-06-02T14:30". */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must be a local date and time like 2026-06-02T14:30')
  .refine(isRealDate, 'is not a real calendar date');

const NonEmpty = z.string().trim().min(1, 'must not be empty');

export const SectionKindSchema = z.enum(SECTION_KINDS);
export const ItemRoleSchema = z.enum(ITEM_ROLES);
export const AccessSchema = z.enum(ACCESS);

export const VoteSchema = z.union([
  NonEmpty.describe('member key'),
  z.strictObject({ party: NonEmpty, count: z.number().int().min(1) }),
]);

export const BlockedPeriodsSchema = z.strictObject({
  winterWeek: z.union([z.literal(7), z.literal(8)]).optional(),
  extra: z.array(z.strictObject({ from: LocalDate, until: LocalDate, reason: NonEmpty })).optional(),
});

export const StandardItemSchema = z.strictObject({
  title: NonEmpty,
  role: ItemRoleSchema.optional(),
  position: z.enum(['first', 'last']),
});

export const TemplateSchema = z.strictObject({
  headings: z.partialRecord(SectionKindSchema, NonEmpty).optional(),
  order: z.array(SectionKindSchema).optional(),
  decisionFirst: z.boolean().optional(),
  decisionHeading: NonEmpty.optional(),
  attendanceUnderItems: z.boolean().optional(),
  signaturePage: z.boolean().optional(),
  phrases: z.array(NonEmpty).optional(),
  standardItems: z.array(StandardItemSchema).optional(),
  memberTitles: z.boolean().optional(),
  sectionsHeading: z.string().trim().max(200).optional(),
  attendanceAtEnd: z.boolean().optional(),
  substituteInHeader: z.boolean().optional(),
});

export const MemberSchema = z.strictObject({
  key: NonEmpty,
  name: NonEmpty,
  title: z.string().optional(),
  party: z.string().optional(),
  role: z.enum(MEMBER_ROLES),
  from: LocalDate.optional(),
  until: LocalDate.optional(),
});

export const SectionSchema = z.strictObject({
  kind: SectionKindSchema,
  heading: z.string().optional(),
  body: z.string(),
});

export const AttachmentSchema = z.strictObject({
  title: NonEmpty,
  access: AccessSchema.optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256').optional(),
  file: z.string().optional(),
});

export const ClosedReasonSchema = z.strictObject({
  kind: z.enum(CLOSED_REASONS),
  text: z.string().trim().max(500).optional(),
});

export const DecisionSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  text: z.string().optional(),
  /** A closed item's decision in the public version: true published, false withheld, absent as the committee's publication profile says. */
  public: z.boolean().optional(),
  votes: z
    .strictObject({ for: z.array(VoteSchema), against: z.array(VoteSchema), abstained: z.array(VoteSchema) })
    .optional(),
  dissents: z.array(z.strictObject({ member: NonEmpty, text: NonEmpty })).optional(),
});

export const ItemSchema = z.strictObject({
  number: z.number().int().min(1).optional(),
  title: NonEmpty,
  caseNumber: z.string().optional(),
  access: AccessSchema.optional(),
  /** A closed item's title in the public version (default "Lukket punkt"). */
  publicTitle: z.string().trim().min(1, 'must not be empty').max(500).optional(),
  closedReason: ClosedReasonSchema.optional(),
  role: ItemRoleSchema.optional(),
  supplementary: z.boolean().optional(),
  postponedFrom: z.strictObject({ meetingId: NonEmpty, number: z.number().int().min(1) }).optional(),
  route: z.array(z.strictObject({ body: NonEmpty, date: LocalDate.optional() })).optional(),
  sections: z.array(SectionSchema).optional(),
  attachments: z.array(AttachmentSchema).optional(),
  absences: z.array(z.strictObject({ member: NonEmpty, reason: z.enum(['absent', 'disqualified']) })).optional(),
  decision: DecisionSchema.optional(),
});

export const AttendanceSchema = z.strictObject({
  member: NonEmpty,
  status: z.enum(ATTENDANCE_STATUSES),
  substitute: NonEmpty.optional(),
  fromItem: z.number().int().min(1).optional(),
  untilItem: z.number().int().min(1).optional(),
});

export const MeetingSchema = z.strictObject({
  id: z.uuid('must be a UUID').optional(),
  start: LocalDateTime,
  end: LocalDateTime.optional(),
  location: z.string().optional(),
  calendarUid: z.string().optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  attendance: z.array(AttendanceSchema).optional(),
  guests: z.array(z.strictObject({ name: NonEmpty, title: z.string().optional(), items: z.array(z.number().int().min(1)).optional() })).optional(),
  approvals: z.array(z.strictObject({ member: NonEmpty, at: z.iso.datetime({ offset: true, local: true }) })).optional(),
  addenda: z.array(z.strictObject({ at: z.iso.datetime({ offset: true, local: true }), text: NonEmpty })).optional(),
  items: z.array(ItemSchema),
});

const CommitteeBase = z.strictObject({
    name: NonEmpty,
    shortName: z.string().optional(),
    numbering: z.enum(NUMBERING_RULES),
    defaults: z.strictObject({ location: z.string().optional(), start: LocalTime.optional(), end: LocalTime.optional() }).optional(),
    template: TemplateSchema.optional(),
    publicationProfile: z.enum(PUBLICATION_PROFILES).optional(),
    members: z.array(MemberSchema),
    meetings: z.array(MeetingSchema),
});

export const CommitteeSchema = CommitteeBase.superRefine((c, ctx) => checkCommitteeReferences(c, ctx));

export const ReferentDocumentSchema = z
  .strictObject({
    format: z.literal('referent/v1', { error: 'must be "referent/v1"' }),
    organization: z.strictObject({ name: NonEmpty, blockedPeriods: BlockedPeriodsSchema.optional() }).optional(),
    committees: z.array(CommitteeSchema),
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
