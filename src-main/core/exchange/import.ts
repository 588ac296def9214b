// Imports a referent/v1 document: all or nothing, in one transaction. A bad document changes
// nothing, and the error names the JSON path of its first fault. A document read from a file
// comes as events (json-stream.ts) and is validated and written a meeting at a time (a committee
// at a time when its meetings come before its name, numbering or members), so an archive of any
// size imports with memory bounded by one meeting.
import type { ImportReport } from '../../../src-shared/api/exchange';
import type { z } from 'zod';
import { CommitteeSchema, ReferentDocumentSchema, type ExCommittee, type ExMeeting, type ReferentDocument } from '../../../src-shared/exchange';
import { AppError, describeRefusal } from '../errors';
import type { Store } from '../store/open';
import type { Db } from '../store/database';
import { writingWhole } from '../store/batches';
import { appendChange } from '../changelog/changelog';

import { nowIso, sha256Hex } from '../util/canonical';
import type { DocumentEvent } from './json-stream';
import { importOrganization } from './import-settings';
import { closeCommittee, importCommittee, importCommitteeMeeting, lateCommitteeFields, openCommittee, type Approved, type OpenCommittee } from './import-committee';
import { freezeItemNumbers } from '../meetingday/approval.service';
import { sealImported } from '../seal/seal.service';
import { backupBeforeImport } from '../backups/before-import';
import { importProposals } from '../flow/proposals.exchange';
import type { NoteMeeting, SearchIndex } from '../search/search-index';

export type ImportOptions = {
  /** Attachment bytes carried beside the document (a .referent.zip bundle), by SHA-256. */
  files?: Map<string, Uint8Array>;
  /** Take the file's settings where they differ from the store's (import-settings.ts); default: keep ours. */
  adoptOrganization?: boolean;
  /** Runs last in the import's transaction (a checkout marks its copy there): the two land together or not at all. */
  after?: (db: Db) => Promise<void>;
};

export function parseDocument(raw: unknown): ReferentDocument {
  const parsed = ReferentDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const { message, da } = describeRefusal(ReferentDocumentSchema, raw, parsed.error);
    throw new AppError('Invalid', message, da ?? message);
  }
  return parsed.data;
}

/** Parses one part of a document; a fault names its path in the whole document. */
function parsePart<S extends z.ZodType>(schema: S, raw: unknown, at: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { message, da } = describeRefusal(schema, raw, parsed.error);
  const place = (m: string): string => (m.startsWith('(document)') ? `${at}${m.slice('(document)'.length)}` : `${at}.${m}`);
  throw new AppError('Invalid', place(message), place(da ?? message));
}

type Body = (db: Db, report: ImportReport, files: Map<string, Uint8Array>, approved: Approved, noteMeeting: NoteMeeting) => Promise<void>;

export async function importDocument(store: Store, raw: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  const doc = parseDocument(raw);
  const adopt = options.adoptOrganization === true;
  return runImport(store, options, async (db, report, files, approved, noteMeeting) => {
    if (doc.organization) await importOrganization(db, doc.organization, adopt, report);
    for (const [ci, committee] of doc.committees.entries()) await importCommittee(db, committee, `committees[${ci}]`, { adopt, report, files, approved, noteMeeting });
    // After every committee: a proposal names items of two of them.
    if (doc.proposals) await importProposals(db, doc.proposals, report);
  });
}

/** A committee's fields that must come before its first meeting for the meetings to be written as they are read. */
const HEADER = ['name', 'numbering', 'members'];

/**
 * A document read as events: each meeting is validated and written as soon as it has been read,
 * then let go, when its committee's name, numbering and members came before it (as Referent
 * writes them); otherwise the committee is gathered and written when it ends. The document's own
 * fields (format, organization) are checked at the end; a fault anywhere still changes nothing.
 */
