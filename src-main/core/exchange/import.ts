// Imports a referent/v1 document: all or nothing, in one transaction. A bad document changes
// nothing, and the error names the JSON path of its first fault.
import fs from 'node:fs';
import type { ImportReport } from '../../../src-shared/api/exchange';
import { ReferentDocumentSchema, type ExCommittee, type ExMeeting, type ReferentDocument } from '../../../src-shared/exchange';
import { formatLongDa, formatShortDa } from '../../../src-shared/dates';
import { AppError, describeRefusal } from '../errors';
import type { Store } from '../store/open';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { filePath } from '../files/file-store';
import { canonicalJson, newId, nowIso, sha256Hex } from '../util/canonical';
import { hashMeeting, readMeetings, stripUndefined } from '../meetings/meeting-content';
import { setBlockedPeriods } from '../settings/settings.service';
import { writeMeetingContent } from '../meetings/meeting-write';
import { normalizeMeeting } from './normalize';
import { freezeItemNumbers } from '../meetingday/approval.service';

export type ImportOptions = {
  /** Attachment bytes carried beside the document (a .referent.zip bundle), by SHA-256. */
  files?: Map<string, Uint8Array>;
};

export function parseDocument(raw: unknown): ReferentDocument {
  const parsed = ReferentDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const { message, da } = describeRefusal(ReferentDocumentSchema, raw, parsed.error);
    throw new AppError('Invalid', message, da ?? message);
  }
  return parsed.data;
}

export async function importDocument(store: Store, raw: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  const doc = parseDocument(raw);
  const files = options.files ?? new Map<string, Uint8Array>();
  for (const [sha, bytes] of files) {
    if (sha256Hex(bytes) !== sha) throw new AppError('Invalid', `files/${sha}: the file's content does not match its SHA-256 name`, `files/${sha}: filens indhold passer ikke med dens SHA-256-navn.`);
  }
  // Blobs first (content-addressed, so harmless if the transaction then fails; new ones are removed).
  const written: string[] = [];
  for (const [sha, bytes] of files) {
    const target = filePath(store.filesDir, sha);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(target.slice(0, target.lastIndexOf('/')), { recursive: true });
    fs.writeFileSync(target, bytes);
    written.push(target);
  }
  try {
    return await store.db.transaction().execute(async (trx) => {
      const report = await importInTransaction(trx, doc, files);
      // One pass over everything the import changed, in the same transaction.
      await store.search.refresh(trx);
      return report;
    });
  } catch (e) {
    for (const f of written) fs.rmSync(f, { force: true });
    throw e;
  }
}

async function importInTransaction(db: Db, doc: ReferentDocument, files: Map<string, Uint8Array>): Promise<ImportReport> {
  const report: ImportReport = { committees: { added: 0, updated: 0 }, meetings: { added: 0, replaced: 0, unchanged: 0 }, items: 0, files: 0 };
  for (const [sha, bytes] of files) {
    const r = await db.insertInto('files').values({ sha256: sha, size: bytes.byteLength, added_at: nowIso() }).onConflict((oc) => oc.column('sha256').doNothing()).executeTakeFirst();
    report.files += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  if (doc.organization) {
    await db
      .insertInto('settings')
      .values({ key: 'organization.name', value: JSON.stringify(doc.organization.name) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(doc.organization!.name) }))
      .execute();
    if (doc.organization.blockedPeriods) await setBlockedPeriods(db, doc.organization.blockedPeriods);
  }
  for (const [ci, committee] of doc.committees.entries()) {
    await importCommittee(db, committee, `committees[${ci}]`, report);
  }
  await appendChange(db, { action: 'exchange.import', payload: report });
  return report;
}

