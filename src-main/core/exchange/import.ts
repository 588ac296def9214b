// Imports a referent/v1 document: all or nothing, in one transaction. A bad document changes
// nothing, and the error names the JSON path of its first fault. A document read from a file
// comes as events (json-stream.ts) and is validated and written a committee at a time, so an
// archive of any size imports with memory bounded by its largest committee.
import fs from 'node:fs';
import type { ImportReport } from '../../../src-shared/api/exchange';
import type { z } from 'zod';
import { CommitteeSchema, ReferentDocumentSchema, type ExCommittee, type ExMeeting, type ReferentDocument } from '../../../src-shared/exchange';
import { formatLongDa, formatShortDa } from '../../../src-shared/dates';
import { AppError, describeRefusal } from '../errors';
import type { Store } from '../store/open';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { importedFileName } from '../files/attachment-policy';
import { filePath, storeBlob } from '../files/file-store';
import { canonicalJson, newId, nowIso, sha256Hex } from '../util/canonical';
import { readMeetings, stripUndefined } from '../meetings/meeting-content';
import { sealImported } from '../seal/seal.service';
import type { DocumentEvent } from './json-stream';
import { committeeFields, existingCommitteeFields, importOrganization, membershipUpdate, personFor } from './import-settings';
import { writeMeetingContent } from '../meetings/meeting-write';
import { normalizeMeeting } from './normalize';
import { freezeItemNumbers } from '../meetingday/approval.service';
import { backupBeforeImport } from '../backups/before-import';

