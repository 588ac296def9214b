// The append-only change log: every change to a committee or meeting is one entry holding the
// hash of the one before it, so an edit anywhere in the chain is found by `referent verify`.
import type { Db } from '../store/database';
import { canonicalJson, nowIso, sha256Hex } from '../util/canonical';

export const GENESIS_HASH = '0'.repeat(64);

export type ChangeEntry = {
  meetingId?: string | null;
  committeeId?: string | null;
  action: string;
  payload: unknown;
};

export function entryHash(prevHash: string, e: { at: string; meeting_id: string | null; committee_id: string | null; action: string; payload: string }): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ at: e.at, meeting_id: e.meeting_id, committee_id: e.committee_id, action: e.action, payload: e.payload })}`);
}

/** Call inside the transaction that makes the change, so the two land together or not at all. */
export async function appendChange(db: Db, entry: ChangeEntry): Promise<void> {
  const last = await db.selectFrom('change_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  const row = {
    at: nowIso(),
    meeting_id: entry.meetingId ?? null,
    committee_id: entry.committeeId ?? null,
    action: entry.action,
    payload: canonicalJson(entry.payload ?? null),
  };
  await db.insertInto('change_log').values({ ...row, prev_hash: prev, hash: entryHash(prev, row) }).execute();
}

export type ChainFault = { seq: number; message: string };

/** Walks the whole chain, a page at a time; returns the first entry whose link or hash does not hold. */
export async function verifyChain(db: Db): Promise<{ entries: number; fault: ChainFault | null }> {
  const { n } = await db.selectFrom('change_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const entries = Number(n);
  let prev = GENESIS_HASH;
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('change_log').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
    if (rows.length === 0) return { entries, fault: null };
    for (const row of rows) {
      if (row.prev_hash !== prev) return { entries, fault: { seq: row.seq, message: `change log entry ${row.seq} does not link to the entry before it` } };
      if (entryHash(prev, row) !== row.hash) return { entries, fault: { seq: row.seq, message: `change log entry ${row.seq} (${row.action}) was altered after it was written` } };
      prev = row.hash;
    }
    after = rows[rows.length - 1]!.seq;
  }
}
