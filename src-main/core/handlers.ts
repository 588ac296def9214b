// Every Api operation's implementation, one line each: parse has already happened (dispatch.ts);
// each mutation runs in one short transaction. `satisfies Handlers` fails the build if an
// operation of the contract has no handler.
import type { Handlers } from './handler-types';
import { tx } from './handler-types';
import { agendaHandlers } from './agenda/agenda.handlers';
import { meetingDayHandlers } from './meetingday/meetingday.handlers';
import { documentHandlers } from './documents/documents.handlers';
import { calendarHandlers } from './calendar/calendar.handlers';
import { backupHandlers } from './backups/backups.handlers';
import { publishHandlers } from './publish/publish.handlers';
import { checkoutHandlers } from './checkout/checkout.handlers';
import { proposalHandlers } from './flow/proposals.handlers';
import { createCommittee, getCommittee, listCommittees, updateCommittee } from './committees/committees.service';
import { createMeeting, getMeetingHeader, listMeetings } from './meetings/meetings.service';
import { exportDocument } from './exchange/export';
import { importDocument } from './exchange/import';
import { getSettings, updateSettings } from './settings/settings.service';
import { addMember, endMembership, updateMember } from './committees/members.service';
import { removeMember } from './committees/member-removal';
import { cancelMeeting, setMeetingStatus, updateMeeting } from './agenda/meeting-lifecycle.service';
import { searchItems } from './search/search.service';
import { accountHandlers } from './accounts/accounts.handlers';
import { readableCommittees } from './access/authorize';

export type { Handler, Handlers } from './handler-types';

export const handlers = {
  'system.info': async (ctx) => ({ version: ctx.version, dbFile: ctx.store.file, schemaVersion: await ctx.store.schemaVersion(), shell: ctx.shell }),
  'settings.get': (ctx) => getSettings(ctx.store.db),
  'settings.update': (ctx, input) => tx(ctx, (db) => updateSettings(db, input)),

  'committees.list': async (ctx) => {
    const all = await listCommittees(ctx.store.db);
    // A signed-in account sees the committees it has a role in.
    const mine = ctx.account ? readableCommittees(ctx.account) : null;
    return mine ? all.filter((c) => mine.includes(c.id)) : all;
  },
  'committees.get': (ctx, { id }) => getCommittee(ctx.store.db, id),
  'committees.create': (ctx, input) => tx(ctx, (db) => createCommittee(db, input)),
  'committees.update': (ctx, { id, ...patch }) => tx(ctx, (db) => updateCommittee(db, id, patch)),
  'committees.addMember': (ctx, { committeeId, ...member }) => tx(ctx, (db) => addMember(db, committeeId, member)),
  'committees.updateMember': (ctx, { committeeId, key, ...patch }) => tx(ctx, (db) => updateMember(db, committeeId, key, patch)),
  'committees.endMembership': (ctx, { committeeId, key, until }) => tx(ctx, (db) => endMembership(db, committeeId, key, until)),
  'committees.removeMember': (ctx, { committeeId, key }) => tx(ctx, (db) => removeMember(db, committeeId, key)),

  'meetings.list': (ctx, { committeeId, year }) => listMeetings(ctx.store.db, committeeId, year),
  'meetings.get': (ctx, { id }) => getMeetingHeader(ctx.store.db, id),
  'meetings.create': (ctx, input) => tx(ctx, (db) => createMeeting(db, input)),
  'meetings.update': (ctx, input) => tx(ctx, (db) => updateMeeting(db, input)),
  'meetings.cancel': (ctx, { id }) => tx(ctx, (db) => cancelMeeting(db, id)),
  'meetings.setStatus': (ctx, { id, status }) => tx(ctx, (db) => setMeetingStatus(db, id, status)),

  'exchange.import': (ctx, { document, adoptOrganization }) => importDocument(ctx.store, document, { adoptOrganization }),
  'exchange.export': (ctx, filter) => exportDocument(ctx.store.db, filter),

  ...agendaHandlers,
  ...meetingDayHandlers,
  ...documentHandlers,
  ...calendarHandlers,
  ...backupHandlers,
  ...publishHandlers,
  ...checkoutHandlers,
  ...proposalHandlers,

  'search.items': (ctx, input) => searchItems(ctx.store.db, ctx.store.search, { ...input, committeeIds: ctx.account ? readableCommittees(ctx.account) : null }),
  ...accountHandlers,
} satisfies Handlers;