async function importCommittee(db: Db, c: ExCommittee, at: string, report: ImportReport): Promise<void> {
  const now = nowIso();
  let row = await db.selectFrom('committees').selectAll().where('name', '=', c.name).executeTakeFirst();
  if (c.shortName) {
    const other = await db.selectFrom('committees').select(['id', 'name']).where('short_name', '=', c.shortName).executeTakeFirst();
    if (other && other.id !== row?.id) throw new AppError('Conflict', `${at}.shortName: "${c.shortName}" is already the short name of "${other.name}"`, `${at}.shortName: "${c.shortName}" er allerede forkortelsen for "${other.name}".`);
  }
  const fields = {
    numbering: c.numbering,
    ...(c.shortName !== undefined ? { short_name: c.shortName || null } : {}),
    ...(c.defaults !== undefined ? { default_location: c.defaults.location ?? null, default_start: c.defaults.start ?? null, default_end: c.defaults.end ?? null } : {}),
    ...(c.template !== undefined ? { template: JSON.stringify(c.template) } : {}),
  };
  if (row) {
    await db.updateTable('committees').set({ ...fields, updated_at: now }).where('id', '=', row.id).execute();
    report.committees.updated++;
  } else {
    const id = newId();
    await db.insertInto('committees').values({ id, name: c.name, ...fields, created_at: now, updated_at: now }).execute();
    report.committees.added++;
  }
  row = (await db.selectFrom('committees').selectAll().where('name', '=', c.name).executeTakeFirst())!;
  const committeeId = row.id;

  // Members: upserted by key; members the document leaves out stay, since old meetings name them.
  const existing = await db.selectFrom('memberships').select(['person_id', 'position']).where('committee_id', '=', committeeId).execute();
  let nextPosition = existing.reduce((max, m) => Math.max(max, m.position + 1), 0);
  const personIds = new Map<string, string>();
  for (const [mi, m] of c.members.entries()) {
    let person = await db.selectFrom('people').selectAll().where('key', '=', m.key).executeTakeFirst();
    if (!person) {
      person = { id: newId(), key: m.key, name: m.name };
      await db.insertInto('people').values(person).execute();
    } else if (person.name !== m.name) {
      await db.updateTable('people').set({ name: m.name }).where('id', '=', person.id).execute();
    }
    personIds.set(m.key, person.id);
    const values = { role: m.role, title: m.title ?? null, party: m.party ?? null, valid_from: m.from ?? null, valid_until: m.until ?? null };
    const r = await db.updateTable('memberships').set({ ...values, position: mi }).where('committee_id', '=', committeeId).where('person_id', '=', person.id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) {
      await db.insertInto('memberships').values({ id: newId(), committee_id: committeeId, person_id: person.id, position: nextPosition++, ...values }).execute();
    }
  }
  const members = await db.selectFrom('memberships as ms').innerJoin('people as p', 'p.id', 'ms.person_id').select(['p.key', 'p.id']).where('ms.committee_id', '=', committeeId).execute();
  for (const m of members) personIds.set(m.key, m.id);

  for (const [mi, m] of c.meetings.entries()) {
    const path = `${at}.meetings[${mi}]`;
    await importMeeting(db, committeeId, c.name, m, path, personIds, report);
  }
  await appendChange(db, { committeeId, action: 'committee.import', payload: { name: c.name, meetings: c.meetings.length } });
}

async function importMeeting(db: Db, committeeId: string, committeeName: string, m: ExMeeting, at: string, personIds: Map<string, string>, report: ImportReport): Promise<void> {
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
    return;
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
  report.items += await writeMeetingContent(db, id, m, personIds, at);
  if (m.status === 'minutes-approved') {
    // An approved meeting arrives locked, with the hash of what it holds.
    await freezeItemNumbers(db, id);
    const [content] = await readMeetings(db, { meetingIds: [id] });
    await db.updateTable('meetings').set({ locked_at: now, content_hash: hashMeeting(content!.meeting) }).where('id', '=', id).execute();
  }
  await appendChange(db, { meetingId: id, committeeId, action: existing ? 'meeting.replace' : 'meeting.import', payload: { start: m.start, items: m.items.length } });
}
