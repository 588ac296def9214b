// The append-only change log: every change to a committee or meeting is one entry holding the
// hash of the one before it, so an edit anywhere in the chain is found by `referent verify`.
// (A store opened with a key file also signs each entry: seal/signing-plugin.ts.)
import type { Selectable } from 'kysely';
import type { ChangeLogTable, Db } from '../store/database';
import { canonicalJson, nowIso, sha256Hex } from '../util/canonical';
import { currentAuthor } from './author';
import { refuseHeld } from '../checkout/guard';

export const GENESIS_HASH = '0'.repeat(64);

export type ChangeEntry = {
  /** Who made the change; default: the author the caller runs as (changelog/author.ts), else nobody. */
  author?: string | null;
  meetingId?: string | null;
  committeeId?: string | null;
  action: string;
  payload: unknown;
  /** When the change was made; default now. Set only when a check-in replays entries made offline. */
  at?: string;
  /** Meetings the change also writes to besides `meetingId` (an item moved into another meeting): checked as held too. */
  alsoMeetings?: readonly string[];
};

/**
 * The entry's hash covers its author when it has one, so a name cannot be changed or removed
 * unnoticed; an entry without one hashes exactly as entries did before authors existed.
 */
export function entryHash(prevHash: string, e: { at: string; meeting_id: string | null; committee_id: string | null; action: string; payload: string; author?: string | null | undefined }): string {
  const fields = { at: e.at, meeting_id: e.meeting_id, committee_id: e.committee_id, action: e.action, payload: e.payload };
  return sha256Hex(`${prevHash}\n${canonicalJson(e.author != null ? { ...fields, author: e.author } : fields)}`);
}

export type ChangeLogRow = Selectable<ChangeLogTable>;

/** Call inside the transaction that makes the change, so the two land together or not at all. */
export async function appendChange(db: Db, entry: ChangeEntry): Promise<{ hash: string }> {
  // Every change reaches the log, so this one check refuses every edit of a checked-out meeting.
  await refuseHeld(db, entry);
  const last = await db.selectFrom('change_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  const author = entry.author !== undefined ? entry.author : currentAuthor();
  const row = {
    at: entry.at ?? nowIso(),
    meeting_id: entry.meetingId ?? null,
    committee_id: entry.committeeId ?? null,
    action: entry.action,
    payload: canonicalJson(entry.payload ?? null),
  };
  const hash = entryHash(prev, { ...row, author });
  // The column is written only when set: a store whose schema predates authors takes the entry too.
  await db.insertInto('change_log').values({ ...row, ...(author !== null ? { author } : {}), prev_hash: prev, hash }).execute();
  return { hash };
}

/** How many entries the chain holds: the seq (position) of its last entry, read from the key, not counted. */
export async function chainLength(db: Db): Promise<number> {
  const last = await db.selectFrom('change_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last?.seq ?? 0;
}

export type ChainFault = { seq: number; message: string };

/** Sees every entry of a chain walk, with its position (1 for the first entry). */
export type ChainVisitor = (row: ChangeLogRow, position: number) => void;

/**
 * Walks the whole chain, a page at a time; returns the first entry whose link or hash does not
 * hold, and the chain's head (the hash of its last entry). Each visitor sees every entry that links
 * up, in order. Entries are numbered 1, 2, 3, … with no gap (the log is append-only), so an
 * entry's seq is its position: anchors and seals name entries by it.
 */
export async function verifyChain(db: Db, visitors: readonly ChainVisitor[] = []): Promise<{ entries: number; head: string; fault: ChainFault | null }> {
  const { n } = await db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const entries = Number(n);
  let prev = GENESIS_HASH;
  let position = 0;
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('change_log').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
    if (rows.length === 0) return { entries, head: prev, fault: null };
    for (const row of rows) {
      position++;
      const fault = (message: string) => ({ entries, head: prev, fault: { seq: row.seq, message } });
      if (row.seq !== position) return fault(`change log entry ${row.seq} stands where entry ${position} should: entries before it were removed or renumbered`);
      if (row.prev_hash !== prev) return fault(`change log entry ${row.seq} does not link to the entry before it`);
      if (entryHash(prev, row) !== row.hash) return fault(`change log entry ${row.seq} (${row.action}) was altered after it was written`);
      for (const visit of visitors) visit(row, position);
      prev = row.hash;
    }
    after = rows[rows.length - 1]!.seq;
  }
}
