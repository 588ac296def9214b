// The chain's anchor kept with every rolling backup (store/backups.ts records it, with a MAC under
// the key kept outside the file): `referent verify` checks that the log still holds the anchor of
// every backup made since the last restore, so a database set back by hand (an old backup copied
// over it, its tail cut) is named; a restore made by Referent is recorded in the log, and a backup
// whose own log no longer ends at its recorded anchor was altered after it was made.
import type { ChainVisitor } from '../changelog/changelog';
import { type Anchor, formatAnchor, parseAnchor } from './anchor';
import type { ChainCheck } from './chain-checks';
import { macOf, readKey, type SealKey } from './signing';

/** The change-log action of a restore made by Referent; its payload names the backup and both anchors. */
export const RESTORE_ACTION = 'backup.restore';

/** What a backup's record says of its anchor, and what its file holds. */
export type BackupAnchor = {
  name: string;
  createdAt: string;
  /** The anchor recorded when the backup was made; null for a backup made before they were. */
  recorded: string | null;
  /** HMAC of the record (backupAnchorMessage) under the key; null when made without one. */
  mac: string | null;
  macKey: string | null;
  /** The head of the backup file's own change log now; null when it has none or cannot be read. */
  head: string | null;
};

export const backupAnchorMessage = (name: string, anchor: string): string => `referent backup anchor\n${name}\n${anchor}`;

/** The MAC a backup's record carries, and the key's fingerprint. */
export function signBackupAnchor(key: SealKey, name: string, anchor: string): { anchorMac: string; anchorMacKey: string } {
  return { anchorMac: macOf(key, backupAnchorMessage(name, anchor)), anchorMacKey: key.id };
}

/**
 * Why a backup cannot be trusted as its record describes it; null when it can (or when it
 * predates recorded anchors). `keys`: the keys verify was given, by fingerprint.
 */
export function backupFault(b: BackupAnchor, keys: ReadonlyMap<string, SealKey>): string | null {
  if (b.recorded === null) return null;
  if (keys.size > 0) {
    const key = b.macKey ? keys.get(b.macKey) : undefined;
    if (b.mac === null) return `the record of the backup ${b.name} carries its anchor without a MAC: it was written or rewritten without the key`;
    if (key && macOf(key, backupAnchorMessage(b.name, b.recorded)) !== b.mac) return `the record of the backup ${b.name} carries a MAC that does not match its anchor: the record was rewritten by someone without the key`;
  }
  if (b.head !== b.recorded) {
    return `the backup ${b.name} was altered after it was made: its change log ${b.head ? `ends at ${b.head}` : 'is gone'}, but it ended at ${b.recorded} when it was made`;
  }
  return null;
}

/**
 * The live log against every backup's anchor: each must be held, unless a restore recorded in the
 * log came after the backup was made (its entries past the restored point are then elsewhere).
 */
export function backupAnchorCheck(backups: readonly BackupAnchor[], keyFiles: readonly string[]): ChainCheck {
  const keys = new Map<string, SealKey>();
  for (const f of keyFiles) {
    const k = readKey(f);
    if (k) keys.set(k.id, k);
  }
  const anchors = backups.flatMap((b) => {
    const a = b.recorded ? parseAnchor(b.recorded) : null;
    return a ? [{ b, a }] : [];
  });
  const byLength = new Map<number, { b: BackupAnchor; a: Anchor }[]>();
  for (const x of anchors) byLength.set(x.a.length, [...(byLength.get(x.a.length) ?? []), x]);
  const held = new Set<BackupAnchor>();
  let lastRestore: string | null = null;
  const visit: ChainVisitor = (row, position) => {
    for (const { b, a } of byLength.get(position) ?? []) if (row.hash === a.head) held.add(b);
    if (row.action === RESTORE_ACTION && (lastRestore === null || row.at > lastRestore)) lastRestore = row.at;
  };
  return {
    visit,
    finish: () => {
      const notes: string[] = [];
      for (const b of backups) {
        const fault = backupFault(b, keys);
        if (fault) return { fault, notes };
      }
      let before = 0;
      for (const { b, a } of anchors) {
        if (held.has(b)) continue;
        if (lastRestore !== null && b.createdAt <= lastRestore) {
          before++;
          continue;
        }
        return {
          fault: `the change log no longer holds the anchor ${formatAnchor(a)} recorded with the backup ${b.name} (made ${b.createdAt}): entries were removed or rewritten since, and not by a restore Referent recorded (an older copy put in place of the database by hand does this)`,
          notes,
        };
      }
      if (held.size > 0) notes.push(`The anchors of ${held.size} backup(s) hold: the change log is as it was when each was made, up to that point.`);
      if (before > 0) notes.push(`${before} backup(s) made before the restore of ${lastRestore} hold entries this file no longer has, as a restore leaves them.`);
      return { fault: null, notes };
    },
  };
}
