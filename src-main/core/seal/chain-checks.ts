// verify's checks of the change log beyond its links (changelog.ts): each entry's MAC under the
// key kept outside the file, the anchors given on the command line, and where each meeting was
// sealed. Each is a visitor of one chain walk, so the log is read once.
import type { ChainVisitor, ChangeLogRow } from '../changelog/changelog';
import { type Anchor, formatAnchor } from './anchor';
import { SEAL_ACTIONS } from './seal.service';
import { keyExposed, macOf, readKey, type SealKey } from './signing';

export type ChainCheck = { visit: ChainVisitor; finish: (entries: number) => { fault: string | null; notes: string[] } };

const entryName = (row: ChangeLogRow): string => `change log entry ${row.seq} (${row.action})`;

/**
 * Every entry's MAC. With a key, each entry must carry a MAC that holds under a key verify was
 * given; a missing one is a fault too (or stripping the MACs would pass). Without a key it says
 * plainly what went unchecked.
 */
export function macCheck(keyFiles: readonly string[]): ChainCheck {
  const keys = new Map<string, SealKey>();
  const missing: string[] = [];
  for (const file of keyFiles) {
    const key = readKey(file);
    if (key) keys.set(key.id, key);
    else missing.push(file);
  }
  let fault: string | null = null;
  let failed = 0;
  let signed = 0;
  let unsigned = 0;
  const visit: ChainVisitor = (row) => {
    if (row.mac === null) {
      unsigned++;
      if (keys.size > 0) fault ??= `${entryName(row)} carries no MAC: it was written or rewritten without the key`;
      return;
    }
    signed++;
    if (keys.size === 0) return;
    const key = keys.get(row.mac_key ?? '');
    if (!key) {
      fault ??= `${entryName(row)} was signed with the key ${row.mac_key ?? '(none named)'}, which verify was not given (name its file with --key)`;
      failed++;
    } else if (macOf(key, row.hash) !== row.mac) {
      fault ??= `${entryName(row)} carries a MAC that does not match it: the entry was rewritten by someone without the key`;
      failed++;
    }
  };
  return {
    visit,
    finish: () => {
      const notes: string[] = [];
      if (fault && failed + (keys.size > 0 ? unsigned : 0) > 1) fault += ` (${failed + unsigned} entries fail their MAC check)`;
      if (keys.size === 0) {
        const where = keyFiles.length === 0 ? 'this store was opened without a key file' : `there is no key at ${missing.join(', ')}`;
        if (signed + unsigned > 0) notes.push(`The MACs of the change log were NOT checked: ${where}. The key is kept outside the database; put it back (or name it with --key) to check them.`);
      } else {
        for (const k of keys.values()) if (keyExposed(k.file)) notes.push(`The key ${k.file} can be read by other users of this computer; make it readable by its owner only (chmod 600).`);
      }
      if (keys.size === 0 && unsigned > 0) notes.push(`${unsigned} of the change log's entries carry no MAC (written by a Referent without a key).`);
      return { fault, notes };
    },
  };
}

/** Each anchor: the chain must still hold its hash at its position. */
export function anchorCheck(anchors: readonly Anchor[]): ChainCheck {
  const faults = new Map<Anchor, string>();
  const held = new Set<Anchor>();
  const byLength = new Map<number, Anchor[]>();
  for (const a of anchors) byLength.set(a.length, [...(byLength.get(a.length) ?? []), a]);
  return {
    visit: (row, position) => {
      for (const a of byLength.get(position) ?? []) {
        if (row.hash === a.head) held.add(a);
        else faults.set(a, `the change log no longer holds the anchor ${formatAnchor(a)}: its entry at position ${a.length} has another hash, so the log was rewritten up to there`);
      }
    },
    finish: (entries) => {
      for (const a of anchors) {
        if (!held.has(a) && !faults.has(a)) faults.set(a, `the change log has ${entries} entries, but the anchor ${formatAnchor(a)} shows it once had ${a.length}: entries were removed from its end`);
      }
      const first = anchors.find((a) => faults.has(a));
      return { fault: first ? faults.get(first)! : null, notes: anchors.filter((a) => held.has(a)).map((a) => `The anchor ${formatAnchor(a)} holds: the first ${a.length} entries are as they were when it was taken.`) };
    },
  };
}

/** Where the change log sealed each meeting last: the hash it recorded, and the entry's position and hash. */
export type SealEntry = { contentHash: string; position: number; hash: string };

export function sealEntries(): { visit: ChainVisitor; seals: Map<string, SealEntry> } {
  const seals = new Map<string, SealEntry>();
  const actions: readonly string[] = SEAL_ACTIONS;
  return {
    seals,
    visit: (row, position) => {
      if (row.meeting_id === null || !actions.includes(row.action)) return;
      let payload: { contentHash?: unknown } = {};
      try {
        payload = JSON.parse(row.payload) as typeof payload;
      } catch {
        // a payload that is not JSON seals nothing; the lock's own check then finds no seal
      }
      if (typeof payload.contentHash === 'string') seals.set(row.meeting_id, { contentHash: payload.contentHash, position, hash: row.hash });
    },
  };
}
