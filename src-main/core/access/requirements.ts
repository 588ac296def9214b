// What each operation of the Api needs of the signed-in account under `referent serve`, in one
// table: `satisfies Record<OpName, Requirement>` fails the build when an operation is added
// without saying. Dispatch checks it before the handler runs (authorize.ts). The desktop app and
// the CLI have no account, and no check: whoever holds the file holds the archive.
import type { OpName } from '../../../src-shared/api';
import { attachment, committee, committeeNamedOrAll, committeeOrAll, committeesIn, item, meeting, meetingIn, proposalEnds, proposalTarget, type Locator } from './locate';

/**
 * read: any role in the committee; edit: secretary; approve-own: secretary, or a member naming only
 * herself (the input's `member` keys) in her own attendance or approval.
 */
export type Need = 'read' | 'edit' | 'approve-own';
export type Requirement =
  /** Anyone signed in: nothing of a committee's is read or changed. */
  | { kind: 'signed-in' }
  | { kind: 'admin' }
  /** The account itself (its own password), or an administrator. */
  | { kind: 'self-or-admin'; field: string }
  /** `any`: one of the committees found is enough (a proposal is seen from either end); else every one. */
  | { kind: 'committee'; checks: { need: Need; of: Locator }[]; any?: boolean }
  /** Global reads whose handler keeps to the account's committees (committees.list, search.items). */
  | { kind: 'filtered' };

const signedIn: Requirement = { kind: 'signed-in' };
const admin: Requirement = { kind: 'admin' };
const filtered: Requirement = { kind: 'filtered' };
const needs = (...checks: [Need, Locator][]): Requirement => ({ kind: 'committee', checks: checks.map(([need, of]) => ({ need, of })) });
const read = (of: Locator) => needs(['read', of]);
const edit = (of: Locator) => needs(['edit', of]);

export const REQUIREMENTS = {
  'system.info': signedIn,
  'settings.get': signedIn,
  // The organisation's name and logo print on every committee's documents.
  'settings.update': admin,

  'committees.list': filtered,
  'committees.get': read(committee('id')),
  'committees.create': admin,
  'committees.update': edit(committee('id')),
  'committees.addMember': edit(committee('committeeId')),
  'committees.updateMember': edit(committee('committeeId')),
  'committees.removeMember': edit(committee('committeeId')),
  'committees.endMembership': edit(committee('committeeId')),

  'meetings.list': read(committee('committeeId')),
  'meetings.get': read(meeting('id')),
  'meetings.create': edit(committee('committeeId')),
  'meetings.update': edit(meeting('id')),
  'meetings.cancel': edit(meeting('id')),
  'meetings.setStatus': edit(meeting('id')),

  // An import may touch any committee and the organisation's settings.
  'exchange.import': admin,
  'exchange.export': read(committeeNamedOrAll('committee')),

  'agenda.get': read(meeting('meetingId')),
  'agenda.getItem': read(item('itemId')),
  'agenda.addItem': edit(meeting('meetingId')),
  'agenda.updateItem': edit(item('itemId')),
  'agenda.removeItem': edit(item('itemId')),
  'agenda.reorder': edit(meeting('meetingId')),
  'agenda.copyItem': needs(['read', item('itemId')], ['edit', meeting('meetingId')]),
  'agenda.moveItem': needs(['edit', item('itemId')], ['edit', meeting('meetingId')]),
  'agenda.addAttachment': edit(item('itemId')),
  'agenda.updateAttachment': edit(attachment('attachmentId')),
  'agenda.removeAttachment': edit(attachment('attachmentId')),
  'agenda.reorderAttachments': edit(item('itemId')),
  'agenda.readAttachment': read(attachment('attachmentId')),
  'agenda.openAttachment': read(attachment('attachmentId')),

  'meetingday.get': read(meeting('meetingId')),
  'meetingday.setAttendance': needs(['approve-own', meeting('meetingId')]),
  'meetingday.setGuests': edit(meeting('meetingId')),
  'meetingday.setItemAbsence': edit(item('itemId')),
  'meetingday.setDecision': edit(item('itemId')),
  'meetingday.setVotes': edit(item('itemId')),
  'meetingday.addDissent': edit(item('itemId')),
  'meetingday.removeDissent': edit(item('itemId')),
  'meetingday.carryForward': edit(item('itemId')),
  'meetingday.approve': needs(['approve-own', meeting('meetingId')]),
  'meetingday.withdrawApproval': needs(['approve-own', meeting('meetingId')]),
  'meetingday.approveMinutes': edit(meeting('meetingId')),
  'meetingday.addAddendum': edit(meeting('meetingId')),
  // The whole archive's change log.
  'meetingday.verify': admin,

  'documents.preview': read(meeting('meetingId')),
  'documents.export': read(meeting('meetingId')),
  // A sample meeting, no archive data.
  'documents.templatePreview': signedIn,
  'documents.publication': read(meeting('meetingId')),

  // A calendar file may hold several committees' meetings: mapped per committee by an administrator.
  'calendar.previewImport': admin,
  'calendar.applyImport': admin,
  'calendar.proposeRollForward': read(committeeOrAll('committeeId')),
  'calendar.applyRollForward': edit(committeesIn('meetings', 'committeeId')),
  'calendar.export': read(committeeOrAll('committeeId')),
  'calendar.checkDay': signedIn,
  'calendar.getBlockedPeriods': signedIn,
  'calendar.setBlockedPeriods': admin,

  'search.items': filtered,

  // The file's own backups: on a server, the database's (pg_dump).
  'backups.list': admin,
  'backups.create': admin,
  'backups.restore': admin,
  'backups.setKeep': admin,

  // Writes a folder on the server's disk.
  'publish.toFolder': admin,
  'publish.zip': read(committee('committeeId')),
  'publish.preview': read(meeting('meetingId')),

  // A meeting taken out for the meeting day is its committee's secretary's (issue 14 §4).
  'checkout.status': read(meeting('meetingId')),
  'checkout.take': edit(meeting('meetingId')),
  'checkout.release': edit(meeting('meetingId')),
  'checkout.checkin': edit(meetingIn('package', 'meetingId')),
  // The laptop's side of a checkout: nothing a served archive's users do.
  'checkout.receive': admin,
  'checkout.prepare': admin,
  'checkout.done': admin,
  'checkout.copies': admin,

  // An item recommended onward (issue 14 §5): the sender's secretary proposes, the receiver's answers; both ends see it.
  'proposals.list': read(committee('committeeId')),
  'proposals.get': { kind: 'committee', any: true, checks: [{ need: 'read', of: proposalEnds('proposalId') }] },
  'proposals.propose': edit(item('itemId')),
  'proposals.accept': needs(['edit', proposalTarget('proposalId')], ['edit', meeting('meetingId')]),
  'proposals.reject': edit(proposalTarget('proposalId')),
  'proposals.keep': edit(proposalTarget('proposalId')),
  'proposals.removeAccepted': edit(proposalTarget('proposalId')),

  'accounts.me': signedIn,
  'accounts.list': admin,
  'accounts.add': admin,
  'accounts.setPassword': { kind: 'self-or-admin', field: 'login' },
  'accounts.update': admin,
  'accounts.setRole': admin,
} satisfies Record<OpName, Requirement>;
