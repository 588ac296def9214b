// The server takes a meeting back from offline work (issue 14 §4): the checkout must be the
// caller's and still open, the offline entries must continue the chain from the head recorded at
// checkout and end stating the hash of exactly the content sent, every entry must be about this
// meeting, and every attachment's bytes must be here or come hash-checked. Then one transaction
// writes the meeting, replays the entries into the server's change log (times and authors kept),
// makes or withdraws the proposals its decisions call for (flow/) and frees the meeting; any
// refusal changes nothing. A package this server took already (its answer lost on the way) is
// answered as taken, changing nothing, so the laptop may release its copy: the desktop app and
// `referent checkin` alike. docs/server-design.md §9.
import type { CheckinPackage, CheckinReport } from '../../../src-shared/api/checkout';
import { formatShortDa } from '../../../src-shared/dates';
import { CommitteeSchema } from '../../../src-shared/exchange';
import { appendChange, entryHash } from '../changelog/changelog';
import { asAuthor } from '../changelog/author';
import { AppError, describeRefusal } from '../errors';
import { committeeHeaders } from '../exchange/export';
import { lockApproved } from '../exchange/import';
import type { FileStore } from '../files/file-store';
import { syncProposal } from '../flow/proposals.service';
import { writeMeetingContent } from '../meetings/meeting-write';
import type { Db } from '../store/database';
import { canonicalJson, nowIso, sha256Hex } from '../util/canonical';
import { localTime } from '../util/local-time';
import { meetingRef } from './checkout.service';
import { CONTENT_ACTION, decodeFiles } from './copy';

const nothing = { en: 'nothing was changed', da: 'intet blev ændret' };

