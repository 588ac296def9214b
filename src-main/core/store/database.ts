// The kysely view of the schema (migrations/0010-init.ts). Nullable columns are `T | null`.
import type { Generated, Insertable, Kysely, Selectable, Updateable, Transaction } from 'kysely';

export interface SettingsTable { key: string; value: string }

export interface CommitteeTable {
  id: string;
  name: string;
  short_name: string | null;
  numbering: 'per-meeting' | 'per-year';
  default_location: string | null;
  default_start: string | null;
  default_end: string | null;
  template: Generated<string>;
  publication_profile: Generated<'council' | 'committee'>;
  created_at: string;
  updated_at: string;
}

export interface PersonTable { id: string; key: string; name: string }

export interface MembershipTable {
  id: string;
  committee_id: string;
  person_id: string;
  position: number;
  role: 'chair' | 'vice-chair' | 'member' | 'substitute' | 'secretary' | 'observer';
  title: string | null;
  party: string | null;
  valid_from: string | null;
  valid_until: string | null;
}

export interface MeetingTable {
  id: string;
  committee_id: string;
  start: string;
  end: string | null;
  location: string | null;
  calendar_uid: string | null;
  status: Generated<'planned' | 'agenda-published' | 'held' | 'minutes-approved' | 'cancelled'>;
  content_hash: string | null;
  locked_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every edit through the Api; an edit made from an older version is refused (meetings.update). */
  version: Generated<number>;
}

export interface ItemTable {
  id: string;
  meeting_id: string;
  position: number;
  number: number | null;
  title: string;
  case_number: string | null;
  access: Generated<'open' | 'closed'>;
  role: 'agenda-approval' | 'mutual-information' | 'signature' | null;
  supplementary: Generated<boolean>;
  postponed_from_meeting_id: string | null;
  postponed_from_number: number | null;
  public_title: string | null;
  closed_reason: 'personal' | 'property' | 'tender' | 'other' | null;
  closed_reason_text: string | null;
  /** Bumped by every edit through agenda.updateItem; an edit made from an older version is refused. */
  version: Generated<number>;
}

export interface ItemRouteStepTable { item_id: string; position: number; body: string; date: string | null }

export interface ItemSectionTable {
  id: string;
  item_id: string;
  position: number;
  kind: 'summary' | 'recommendation' | 'presentation' | 'legal' | 'economy' | 'procedure' | 'history' | 'custom';
  heading: string | null;
  body: string;
}

export interface FileTable { sha256: string; size: number; added_at: string }

export interface AttachmentTable {
  id: string;
  item_id: string;
  position: number;
  title: string;
  access: Generated<'open' | 'closed'>;
  sha256: string | null;
  file_name: string | null;
}

export interface AttendanceTable {
  meeting_id: string;
  person_id: string;
  position: number;
  status: 'present' | 'apologies' | 'absent';
  substitute_id: string | null;
  from_item: number | null;
  until_item: number | null;
}

export interface GuestTable { id: string; meeting_id: string; position: number; name: string; title: string | null; items: string | null }

export interface ItemAbsenceTable { item_id: string; person_id: string; position: number; reason: 'absent' | 'disqualified' }

export interface DecisionTable {
  item_id: string;
  outcome: 'approved' | 'noted' | 'discussed' | 'postponed' | 'rejected' | 'recommended' | 'other';
  text: string | null;
  /** A closed item's decision in the public version; null: as the committee's publication profile says. */
  publication: 'published' | 'withheld' | null;
  has_votes: Generated<boolean>;
}

export interface VoteTable {
  item_id: string;
  position: number;
  choice: 'for' | 'against' | 'abstained';
  person_id: string | null;
  party: string | null;
  count: number | null;
}

export interface DissentTable { item_id: string; position: number; person_id: string; text: string }

export interface ApprovalTable { meeting_id: string; person_id: string; at: string }

export interface AddendumTable { id: string; meeting_id: string; at: string; text: string }

export interface ChangeLogTable {
  seq: Generated<number>;
  at: string;
  meeting_id: string | null;
  committee_id: string | null;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
  /** HMAC-SHA256 of `hash` under the key kept outside the file (seal/signing.ts); null when written without one. */
  mac: string | null;
  /** Which key made `mac` (a short fingerprint, never the key). */
  mac_key: string | null;
  /** Who made the change: the signed-in account under `referent serve`; null on the desktop. Hashed when set. */
  author: string | null;
}

