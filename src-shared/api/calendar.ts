// Operations of the "calendar" feature (issue 6): import a meeting calendar, roll a year
// forward, export the calendar, and the organisation's blocked periods.
import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op, type Operation } from './define';
import { Id } from './committees';
import { BlockedPeriodsSchema, LocalDate, LocalDateTime, type ExBlockedPeriods } from '../exchange';
import type { Notice } from '../result';

export const CALENDAR_FORMATS = ['ics', 'csv', 'xlsx'] as const;
export const CALENDAR_EXPORT_FORMATS = ['ics', 'csv', 'docx'] as const;

/** What happens to one row of an imported file. */
export type ImportAction = 'add' | 'update' | 'unchanged' | 'duplicate' | 'skip' | 'unmatched';

export type CalendarImportRow = {
  /** Line (.ics, .csv) or row (.xlsx) of the file. */
  line: number;
  source: string;
  committeeId: string | null;
  start: string;
  end: string | null;
  location: string | null;
  uid: string | null;
  action: ImportAction;
};

export type CommitteeMatch = {
  /** The committee as the file names it. */
  source: string;
  committeeId: string | null;
  committeeName: string | null;
  by: 'name' | 'shortName' | 'alias' | 'contains' | 'mapping' | 'option' | 'skip' | null;
  rows: number;
};

export type CalendarImportPreview = {
  fileName: string;
  format: (typeof CALENDAR_FORMATS)[number];
  rows: CalendarImportRow[];
  matches: CommitteeMatch[];
  /** Notes for the secretary (skipped all-day or cancelled events, unmatched committees). */
  problems: Notice[];
  counts: Record<ImportAction, number>;
};

export type CalendarImportResult = {
  fileName: string;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** What was left out and why (all-day or cancelled events, a series without end). */
  notes: Notice[];
};

export type RollProposal = {
  committeeId: string;
  committee: string;
  source: string;
  sourceEnd: string | null;
  location: string | null;
  /** The day the monthly rule gives (the n-th such weekday), before any move. */
  ruleDay: string;
  proposed: string | null;
  proposedEnd: string | null;
  moved: boolean;
  blockedBy: { kind: string; label: string } | null;
  /** Danish, as the CLI prints it: "flyttet fra 18. feb.: uge 7 er vinterferie". */
  reason: string;
  /** The proposed meeting is already in the target year's calendar (applied before). */
  planned: boolean;
};

export type BlockedDay = { day: string; kind: string; label: string };

export type RollForwardProposal = {
  fromYear: number;
  toYear: number;
  proposals: RollProposal[];
  /** Every blocked day of the target year, so a hand-edited date can be checked on screen. */
  blockedDays: BlockedDay[];
  /** Days on which a committee already meets in the target year. */
  existing: { committeeId: string; start: string }[];
  committees: { id: string; name: string; shortName: string | null }[];
};

export type CalendarFile = { fileName: string; mime: string; base64: string };

const Year = z.number().int().min(1900).max(2200);

const ImportInput = z.strictObject({
  fileName: z.string().trim().min(1, 'must name the file').max(300),
  base64: z.string().max(40_000_000),
  /** Every row belongs to this committee (name or short name), as `--committee` says. */
  committee: z.string().trim().min(1).optional(),
  /** Source committee name -> committee id, or null to leave its rows out. */
  mapping: z.record(z.string(), Id.nullable()).optional(),
  includeAllDay: z.boolean().optional(),
});

export const calendarOps = {
  'calendar.previewImport': op(ImportInput).returns<CalendarImportPreview>(),
  'calendar.applyImport': op(ImportInput).returns<CalendarImportResult>(),
  'calendar.proposeRollForward': op(z.strictObject({ fromYear: Year, toYear: Year, committeeId: Id.optional() })).returns<RollForwardProposal>(),
  'calendar.applyRollForward': op(
    z.strictObject({
      toYear: Year,
      meetings: z
        .array(z.strictObject({ committeeId: Id, start: LocalDateTime, end: LocalDateTime.nullable(), location: z.string().trim().max(FIELD_LIMITS.location).nullable() }))
        .max(5000),
    }),
  ).returns<{ created: number; unchanged: number }>(),
  'calendar.export': op(z.strictObject({ format: z.enum(CALENDAR_EXPORT_FORMATS), year: Year, committeeId: Id.optional() })).returns<CalendarFile>(),
  /** Why a day is a poor choice for a meeting (a public holiday, a blocked period), or null: a warning, never a refusal. */
  'calendar.checkDay': op(z.strictObject({ day: LocalDate })).returns<{ blocked: BlockedDay | null }>(),
  'calendar.getBlockedPeriods': op(z.object({})).returns<Required<ExBlockedPeriods>>(),
  'calendar.setBlockedPeriods': op(BlockedPeriodsSchema).returns<Required<ExBlockedPeriods>>(),
} satisfies Record<string, Operation>;
