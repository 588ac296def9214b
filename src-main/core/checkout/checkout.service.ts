// The server's side of checking a meeting out (issue 14 §4): take marks it as held and hands out
// its package, status says who holds it, release frees it without a check-in (the holder's own,
// or a secretary's forced one, both in the change log). While held, the guard (guard.ts) refuses
// every edit of it. docs/server-design.md §9.
import type { CheckoutInfo, CheckoutPackage } from '../../../src-shared/api/checkout';
import { formatShortDa } from '../../../src-shared/dates';
import { appendChange, chainLength } from '../changelog/changelog';
import { AppError } from '../errors';
import { committeeHeaders } from '../exchange/export';
import { readMeetings } from '../meetings/meeting-content';
import type { Db } from '../store/database';
import { newId, nowIso } from '../util/canonical';
import { readBlob, type FileStore } from '../files/file-store';
import { heldMeeting } from './guard';

type MeetingRef = { id: string; start: string; committee_id: string; locked_at: string | null; name: string };

export async function meetingRef(db: Db, meetingId: string): Promise<MeetingRef> {
  const m = await db
    .selectFrom('meetings as m')
    .innerJoin('committees as k', 'k.id', 'm.committee_id')
    .select(['m.id', 'm.start', 'm.committee_id', 'm.locked_at', 'k.name'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!m) throw new AppError('NotFound', 'The meeting was not found.', 'Mødet findes ikke.');
  return m;
}

/** Who takes or gives back a meeting: the signed-in account (`referent serve`), else the name the caller gave. */
export function whoCalls(author: string | null | undefined, holder: string | undefined): string {
  const who = author?.trim() || holder?.trim();
  if (!who) throw new AppError('Invalid', 'Say who takes the meeting offline (a name, for example --as "Anne Holm").', 'Angiv, hvem der tager mødet med offline (et navn, for eksempel --as "Anne Holm").');
  return who;
}

export async function checkoutStatus(db: Db, meetingId: string): Promise<CheckoutInfo | null> {
  const row = await db.selectFrom('checkouts').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!row) return null;
  const m = await meetingRef(db, meetingId);
  const base = { meetingId, checkoutId: row.id, role: row.role, committee: m.name, start: m.start, holder: row.holder, since: row.since };
  if (row.role === 'server') {
    const e = heldMeeting({ holder: row.holder, since: row.since, start: m.start, name: m.name });
    return { ...base, message: e.message, messageDa: e.da! };
  }
  return {
    ...base,
    message: `This is the copy of the meeting of ${m.name} on ${formatShortDa(m.start)} that ${row.holder} checked out for offline work; check it in when the server can be reached.`,
    messageDa: `Dette er kopien af mødet i ${m.name} den ${formatShortDa(m.start)}, som ${row.holder} har taget med offline; aflever det, når der er forbindelse til serveren.`,
  };
}

/** Marks the meeting as held by `holder` and returns what the laptop needs to work on it offline. */
export async function takeCheckout(db: Db, files: FileStore, meetingId: string, holder: string): Promise<CheckoutPackage> {
  const m = await meetingRef(db, meetingId);
  if (m.locked_at) {
    throw new AppError('Locked', `The minutes of ${m.name} on ${formatShortDa(m.start)} are approved and locked; there is nothing to take offline.`,
      `Referatet af mødet i ${m.name} den ${formatShortDa(m.start)} er godkendt og låst; der er intet at tage med offline.`);
  }
  const held = await db.selectFrom('checkouts').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (held) throw heldMeeting({ holder: held.holder, since: held.since, start: m.start, name: m.name });
  const id = newId();
  const since = nowIso();
  // The checkout's own entry is the head the offline entries must continue from.
  const { hash } = await appendChange(db, { meetingId, committeeId: m.committee_id, action: 'meeting.checkout', payload: { checkoutId: id, holder } });
  await db.insertInto('checkouts').values({ meeting_id: meetingId, id, role: 'server', committee_id: m.committee_id, holder, since, head: hash, head_seq: await chainLength(db) }).execute();

  const [header] = await committeeHeaders(db, { committee: m.name });
  const [content] = await readMeetings(db, { meetingIds: [meetingId] });
  const meeting = content!.meeting;
  const sent: Record<string, string> = {};
  for (const item of meeting.items) {
    for (const a of item.attachments ?? []) {
      if (!a.sha256 || sent[a.sha256] !== undefined) continue;
      // A hash whose file never came here (a plain JSON import) travels as a hash, as in a bundle; an altered one refuses the checkout.
      if (!(await files.has(db, a.sha256))) continue;
      sent[a.sha256] = (await readBlob(db, files, a.sha256, { title: a.title, item: item.title, committee: m.name, start: m.start })).toString('base64');
    }
  }
  return {
    format: 'referent/checkout/v1',
    checkout: { id, meetingId, committee: m.name, holder, since, head: hash },
    document: { format: 'referent/v1', committees: [{ ...header!.header, meetings: [meeting] }] },
    files: sent,
  };
}

/**
 * Frees a held meeting without a check-in: its holder may, and with `force` anyone allowed to edit
 * the committee (a secretary), logged with who forced it. What the laptop did offline is then no
 * longer accepted: its check-in is refused as stale.
 */
export async function releaseCheckout(db: Db, meetingId: string, caller: string, force: boolean): Promise<{ meetingId: string; holder: string; forced: boolean }> {
  const m = await meetingRef(db, meetingId);
  const row = await db.selectFrom('checkouts').selectAll().where('meeting_id', '=', meetingId).where('role', '=', 'server').executeTakeFirst();
  if (!row) {
    throw new AppError('NotFound', `The meeting of ${m.name} on ${formatShortDa(m.start)} is not checked out.`, `Mødet i ${m.name} den ${formatShortDa(m.start)} er ikke taget med offline.`);
  }
  const forced = row.holder !== caller;
  if (forced && !force) {
    throw new AppError('Forbidden', `The meeting of ${m.name} on ${formatShortDa(m.start)} is checked out to ${row.holder}, not to ${caller}; only a forced release frees it, and what ${row.holder} did offline is then refused at check-in.`,
      `Mødet i ${m.name} den ${formatShortDa(m.start)} er taget med offline af ${row.holder}, ikke af ${caller}; kun en tvungen frigivelse frigør det, og det, ${row.holder} har gjort offline, afvises så ved aflevering.`);
  }
  await db.deleteFrom('checkouts').where('meeting_id', '=', meetingId).execute();
  await appendChange(db, { meetingId, committeeId: m.committee_id, action: 'meeting.checkout-release', payload: { checkoutId: row.id, holder: row.holder, by: caller, forced } });
  return { meetingId, holder: row.holder, forced };
}
