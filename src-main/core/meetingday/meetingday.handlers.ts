// Handlers of the "meetingday" operations (src-shared/api/meetingday.ts): each mutation runs in
// one transaction with its change-log entry, and answers with the meeting as meeting mode shows it.
import type { meetingDayOps } from '../../../src-shared/api/meetingday';
import { tx, type FeatureHandlers } from '../handler-types';
import { getMeetingDay } from './view.service';
import { setAttendance, setGuests, setItemAbsence } from './attendance.service';
import { addDissent, removeDissent, setDecision, setVotes } from './decisions.service';
import { carryForward } from './carry.service';
import { addAddendum, approve, approveMinutes, withdrawApproval } from './approval.service';
import { verifyStore } from './verify';

export const meetingDayHandlers: FeatureHandlers<typeof meetingDayOps> = {
  'meetingday.get': (ctx, { meetingId }) => getMeetingDay(ctx.store.db, meetingId),
  'meetingday.setAttendance': (ctx, { meetingId, entries }) =>
    tx(ctx, async (db) => {
      await setAttendance(db, meetingId, entries);
      return getMeetingDay(db, meetingId);
    }),
  'meetingday.setGuests': (ctx, { meetingId, guests }) =>
    tx(ctx, async (db) => {
      await setGuests(db, meetingId, guests);
      return getMeetingDay(db, meetingId);
    }),
  'meetingday.setItemAbsence': (ctx, { itemId, member, reason }) => tx(ctx, async (db) => getMeetingDay(db, await setItemAbsence(db, itemId, member, reason))),
  'meetingday.setDecision': (ctx, { itemId, ...input }) => tx(ctx, async (db) => getMeetingDay(db, await setDecision(db, itemId, input))),
  'meetingday.setVotes': (ctx, { itemId, votes }) => tx(ctx, async (db) => getMeetingDay(db, await setVotes(db, itemId, votes))),
  'meetingday.addDissent': (ctx, { itemId, member, text }) => tx(ctx, async (db) => getMeetingDay(db, await addDissent(db, itemId, member, text))),
  'meetingday.removeDissent': (ctx, { itemId, member }) => tx(ctx, async (db) => getMeetingDay(db, await removeDissent(db, itemId, member))),
  'meetingday.carryForward': (ctx, { itemId }) => tx(ctx, (db) => carryForward(db, itemId)),
  'meetingday.approve': (ctx, { meetingId, member }) =>
    tx(ctx, async (db) => {
      await approve(db, meetingId, member);
      return getMeetingDay(db, meetingId);
    }),
  'meetingday.withdrawApproval': (ctx, { meetingId, member }) =>
    tx(ctx, async (db) => {
      await withdrawApproval(db, meetingId, member);
      return getMeetingDay(db, meetingId);
    }),
  'meetingday.approveMinutes': (ctx, { meetingId }) =>
    tx(ctx, async (db) => {
      await approveMinutes(db, meetingId);
      return getMeetingDay(db, meetingId);
    }),
  'meetingday.addAddendum': (ctx, { meetingId, text }) =>
    tx(ctx, async (db) => {
      await addAddendum(db, meetingId, text);
      return getMeetingDay(db, meetingId);
    }),
  'meetingday.verify': (ctx) => verifyStore(ctx.store.db),
};
