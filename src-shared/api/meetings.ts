import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op } from './define';
import { MEETING_STATUSES, type MeetingHeader, type MeetingSummary } from '../domain';
import { LocalDateTime } from '../exchange';
import { Id, Version } from './committees';

export const meetingOps = {
  'meetings.list': op(z.strictObject({ committeeId: Id, year: z.number().int().min(1900).max(2200).optional() })).returns<MeetingSummary[]>(),
  'meetings.get': op(z.strictObject({ id: Id })).returns<MeetingHeader>(),
  'meetings.create': op(
    z.strictObject({
      committeeId: Id,
      start: LocalDateTime,
      end: LocalDateTime.nullable().optional(),
      location: z.string().trim().max(FIELD_LIMITS.location).nullable().optional(),
    }),
  ).returns<MeetingSummary>(),
  'meetings.update': op(
    z.strictObject({
      id: Id,
      start: LocalDateTime.optional(),
      end: LocalDateTime.nullable().optional(),
      location: z.string().trim().max(FIELD_LIMITS.location).nullable().optional(),
      /** The meeting's version the form loaded: if it changed since, the edit is refused (Conflict) naming who changed what and when. */
      version: Version.optional(),
    }),
  ).returns<MeetingSummary>(),
  /** Only a meeting without items can be cancelled: move or delete them first. */
  'meetings.cancel': op(z.strictObject({ id: Id })).returns<MeetingSummary>(),
  /** planned <-> agenda-published <-> held, one step at a time; publishing freezes the item numbers. */
  'meetings.setStatus': op(z.strictObject({ id: Id, status: z.enum(MEETING_STATUSES) })).returns<MeetingSummary>(),
};
