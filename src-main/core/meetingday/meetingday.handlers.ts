// Handlers of the "meetingday" operations (src-shared/api/meetingday.ts): each mutation runs in
// one transaction with its change-log entry, and answers with the meeting as meeting mode shows it.
import type { meetingDayOps } from '../../../src-shared/api/meetingday';
import type { CoreContext } from '../context';
import type { Db } from '../store/database';
import { tx, type FeatureHandlers } from '../handler-types';
import { getMeetingDay } from './view.service';
import { setAttendance, setGuests, setItemAbsence } from './attendance.service';
import { addDissent, removeDissent, setDecision, setVotes } from './decisions.service';
import { carryForward } from './carry.service';
import { addAddendum, approve, approveMinutes, withdrawApproval } from './approval.service';
import { verifyStore } from './verify';
import { verifyFiles, withFilesReport } from '../files/verify-files';
import { parseAnchor } from '../seal/anchor';

/** Runs one change in a transaction and answers with its meeting (by the id the change names) as meeting mode shows it then. */
const changeThenView = (ctx: CoreContext, change: (db: Db) => Promise<string>) => tx(ctx, async (db) => getMeetingDay(db, await change(db)));

/** The same for a change addressed to the meeting itself. */
const meetingChange = (ctx: CoreContext, meetingId: string, change: (db: Db) => Promise<void>) =>
  changeThenView(ctx, async (db) => {
    await change(db);
    return meetingId;
  });

export const meetingDayHandlers: FeatureHandlers<typeof meetingDayOps> = {
  'meetingday.get': (ctx, { meetingId }) => getMeetingDay(ctx.store.db, meetingId),
  'meetingday.setAttendance': (ctx, { meetingId, entries }) => meetingChange(ctx, meetingId, (db) => setAttendance(db, meetingId, entries)),
  'meetingday.setGuests': (ctx, { meetingId, guests }) => meetingChange(ctx, meetingId, (db) => setGuests(db, meetingId, guests)),
  'meetingday.setItemAbsence': (ctx, { itemId, member, reason }) => changeThenView(ctx, (db) => setItemAbsence(db, itemId, member, reason)),
  'meetingday.setDecision': (ctx, { itemId, ...input }) => changeThenView(ctx, (db) => setDecision(db, itemId, input)),
  'meetingday.setVotes': (ctx, { itemId, votes }) => changeThenView(ctx, (db) => setVotes(db, itemId, votes)),
  'meetingday.addDissent': (ctx, { itemId, member, text }) => changeThenView(ctx, (db) => addDissent(db, itemId, member, text)),
  'meetingday.removeDissent': (ctx, { itemId, member }) => changeThenView(ctx, (db) => removeDissent(db, itemId, member)),
  'meetingday.carryForward': (ctx, { itemId }) => tx(ctx, (db) => carryForward(db, itemId)),
  'meetingday.approve': (ctx, { meetingId, member }) => meetingChange(ctx, meetingId, (db) => approve(db, meetingId, member)),
  'meetingday.withdrawApproval': (ctx, { meetingId, member }) => meetingChange(ctx, meetingId, (db) => withdrawApproval(db, meetingId, member)),
  'meetingday.approveMinutes': (ctx, { meetingId }) => meetingChange(ctx, meetingId, (db) => approveMinutes(db, meetingId)),
  'meetingday.addAddendum': (ctx, { meetingId, text }) => meetingChange(ctx, meetingId, (db) => addAddendum(db, meetingId, text)),
  'meetingday.verify': async (ctx, { anchors }) =>
    withFilesReport(
      await verifyStore(ctx.store.db, { keyFiles: ctx.store.keyFile ? [ctx.store.keyFile] : [], anchors: (anchors ?? []).map((a) => parseAnchor(a)!), backups: ctx.store.backups?.anchors() ?? [] }),
      await verifyFiles(ctx.store.db, ctx.store.files),
    ),
};
