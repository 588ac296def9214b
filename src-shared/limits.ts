// One size limit per field, the same at every entry: the Api (the editor), imports of a
// referent/v1 document and the calendar import all check these numbers before doing any work,
// so nothing gets in that an export could not carry out again.
export const FIELD_LIMITS = {
  committeeName: 200,
  committeeShortName: 20,
  location: 300,
  memberKey: 100,
  memberName: 200,
  memberTitle: 200,
  memberParty: 100,
  itemTitle: 500,
  caseNumber: 100,
  sectionHeading: 200,
  /** A section of an item, and a decision's text: Markdown. */
  body: 2_000_000,
  routeStep: 200,
  attachmentTitle: 500,
  attachmentFileName: 255,
  dissent: 2000,
  addendum: 20_000,
  guestName: 200,
  guestTitle: 200,
  organizationName: 200,
  calendarUid: 500,
  reason: 200,
  /** Why an item is closed, as printed in the public version. */
  closedReason: 500,
  phrase: 2000,
  /** Why a committee's secretary rejected an item proposed to it by another committee. */
  proposalReason: 2000,
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;
