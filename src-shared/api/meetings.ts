import { z } from 'zod';
import { op } from './define';
import type { MeetingHeader, MeetingSummary } from '../domain';
import { LocalDateTime } from '../exchange';
import { Id } from './committees';

export const meetingOps = {
  'meetings.list': op(z.strictObject({ committeeId: Id, year: z.number().int().min(1900).max(2200).optional() })).returns<MeetingSummary[]>(),
  'meetings.get': op(z.strictObject({ id: Id })).returns<MeetingHeader>(),
  'meetings.create': op(
    z.strictObject({
      committeeId: Id,
      start: LocalDateTime,
      end: LocalDateTime.nullable().optional(),
      location: z.string().trim().nullable().optional(),
    }),
  ).returns<MeetingSummary>(),
};