/**
 * A meeting checked out for offline work (migration 0100). On the server ('server'): held by
 * `holder` since `since`; `head`/`head_seq` are the change log's head at checkout, which the
 * laptop's offline entries must continue. On the laptop ('copy'): the copy it holds, `head_seq`
 * being its own change log's length once the copy was written (later entries are the offline ones).
 */
export interface CheckoutTable {
  meeting_id: string;
  id: string;
  role: 'server' | 'copy';
  committee_id: string;
  holder: string;
  since: string;
  head: string;
  head_seq: number;
}

/** The sealed content of approved minutes: what their documents print, frozen at approval. */
export interface MeetingSealTable {
  meeting_id: string;
  content: string | null;
  entry: number | null;
  entry_hash: string | null;
  sealed_at: string;
}

export interface DocumentPageCacheTable {
  meeting_id: string;
  kind: 'agenda' | 'minutes' | 'decisions';
  public: boolean;
  content_hash: string;
  pages: string;
  created_at: string;
}

/** Who may use a served archive (migration 0120; core/accounts). */
export interface AccountTable {
  id: string;
  login: string;
  display_name: string;
  /** argon2id (PHC string); null for an account that signs in only through the identity provider. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  admin: Generated<boolean>;
  disabled_at: string | null;
  created_at: string;
}
export interface AccountRoleTable {
  account_id: string;
  committee_id: string;
  role: 'secretary' | 'member' | 'reader';
  /** A member's own key in the committee (people.key): what "approve own" compares with. */
  member_key: string | null;
}
/** A signed-in browser: the SHA-256 of the cookie's random id, never the id itself. */
export interface SessionTable { id_hash: string; account_id: string; created_at: string; expires_at: string }

/** The search index's own tables (migration 0040; store/fts5-search-index.ts). */
export interface SearchKeyTable { key: number; item_id: string }
export interface SearchPendingTable { item_id: string }

export interface Database {
  settings: SettingsTable;
  committees: CommitteeTable;
  people: PersonTable;
  memberships: MembershipTable;
  meetings: MeetingTable;
  items: ItemTable;
  item_route_steps: ItemRouteStepTable;
  item_sections: ItemSectionTable;
  files: FileTable;
  attachments: AttachmentTable;
  attendance: AttendanceTable;
  guests: GuestTable;
  item_absences: ItemAbsenceTable;
  decisions: DecisionTable;
  votes: VoteTable;
  dissents: DissentTable;
  approvals: ApprovalTable;
  addenda: AddendumTable;
  change_log: ChangeLogTable;
  document_page_cache: DocumentPageCacheTable;
  search_keys: SearchKeyTable;
  search_pending: SearchPendingTable;
  meeting_seals: MeetingSealTable;
  checkouts: CheckoutTable;
  proposals: ProposalTable;
  accounts: AccountTable;
  account_roles: AccountRoleTable;
  sessions: SessionTable;
}

/** An item recommended onward to another committee, waiting for (or answered by) its secretary (migration 0110). */
export interface ProposalTable {
  id: string;
  source_item_id: string;
  target_committee_id: string;
  not_before: string;
  status: 'pending' | 'accepted' | 'rejected' | 'withdrawn';
  created_at: string;
  created_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  accepted_item_id: string | null;
  /** The sending decision as it was accepted, as "Sagens forløb" printed it (migration 0130). */
  accepted_decision: string | null;
  /** The sender changed that decision since: when, by whom, and the decision now ('' when removed). Null once answered. */
  change_at: string | null;
  change_by: string | null;
  change_now: string | null;
}

export type Db = Kysely<Database> | Transaction<Database>;

export type CommitteeRow = Selectable<CommitteeTable>;
export type NewCommitteeRow = Insertable<CommitteeTable>;
export type CommitteeRowUpdate = Updateable<CommitteeTable>;
export type MeetingRow = Selectable<MeetingTable>;
export type NewMeetingRow = Insertable<MeetingTable>;
export type MeetingRowUpdate = Updateable<MeetingTable>;
export type ItemRow = Selectable<ItemTable>;
export type NewItemRow = Insertable<ItemTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type PersonRow = Selectable<PersonTable>;