export type ImportOptions = {
  /** Attachment bytes carried beside the document (a .referent.zip bundle), by SHA-256. */
  files?: Map<string, Uint8Array>;
  /** Take the file's settings where they differ from the store's (import-settings.ts); default: keep ours. */
  adoptOrganization?: boolean;
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

/** Meetings that arrived approved, by committee: locked and sealed once the whole document is written. */
type Approved = { committeeId: string; meetingIds: string[] }[];
type Body = (db: Db, report: ImportReport, files: Map<string, Uint8Array>, approved: Approved) => Promise<void>;

export async function importDocument(store: Store, raw: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  const doc = parseDocument(raw);
  const adopt = options.adoptOrganization === true;
  return runImport(store, options, async (db, report, files, approved) => {
    if (doc.organization) await importOrganization(db, doc.organization, adopt, report);
    for (const [ci, committee] of doc.committees.entries()) await importCommittee(db, committee, `committees[${ci}]`, adopt, report, files, approved);
  });
}

/**
 * A document read as events: each committee is validated and written as soon as it has been
 * read, then let go. The document's own fields (format, organization) are checked at the end;
 * a fault anywhere still changes nothing.
 */
export async function importDocumentStream(store: Store, events: AsyncIterable<DocumentEvent>, options: ImportOptions = {}): Promise<ImportReport> {
  const adopt = options.adoptOrganization === true;
  return runImport(store, options, async (db, report, files, approved) => {
    const top: Record<string, unknown> = {};
    const names = new Map<string, number>();
    let committee: Record<string, unknown> = {};
    let meetings: unknown[] = [];
    let raw: unknown = undefined;
    for await (const e of events) {
      if (e.kind === 'field') {
        if (e.key !== 'committees') top[e.key] = e.value;
        else if (!Array.isArray(e.value)) raw = e.value;
      } else if (e.kind === 'committee-start') {
        committee = {};
        meetings = [];
        raw = undefined;
      } else if (e.kind === 'committee-field') {
        if (e.key === '') raw = e.value;
        else committee[e.key] = e.key === 'meetings' ? meetings : e.value;
      } else if (e.kind === 'meeting') {
        meetings.push(e.value);
      } else {
        const at = `committees[${e.index}]`;
        const c = parsePart(CommitteeSchema, raw ?? committee, at);
        const prior = names.get(c.name);
        if (prior !== undefined) throw new AppError('Invalid', `${at}.name: repeats the committee "${c.name}" of committees[${prior}]`, `${at}.name: gentager udvalget "${c.name}" fra committees[${prior}].`);
        names.set(c.name, e.index);
        await importCommittee(db, c, at, adopt, report, files, approved);
        committee = {};
        meetings = [];
      }
    }
    // The document's own fields, checked as a whole document without its committees.
    const doc = parsePart(ReferentDocumentSchema, { ...top, committees: raw !== undefined && !Array.isArray(raw) ? raw : [] }, '');
    if (doc.organization) await importOrganization(db, doc.organization, adopt, report);
  });
}

async function runImport(store: Store, options: ImportOptions, body: Body): Promise<ImportReport> {
  const files = options.files ?? new Map<string, Uint8Array>();
  for (const [sha, bytes] of files) {
    if (sha256Hex(bytes) !== sha) throw new AppError('Invalid', `files/${sha}: the file's content does not match its SHA-256 name`, `files/${sha}: filens indhold passer ikke med dens SHA-256-navn.`);
  }
  await backupBeforeImport(store);
  // Blobs first (content-addressed, so harmless if the transaction then fails; new ones are removed).
  // One already stored is kept only when it is whole: a truncated one is written again from these bytes.
  const written: string[] = [];
  for (const [sha, bytes] of files) {
    if (storeBlob(store.filesDir, sha, bytes) === 'created') written.push(filePath(store.filesDir, sha));
  }
  try {
    // One transaction; the search index takes everything the import changed in the same one (store.write).
    return await store.write((trx) => importInTransaction(trx, files, body));
  } catch (e) {
    for (const f of written) fs.rmSync(f, { force: true });
    throw e;
  }
}

/**
 * An attachment whose file is not a document Referent opens (an .exe, "Budget 2027.pdf.cmd", a
 * "PDF" whose bytes are something else) keeps its bytes but is stored under a name that opens
 * nothing. Done to the committee as read, so a locked meeting compares with what was stored.
 */
function defuseFileNames(c: ExCommittee, files: Map<string, Uint8Array>, report: ImportReport): void {
  for (const m of c.meetings)
    for (const i of m.items)
      for (const a of i.attachments ?? []) {
        if (a.file === undefined) continue;
        const safe = importedFileName(a.file, a.sha256 ? files.get(a.sha256) : undefined);
        if (safe !== a.file) {
          (report.renamedFiles ??= []).push({ from: a.file, to: safe });
          a.file = safe;
        }
      }
}

async function importInTransaction(db: Db, files: Map<string, Uint8Array>, body: Body): Promise<ImportReport> {
  const report: ImportReport = { committees: { added: 0, updated: 0 }, meetings: { added: 0, replaced: 0, unchanged: 0 }, items: 0, files: 0, settings: [], newKeys: [] };
  for (const [sha, bytes] of files) {
    const r = await db.insertInto('files').values({ sha256: sha, size: bytes.byteLength, added_at: nowIso() }).onConflict((oc) => oc.column('sha256').doNothing()).executeTakeFirst();
    report.files += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  const approved: Approved = [];
  await body(db, report, files, approved);
  // Sealed last: a streamed document's organisation is written after its committees, and the seal
  // freezes what the minutes print, the organisation's name among it.
  for (const a of approved) await lockApproved(db, a.committeeId, a.meetingIds);
  await appendChange(db, { action: 'exchange.import', payload: report });
  return report;
}

async function importCommittee(db: Db, c: ExCommittee, at: string, adopt: boolean, report: ImportReport, files: Map<string, Uint8Array>, approved: Approved): Promise<void> {
  defuseFileNames(c, files, report);
  const now = nowIso();
  let row = await db.selectFrom('committees').selectAll().where('name', '=', c.name).executeTakeFirst();
  // The file's short name is checked only where it will be written (a new committee, or adopting).
  if (c.shortName && (!row || adopt)) {
    const other = await db.selectFrom('committees').select(['id', 'name']).where('short_name', '=', c.shortName).executeTakeFirst();
    if (other && other.id !== row?.id) throw new AppError('Conflict', `${at}.shortName: "${c.shortName}" is already the short name of "${other.name}"`, `${at}.shortName: "${c.shortName}" er allerede forkortelsen for "${other.name}".`);
  }
  if (row) {
    await db.updateTable('committees').set({ ...existingCommitteeFields(row, c, adopt, report), updated_at: now }).where('id', '=', row.id).execute();
    report.committees.updated++;
  } else {
    const id = newId();
    await db.insertInto('committees').values({ id, name: c.name, ...committeeFields(c), created_at: now, updated_at: now }).execute();
    report.committees.added++;
  }
  const existed = row !== undefined;
  row = (await db.selectFrom('committees').selectAll().where('name', '=', c.name).executeTakeFirst())!;
  const committeeId = row.id;

  // Members: upserted by key; members the document leaves out stay, since old meetings name them.
  const existing = new Map((await db.selectFrom('memberships').selectAll().where('committee_id', '=', committeeId).execute()).map((ms) => [ms.person_id, ms]));
  let nextPosition = [...existing.values()].reduce((max, m) => Math.max(max, m.position + 1), 0);
  const personIds = new Map<string, string>();
  for (const [mi, m] of c.members.entries()) {
    const personId = await personFor(db, { id: existed ? committeeId : null, name: c.name }, m, adopt, report);
    personIds.set(m.key, personId);
    const current = existing.get(personId);
    // An existing membership keeps its values and place unless the import adopts the file's.
    const values = membershipUpdate(current, m, c.name, adopt, report);
    if (!current) {
      await db.insertInto('memberships').values({ id: newId(), committee_id: committeeId, person_id: personId, position: nextPosition++, ...values! }).execute();
    } else if (values) {
      await db.updateTable('memberships').set({ ...values, position: mi }).where('id', '=', current.id).execute();
    }
  }
  const members = await db.selectFrom('memberships as ms').innerJoin('people as p', 'p.id', 'ms.person_id').select(['p.key', 'p.id']).where('ms.committee_id', '=', committeeId).execute();
  // Members the file leaves out keep their keys, unless the file uses that key for someone else.
  for (const m of members) if (!personIds.has(m.key)) personIds.set(m.key, m.id);

  const locking: string[] = [];
  for (const [mi, m] of c.meetings.entries()) {
    const path = `${at}.meetings[${mi}]`;
    const locked = await importMeeting(db, committeeId, c.name, m, path, personIds, report);
    if (locked) locking.push(locked);
  }
  if (locking.length > 0) approved.push({ committeeId, meetingIds: locking });
  await appendChange(db, { committeeId, action: 'committee.import', payload: { name: c.name, meetings: c.meetings.length } });
}

/** Returns the meeting's id when it arrived approved and is to be locked (lockApproved, at the end of the import). */
async function importMeeting(db: Db, committeeId: string, committeeName: string, m: ExMeeting, at: string, personIds: Map<string, string>, report: ImportReport): Promise<string | null> {
  let existing = m.id ? await db.selectFrom('meetings').selectAll().where('id', '=', m.id).executeTakeFirst() : undefined;
  if (existing && existing.committee_id !== committeeId) throw new AppError('Conflict', `${at}.id: the meeting ${m.id} belongs to another committee`, `${at}.id: mødet ${m.id} hører til et andet udvalg.`);
  const atStart = await db.selectFrom('meetings').selectAll().where('committee_id', '=', committeeId).where('start', '=', m.start).executeTakeFirst();
  if (!existing && atStart) {
    if (m.id) throw new AppError('Conflict', `${at}.start: ${committeeName} already has another meeting (${atStart.id}) at ${m.start}`,
        `${at}.start: ${committeeName} har allerede et andet møde (${atStart.id}) ${formatLongDa(m.start).toLowerCase()}.`,
      );
    existing = atStart;
  } else if (existing && atStart && atStart.id !== existing.id) {
    throw new AppError('Conflict', `${at}.start: ${committeeName} already has another meeting at ${m.start}`,
      `${at}.start: ${committeeName} har allerede et andet møde ${formatLongDa(m.start).toLowerCase()}.`,
    );
  }

  if (existing?.locked_at) {
    const [current] = await readMeetings(db, { meetingIds: [existing.id] });
    const same = canonicalJson(normalizeMeeting(current!.meeting, m)) === canonicalJson(normalizeMeeting(stripUndefined({ ...m, id: existing.id }), m));
    if (!same) throw new AppError('Locked', `${at}: the meeting of ${committeeName} on ${m.start.replace('T', ' ')} is approved and locked, and the document's content differs from it`,
        `${at}: mødet i ${committeeName} den ${formatShortDa(m.start)} er godkendt og låst, og dokumentets indhold afviger fra det.`,
      );
    report.meetings.unchanged++;
    return null;
  }

  const id = existing?.id ?? m.id ?? newId();
  const now = nowIso();
  const row = {
    start: m.start,
    end: m.end ?? null,
    location: m.location ?? null,
    calendar_uid: m.calendarUid ?? null,
    status: m.status ?? 'planned',
    updated_at: now,
  };
  if (existing) {
    await db.updateTable('meetings').set(row).where('id', '=', id).execute();
    report.meetings.replaced++;
  } else {
    await db.insertInto('meetings').values({ id, committee_id: committeeId, ...row, created_at: now }).execute();
    report.meetings.added++;
  }
  report.items += await writeMeetingContent(db, id, m, personIds, at, !existing);
  await appendChange(db, { meetingId: id, committeeId, action: existing ? 'meeting.replace' : 'meeting.import', payload: { start: m.start, items: m.items.length } });
  return m.status === 'minutes-approved' ? id : null;
}

/**
 * Approved meetings arrive locked and sealed, as approval here would leave them: what their
 * documents print frozen, and the hash of that in the change log.
 */
async function lockApproved(db: Db, committeeId: string, meetingIds: string[]): Promise<void> {
  if (meetingIds.length === 0) return;
  for (const id of meetingIds) await freezeItemNumbers(db, id);
  const now = nowIso();
  for (const id of meetingIds) await db.updateTable('meetings').set({ locked_at: now }).where('id', '=', id).execute();
  await sealImported(db, committeeId, meetingIds, now);
}