export async function acceptCheckin(db: Db, fileStore: FileStore, pkg: CheckinPackage, caller: string): Promise<CheckinReport> {
  const m = await meetingRef(db, pkg.meetingId);
  const what = { en: `the meeting of ${m.name} on ${formatShortDa(m.start)}`, da: `mødet i ${m.name} den ${formatShortDa(m.start)}` };
  const row = await db.selectFrom('checkouts').selectAll().where('meeting_id', '=', pkg.meetingId).where('role', '=', 'server').executeTakeFirst();

  // Sent again after the server took it (the answer never reached the laptop): taken, once.
  if (!row || row.id !== pkg.checkoutId) {
    const earlier = await takenBefore(db, pkg, caller);
    if (earlier) return earlier;
  }

  // Whose checkout, and is it still the one the copy came from.
  if (row && row.holder !== caller) {
    throw new AppError('Forbidden', `${cap(what.en)} is checked out to ${row.holder}, not to ${caller}; only ${row.holder} can check it in, so ${nothing.en}.`,
      `${cap(what.da)} er taget med offline af ${row.holder}, ikke af ${caller}; kun ${row.holder} kan aflevere det, så ${nothing.da}.`);
  }
  if (!row || row.id !== pkg.checkoutId || row.head !== pkg.base) {
    const since = row ? localTime(row.since) : null;
    throw new AppError('Conflict',
      `This copy of ${what.en} comes from a checkout that is no longer open (${since ? `the meeting was checked out again at ${since.time} on ${since.date}` : 'the meeting was released since, or checked in'}), so ${nothing.en}; export the copy and enter its changes on the server by hand.`,
      `Denne kopi af ${what.da} stammer fra en udtagning, der ikke længere er åben (${since ? `mødet blev taget med offline igen kl. ${since.time} den ${since.date}` : 'mødet er frigivet siden eller allerede afleveret'}), så ${nothing.da}; eksportér kopien, og før ændringerne ind på serveren i hånden.`);
  }

  // The entries continue the chain from the head at checkout, each about this meeting, and end with the content's hash.
  let prev = row.head;
  for (const [i, e] of pkg.entries.entries()) {
    const n = i + 1;
    if (e.prev_hash !== prev || entryHash(prev, { ...e, committee_id: null }) !== e.hash) {
      throw new AppError('Corrupt', `The offline change log of ${what.en} is broken at its entry ${n} (${e.action}): it does not continue from the entry before it, or was altered after it was written; ${nothing.en}.`,
        `Ændringsloggen fra offline-arbejdet med ${what.da} er brudt ved post ${n} (${e.action}): den følger ikke af posten før, eller den er ændret, efter den blev skrevet; ${nothing.da}.`);
    }
    if (e.meeting_id !== pkg.meetingId) {
      throw new AppError('Invalid', `The offline change log's entry ${n} (${e.action}) changes something other than ${what.en}; a check-in carries that meeting only, so ${nothing.en}.`,
        `Post ${n} (${e.action}) i ændringsloggen fra offline-arbejdet ændrer andet end ${what.da}; en aflevering indeholder kun det møde, så ${nothing.da}.`);
    }
    prev = e.hash;
  }
  const last = pkg.entries[pkg.entries.length - 1];
  const stated = last?.action === CONTENT_ACTION ? (JSON.parse(last.payload) as { contentHash?: unknown; checkoutId?: unknown }) : null;
  if (!stated || stated.contentHash !== pkg.contentHash || stated.checkoutId !== pkg.checkoutId || sha256Hex(canonicalJson(pkg.meeting)) !== pkg.contentHash) {
    throw new AppError('Corrupt', `The content of ${what.en} does not match the hash its offline change log ends with: it was altered after the copy was prepared for check-in, so ${nothing.en}.`,
      `Indholdet af ${what.da} passer ikke med den hash, ændringsloggen fra offline-arbejdet slutter med: det er ændret, efter kopien blev gjort klar til aflevering, så ${nothing.da}.`);
  }

  // The meeting, checked against the committee as the server has it (members named must be its members).
  const [header] = await committeeHeaders(db, { committee: m.name });
  const parsed = CommitteeSchema.safeParse({ ...header!.header, meetings: [pkg.meeting] });
  if (!parsed.success) {
    const { message, da } = describeRefusal(CommitteeSchema, { ...header!.header, meetings: [pkg.meeting] }, parsed.error);
    throw new AppError('Invalid', `${cap(what.en)} as checked in: ${message}; ${nothing.en}.`, `${cap(what.da)} som afleveret: ${da ?? message}; ${nothing.da}.`);
  }
  const meeting = parsed.data.meetings[0]!;
  if (meeting.id !== pkg.meetingId) {
    throw new AppError('Invalid', `The check-in holds another meeting than ${what.en}, so ${nothing.en}.`, `Afleveringen indeholder et andet møde end ${what.da}, så ${nothing.da}.`);
  }
  const files = decodeFiles(pkg.files);
  for (const [sha, bytes] of files) {
    if (sha256Hex(bytes) !== sha) {
      throw new AppError('Corrupt', `files/${sha} of the check-in does not match its SHA-256, so ${nothing.en}.`, `files/${sha} i afleveringen passer ikke med sin SHA-256, så ${nothing.da}.`);
    }
  }
  for (const item of meeting.items) {
    for (const a of item.attachments ?? []) {
      if (!a.sha256 || files.has(a.sha256)) continue;
      const known = await db.selectFrom('files').select('sha256').where('sha256', '=', a.sha256).executeTakeFirst();
      if (!known) {
        throw new AppError('Invalid', `The attachment "${a.title}" of the item "${item.title}" came without its file, and the server does not have it, so ${nothing.en}.`,
          `Bilaget "${a.title}" til punktet "${item.title}" kom uden sin fil, og serveren har den ikke, så ${nothing.da}.`);
      }
    }
  }

  // Merge: freed first, so the guard lets the writes and the replayed entries through.
  await db.deleteFrom('checkouts').where('meeting_id', '=', pkg.meetingId).execute();
  for (const [sha, bytes] of files) {
    await fileStore.put(db, sha, bytes);
    await db.insertInto('files').values({ sha256: sha, size: bytes.byteLength, added_at: nowIso() }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  }
  await db.updateTable('meetings')
    .set((eb) => ({ start: meeting.start, end: meeting.end ?? null, location: meeting.location ?? null, calendar_uid: meeting.calendarUid ?? null, status: meeting.status ?? 'planned', updated_at: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', pkg.meetingId)
    .execute();
  const people = await db.selectFrom('memberships as ms').innerJoin('people as p', 'p.id', 'ms.person_id').select(['p.key', 'p.id']).where('ms.committee_id', '=', m.committee_id).execute();
  const items = await writeMeetingContent(db, pkg.meetingId, meeting, new Map(people.map((p) => [p.key, p.id])), 'meeting');
  for (const e of pkg.entries.slice(0, -1)) {
    await appendChange(db, { meetingId: pkg.meetingId, committeeId: m.committee_id, action: e.action, payload: JSON.parse(e.payload), at: e.at, author: e.author ?? row.holder });
  }
  // A decision recorded offline proposes or withdraws as recording it here does: the laptop holds
  // no other committee to propose to, so its "Anbefales" made no proposal there. Idempotent: an item
  // whose proposal stands as its decision says is left as it is, so each is proposed once.
  const itemIds = await db.selectFrom('items').select('id').where('meeting_id', '=', pkg.meetingId).orderBy('position').execute();
  // Named as the holder who recorded them, as the replayed entries are.
  await asAuthor(row.holder, async () => {
    for (const { id } of itemIds) await syncProposal(db, id);
  });
  // Approved offline: locked and sealed here as approval on the server would have.
  if (meeting.status === 'minutes-approved') await lockApproved(db, m.committee_id, [pkg.meetingId]);
  await appendChange(db, {
    meetingId: pkg.meetingId, committeeId: m.committee_id, action: 'meeting.checkin', author: caller,
    payload: { checkoutId: row.id, holder: row.holder, base: row.head, offlineHead: prev, entries: pkg.entries.length - 1, contentHash: pkg.contentHash },
  });
  return { meetingId: pkg.meetingId, entries: pkg.entries.length - 1, files: files.size, items, alreadyMerged: false };
}

/**
 * The report of this very package's earlier check-in, when the change log holds one: the same
 * checkout, the same content (and the package's meeting still hashes to it), the same holder. Null otherwise (then the package is judged as new).
 */
async function takenBefore(db: Db, pkg: CheckinPackage, caller: string): Promise<CheckinReport | null> {
  const checkins = await db.selectFrom('change_log').select('payload').where('meeting_id', '=', pkg.meetingId).where('action', '=', 'meeting.checkin').orderBy('seq', 'desc').execute();
  for (const { payload } of checkins) {
    const p = JSON.parse(payload) as { checkoutId?: unknown; contentHash?: unknown; holder?: unknown; entries?: unknown };
    if (p.checkoutId !== pkg.checkoutId) continue;
    if (p.contentHash !== pkg.contentHash || sha256Hex(canonicalJson(pkg.meeting)) !== pkg.contentHash || p.holder !== caller) return null;
    const items = await db.selectFrom('items').select((eb) => eb.fn.countAll<number | string>().as('n')).where('meeting_id', '=', pkg.meetingId).executeTakeFirstOrThrow();
    return { meetingId: pkg.meetingId, entries: pkg.entries.length - 1, files: Object.keys(pkg.files).length, items: Number(items.n), alreadyMerged: true };
  }
  return null;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
