// The laptop's side of a checkout (issue 14 §4): the package is written into the local file as a
// checked-out copy (in the import's own transaction), edited offline as any meeting, and its
// check-in package made: the meeting as it now is, and the entries the laptop's change log holds
// for it since the copy arrived, chained anew from the server's head at checkout and closed by an
// entry stating the content's hash. docs/server-design.md §9.
import type { CheckinPackage, CheckoutInfo, CheckoutPackage, OfflineEntry } from '../../../src-shared/api/checkout';
import { appendChange, chainLength, entryHash, verifyChain } from '../changelog/changelog';
import { AppError } from '../errors';
import { importDocument } from '../exchange/import';
import { readBlob } from '../files/file-store';
import { hashMeeting, readMeetings } from '../meetings/meeting-content';
import type { Db } from '../store/database';
import type { Store } from '../store/open';
import { canonicalJson, nowIso } from '../util/canonical';
import { checkoutStatus, meetingRef } from './checkout.service';

/** The action of the entry that closes an offline chain, stating the content's hash. */
export const CONTENT_ACTION = 'checkout.content';

export const decodeFiles = (files: Record<string, string>): Map<string, Uint8Array> => new Map(Object.entries(files).map(([sha, b64]) => [sha, new Uint8Array(Buffer.from(b64, 'base64'))]));

/** Writes the package into this file: the committee and meeting (attachments hash-checked) and the mark that it is a copy. */
export async function receiveCheckout(store: Store, pkg: CheckoutPackage): Promise<CheckoutInfo> {
  const { checkout } = pkg;
  const existing = await store.db.selectFrom('checkouts').select(['role']).where('meeting_id', '=', checkout.meetingId).executeTakeFirst();
  if (existing) {
    throw new AppError('Conflict', `This file already holds the meeting of ${checkout.committee} checked out (${existing.role === 'copy' ? 'a copy not yet checked in' : 'held by someone'}); check that one in first.`,
      `Denne fil har allerede mødet i ${checkout.committee} taget med offline (${existing.role === 'copy' ? 'en kopi, der ikke er afleveret' : 'holdt af en anden'}); aflever det først.`);
  }
  await importDocument(store, pkg.document, {
    files: decodeFiles(pkg.files),
    // The server's committee settings are the copy's: check-in carries back the meeting only.
    adoptOrganization: true,
    after: async (db) => {
      const m = await meetingRef(db, checkout.meetingId);
      await db.insertInto('checkouts').values({
        meeting_id: checkout.meetingId, id: checkout.id, role: 'copy', committee_id: m.committee_id, holder: checkout.holder, since: checkout.since, head: checkout.head,
        // Entries after this one were made offline.
        head_seq: (await chainLength(db)) + 1,
      }).execute();
      await appendChange(db, { meetingId: checkout.meetingId, committeeId: m.committee_id, action: 'meeting.checkout-copy', payload: { checkoutId: checkout.id, holder: checkout.holder } });
    },
  });
  return (await checkoutStatus(store.db, checkout.meetingId))!;
}

async function copyRow(db: Db, meetingId: string) {
  const row = await db.selectFrom('checkouts').selectAll().where('meeting_id', '=', meetingId).where('role', '=', 'copy').executeTakeFirst();
  if (!row) throw new AppError('NotFound', 'This file holds no checked-out copy of that meeting.', 'Denne fil har ingen kopi af det møde taget med offline.');
  return row;
}

/** The check-in package of the copy of `meetingId`: refused when the laptop's own change log does not hold. */
export async function prepareCheckin(store: Store, meetingId: string): Promise<CheckinPackage> {
  const db = store.db;
  const row = await copyRow(db, meetingId);
  const m = await meetingRef(db, meetingId);
  const chain = await verifyChain(db);
  if (chain.fault) {
    throw new AppError('Corrupt', `This computer's change log is broken (${chain.fault.message}), so the offline changes cannot be vouched for; nothing was sent.`,
      `Denne computers ændringslog er brudt (post ${chain.fault.seq}), så ændringerne offline kan ikke dokumenteres; intet blev sendt.`);
  }
  const rows = await db.selectFrom('change_log').selectAll().where('seq', '>', row.head_seq).where('meeting_id', '=', meetingId).orderBy('seq').execute();
  const [content] = await readMeetings(db, { meetingIds: [meetingId] });
  const meeting = content!.meeting;
  const contentHash = hashMeeting(meeting);
  const entries: OfflineEntry[] = [];
  let prev = row.head;
  const add = (e: Omit<OfflineEntry, 'prev_hash' | 'hash'>): void => {
    // committee_id is left out of the hash: the laptop's committee id is not the server's.
    const hash = entryHash(prev, { ...e, committee_id: null });
    entries.push({ ...e, prev_hash: prev, hash });
    prev = hash;
  };
  for (const r of rows) add({ at: r.at, meeting_id: meetingId, action: r.action, payload: r.payload, author: r.author });
  add({ at: nowIso(), meeting_id: meetingId, action: CONTENT_ACTION, payload: canonicalJson({ checkoutId: row.id, contentHash }), author: null });
  const files: Record<string, string> = {};
  for (const item of meeting.items) {
    for (const a of item.attachments ?? []) {
      if (!a.sha256 || files[a.sha256] !== undefined || !(await store.files.has(db, a.sha256))) continue;
      files[a.sha256] = (await readBlob(db, store.files, a.sha256, { title: a.title, item: item.title, committee: m.name, start: m.start })).toString('base64');
    }
  }
  return { format: 'referent/checkin/v1', checkoutId: row.id, meetingId, holder: row.holder, base: row.head, meeting, contentHash, entries, files };
}

/** The server took the check-in: the copy becomes an ordinary meeting of this file. */
export async function checkinDone(db: Db, meetingId: string, checkoutId: string): Promise<{ meetingId: string }> {
  const row = await copyRow(db, meetingId);
  if (row.id !== checkoutId) throw new AppError('Conflict', 'This file holds a different checkout of that meeting.', 'Denne fil har en anden udtagning af det møde.');
  const m = await meetingRef(db, meetingId);
  await db.deleteFrom('checkouts').where('meeting_id', '=', meetingId).execute();
  await appendChange(db, { meetingId, committeeId: m.committee_id, action: 'meeting.checkin-done', payload: { checkoutId } });
  return { meetingId };
}

export async function listCopies(db: Db): Promise<CheckoutInfo[]> {
  const rows = await db.selectFrom('checkouts').select('meeting_id').where('role', '=', 'copy').execute();
  const out: CheckoutInfo[] = [];
  for (const r of rows) out.push((await checkoutStatus(db, r.meeting_id))!);
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