export async function importDocumentStream(store: Store, events: AsyncIterable<DocumentEvent>, options: ImportOptions = {}): Promise<ImportReport> {
  const adopt = options.adoptOrganization === true;
  return runImport(store, options, async (db, report, files, approved, noteMeeting) => {
    const context = { adopt, report, files, approved, noteMeeting };
    const top: Record<string, unknown> = {};
    const names = new Map<string, number>();
    const named = (c: ExCommittee, index: number, at: string): void => {
      const prior = names.get(c.name);
      if (prior !== undefined) throw new AppError('Invalid', `${at}.name: repeats the committee "${c.name}" of committees[${prior}]`, `${at}.name: gentager udvalget "${c.name}" fra committees[${prior}].`);
      names.set(c.name, index);
    };
    let committee: Record<string, unknown> = {};
    let meetings: unknown[] = [];
    let raw: unknown = undefined;
    // Set once the committee's own fields have come and its meetings are written as they arrive.
    let open: OpenCommittee | null = null;
    let late = new Set<string>();
    for await (const e of events) {
      if (e.kind === 'field') {
        if (e.key !== 'committees') top[e.key] = e.value;
        else if (!Array.isArray(e.value)) raw = e.value;
      } else if (e.kind === 'committee-start') {
        committee = {};
        meetings = [];
        raw = undefined;
        open = null;
        late = new Set();
      } else if (e.kind === 'committee-field') {
        if (e.key === '') raw = e.value;
        else committee[e.key] = e.key === 'meetings' ? meetings : e.value;
        if (open) {
          const at = `committees[${e.index}].${e.key}`;
          if ([...HEADER, 'meetings'].includes(e.key)) throw new AppError('Invalid', `${at}: appears twice in the committee`, `${at}: står to gange i udvalget.`);
          late.add(e.key);
        }
      } else if (e.kind === 'meeting') {
        const at = `committees[${e.committee}]`;
        if (!open && meetings.length === 0 && raw === undefined && HEADER.every((k) => k in committee)) {
          const header = parsePart(CommitteeSchema, { ...committee, meetings: [] }, at);
          named(header, e.committee, at);
          open = await openCommittee(db, header, at, context);
        }
        if (open) await importCommitteeMeeting(db, open, parseMeeting(committee, e.value, e.index, at), e.index, context);
        else meetings.push(e.value);
      } else {
        const at = `committees[${e.index}]`;
        if (open) {
          if (late.size > 0) await lateCommitteeFields(db, open, parsePart(CommitteeSchema, { ...committee, meetings: [] }, at), late, context);
          await closeCommittee(db, open, context);
        } else {
          const c = parsePart(CommitteeSchema, raw ?? committee, at);
          named(c, e.index, at);
          await importCommittee(db, c, at, context);
        }
        committee = {};
        meetings = [];
        open = null;
      }
    }
    // The document's own fields, checked as a whole document without its committees.
    const doc = parsePart(ReferentDocumentSchema, { ...top, committees: raw !== undefined && !Array.isArray(raw) ? raw : [] }, '');
    if (doc.organization) await importOrganization(db, doc.organization, adopt, report);
    if (doc.proposals) await importProposals(db, doc.proposals, report);
  });
}

/** One meeting, checked as the committee holding only it would be (its references to members, its item numbers); a fault names its own index. */
function parseMeeting(committee: Record<string, unknown>, raw: unknown, index: number, at: string): ExMeeting {
  const whole = { ...committee, meetings: [raw] };
  const parsed = CommitteeSchema.safeParse(whole);
  if (parsed.success) return parsed.data.meetings[0]!;
  const { message, da } = describeRefusal(CommitteeSchema, whole, parsed.error);
  const place = (m: string): string => `${at}.${m.replace(/^meetings\[0\]/, `meetings[${index}]`)}`;
  throw new AppError('Invalid', place(message), place(da ?? message));
}

async function runImport(store: Store, options: ImportOptions, body: Body): Promise<ImportReport> {
  const files = options.files ?? new Map<string, Uint8Array>();
  for (const [sha, bytes] of files) {
    if (sha256Hex(bytes) !== sha) throw new AppError('Invalid', `files/${sha}: the file's content does not match its SHA-256 name`, `files/${sha}: filens indhold passer ikke med dens SHA-256-navn.`);
  }
  await backupBeforeImport(store);
  // In a folder, blobs first (content-addressed, so harmless if the transaction then fails; new ones
  // are removed); in a database, in the transaction. One already stored is kept only when it is
  // whole: a truncated one is written again from these bytes.
  const written: string[] = [];
  if (!store.files.transactional) {
    for (const [sha, bytes] of files) if ((await store.files.put(store.db, sha, bytes)) === 'created') written.push(sha);
  }
  try {
    // One transaction; the search index takes everything the import changed in the same one (store.write).
    return await store.write(async (trx) => {
      if (store.files.transactional) for (const [sha, bytes] of files) await store.files.put(trx, sha, bytes);
      // All or nothing: a fault anywhere rolls the whole import back, so its rows may go a statement per row (batches.ts).
      const report = await writingWhole(trx, () => importInTransaction(trx, store.search, files, body));
      if (options.after) await options.after(trx);
      return report;
    });
  } catch (e) {
    for (const sha of written) await store.files.discard(sha);
    throw e;
  }
}

async function importInTransaction(db: Db, search: SearchIndex, files: Map<string, Uint8Array>, body: Body): Promise<ImportReport> {
  const report: ImportReport = { committees: { added: 0, updated: 0 }, meetings: { added: 0, replaced: 0, unchanged: 0 }, items: 0, files: 0, settings: [], newKeys: [] };
  for (const [sha, bytes] of files) {
    const r = await db.insertInto('files').values({ sha256: sha, size: bytes.byteLength, added_at: nowIso() }).onConflict((oc) => oc.column('sha256').doNothing()).executeTakeFirst();
    report.files += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  const approved: Approved = [];
  await search.bulkInsert(db, (noteMeeting) => body(db, report, files, approved, noteMeeting));
  // Sealed last: a streamed document's organisation is written after its committees, and the seal
  // freezes what the minutes print, the organisation's name among it.
  for (const a of approved) await lockApproved(db, a.committeeId, a.meetingIds);
  await appendChange(db, { action: 'exchange.import', payload: report });
  return report;
}

/**
 * Approved meetings arrive locked and sealed, as approval here would leave them: what their
 * documents print frozen, and the hash of that in the change log.
 */
export async function lockApproved(db: Db, committeeId: string, meetingIds: string[]): Promise<void> {
  if (meetingIds.length === 0) return;
  for (const id of meetingIds) await freezeItemNumbers(db, id);
  const now = nowIso();
  for (const id of meetingIds) await db.updateTable('meetings').set({ locked_at: now }).where('id', '=', id).execute();
  await sealImported(db, committeeId, meetingIds, now);
}

