// The vocabulary of a committee's work, shared by every layer: enums, labels and the
// plain types (DTOs) that travel through the Api. Nothing here touches a platform.

export const SECTION_KINDS = ['summary', 'recommendation', 'presentation', 'legal', 'economy', 'procedure', 'history', 'custom'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const ITEM_ROLES = ['agenda-approval', 'mutual-information', 'signature'] as const;
export type ItemRole = (typeof ITEM_ROLES)[number];

export const MEMBER_ROLES = ['chair', 'vice-chair', 'member', 'substitute', 'secretary', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEETING_STATUSES = ['planned', 'agenda-published', 'held', 'minutes-approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const OUTCOMES = ['approved', 'noted', 'discussed', 'postponed', 'rejected', 'recommended', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const NUMBERING_RULES = ['per-meeting', 'per-year'] as const;
export type NumberingRule = (typeof NUMBERING_RULES)[number];

export const ACCESS = ['open', 'closed'] as const;
export type Access = (typeof ACCESS)[number];

/**
 * What the public version keeps of a closed item (publication-law notes): "council" (the
 * kommunalbestyrelse's duty) keeps its public title, the reason it was closed and, unless withheld,
 * the decision with its vote count; "committee" prints a stub with the public title only.
 */
export const PUBLICATION_PROFILES = ['council', 'committee'] as const;
export type PublicationProfile = (typeof PUBLICATION_PROFILES)[number];
export const DEFAULT_PUBLICATION_PROFILE: PublicationProfile = 'committee';

/** Why an item is closed, decided case by case; printed in the public stub. */
export const CLOSED_REASONS = ['personal', 'property', 'tender', 'other'] as const;
export type ClosedReasonKind = (typeof CLOSED_REASONS)[number];
export type ClosedReason = { kind: ClosedReasonKind; text?: string | undefined };

/** The reason as the public version prints it, after "Lukket af hensyn til". */
export const CLOSED_REASON_LABEL_DA: Record<ClosedReasonKind, string> = {
  personal: 'personlige forhold',
  property: 'køb eller salg af fast ejendom',
  tender: 'et udbud',
  other: 'andre fortrolige forhold',
};

/** The public title of a closed item when none is given. */
export const DEFAULT_PUBLIC_TITLE = 'Lukket punkt';

/** Danish labels printed in documents (DESIGN.md, "Conventions of the documents"). */
export const OUTCOME_LABEL_DA: Record<Outcome, string> = {
  approved: 'Godkendt',
  noted: 'Taget til efterretning',
  discussed: 'Drøftet',
  postponed: 'Udsat',
  rejected: 'Afvist',
  recommended: 'Anbefales',
  other: 'Andet',
};

/** Section headings of the reference referat; a committee template may rename them. */
export const DEFAULT_HEADINGS_DA: Record<SectionKind, string> = {
  summary: 'Sagsresume',
  recommendation: 'Indstilling',
  presentation: 'Sagsfremstilling',
  legal: 'Juridiske aspekter',
  economy: 'Økonomiske konsekvenser',
  procedure: 'Procedure',
  history: 'Sagens forløb',
  custom: 'Andet',
};

export const DEFAULT_SECTION_ORDER: SectionKind[] = ['summary', 'recommendation', 'presentation', 'legal', 'economy', 'history', 'procedure', 'custom'];

export const DEFAULT_DECISION_HEADING = 'Beslutning i {udvalg} den {dato}';

export const DEFAULT_PHRASES = ['Godkendt', 'Taget til efterretning', 'Drøftet', 'Udsat', 'Anbefales', 'Afvist'];

export type StandardItem = { title: string; role?: ItemRole | undefined; position: 'first' | 'last' };

export type CommitteeTemplate = {
  headings?: Partial<Record<SectionKind, string>> | undefined;
  order?: SectionKind[] | undefined;
  decisionFirst?: boolean | undefined;
  decisionHeading?: string | undefined;
  attendanceUnderItems?: boolean | undefined;
  signaturePage?: boolean | undefined;
  phrases?: string[] | undefined;
  standardItems?: StandardItem[] | undefined;
  memberTitles?: boolean | undefined;
  sectionsHeading?: string | undefined;
  attendanceAtEnd?: boolean | undefined;
  substituteInHeader?: boolean | undefined;
};

/** The template with every default filled in, as the documents and the editor use it. */
export type ResolvedTemplate = {
  headings: Record<SectionKind, string>;
  order: SectionKind[];
  decisionFirst: boolean;
  decisionHeading: string;
  attendanceUnderItems: boolean;
  signaturePage: boolean;
  phrases: string[];
  standardItems: StandardItem[];
  /** Members' titles in the participants line: "Martin Damm (teamleder)". */
  memberTitles: boolean;
  /** A heading wrapping the case's sections (e.g. "Sagsfremstilling"), their headings one level down; "" for none. */
  sectionsHeading: string;
  /** The attendance lines also at the end of each item, not only under the decision. */
  attendanceAtEnd: boolean;
  /** The substitute named in the participants line; otherwise in the attendance lines of the items they sat for. */
  substituteInHeader: boolean;
};

export function resolveTemplate(t: CommitteeTemplate | undefined | null): ResolvedTemplate {
  const order = t?.order && t.order.length > 0 ? [...t.order] : [...DEFAULT_SECTION_ORDER];
  for (const kind of DEFAULT_SECTION_ORDER) if (!order.includes(kind)) order.push(kind);
  return {
    headings: { ...DEFAULT_HEADINGS_DA, ...(t?.headings ?? {}) },
    order,
    decisionFirst: t?.decisionFirst ?? false,
    decisionHeading: t?.decisionHeading ?? DEFAULT_DECISION_HEADING,
    attendanceUnderItems: t?.attendanceUnderItems ?? false,
    signaturePage: t?.signaturePage ?? false,
    phrases: t?.phrases ?? [...DEFAULT_PHRASES],
    standardItems: t?.standardItems ?? [],
    memberTitles: t?.memberTitles ?? true,
    sectionsHeading: t?.sectionsHeading?.trim() ?? '',
    attendanceAtEnd: t?.attendanceAtEnd ?? false,
    substituteInHeader: t?.substituteInHeader ?? true,
  };
}

// ---- DTOs returned by the Api -------------------------------------------------------------

export type CommitteeSummary = {
  id: string;
  name: string;
  shortName: string | null;
  numbering: NumberingRule;
  meetingCount: number;
  nextMeeting: string | null;
};

export type Committee = {
  id: string;
  name: string;
  shortName: string | null;
  numbering: NumberingRule;
  defaults: { location: string | null; start: string | null; end: string | null };
  template: CommitteeTemplate;
  publicationProfile: PublicationProfile;
  members: MemberDto[];
};

export type MemberDto = {
  key: string;
  name: string;
  title: string | null;
  party: string | null;
  role: MemberRole;
  from: string | null;
  until: string | null;
};

export type MeetingSummary = {
  id: string;
  committeeId: string;
  start: string;
  end: string | null;
  location: string | null;
  status: MeetingStatus;
  itemCount: number;
  locked: boolean;
  /** Taken offline by someone (checked out from this archive): read-only here until the copy is handed in. */
  heldOffline: boolean;
  /** Moves on with every edit of the meeting's time or place; the form sends the one it loaded (meetings.update). */
  version: number;
};

/** A meeting with its committee's name, for headers. */
export type MeetingHeader = MeetingSummary & { committeeName: string; numbering: NumberingRule };

/** What became of an item proposed to another committee (issue 14 §5): pending, accepted into an agenda, rejected, or withdrawn. */
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
