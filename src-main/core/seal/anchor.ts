// The chain's anchor: the hash of an entry and its position ("HASH:LENGTH"), kept outside the
// database (printed on approved minutes, written into exports and backups). `referent verify
// --anchor` then proves the chain still holds that entry at that position, so cutting its tail
// or rebuilding it with fresh hashes is found even by someone who cannot read the key.
import type { Db } from '../store/database';

export type Anchor = { head: string; length: number };

const ANCHOR = /^([0-9a-f]{64}):([1-9]\d{0,15})$/;

export const formatAnchor = (a: Anchor): string => `${a.head}:${a.length}`;

/** "HASH:LENGTH" as an Anchor; null when the text is not one. */
export function parseAnchor(text: string): Anchor | null {
  const m = ANCHOR.exec(text.trim().toLowerCase());
  return m ? { head: m[1]!, length: Number(m[2]) } : null;
}

/** The chain's head now; null while the change log is empty. Call it in the transaction (or snapshot) being exported. */
export async function chainAnchor(db: Db): Promise<Anchor | null> {
  // Entries are numbered without gaps (verifyChain checks it), so the last one's seq is the length.
  const last = await db.selectFrom('change_log').select(['hash', 'seq']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? { head: last.hash, length: last.seq } : null;
}
