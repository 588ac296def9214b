// "Never lose a keystroke": edits of an item are written through the Api within about a second
// of typing, one write at a time, and kept in localStorage until the core has them, so that a
// reload or a crash in between replays them on the next load.
import { useSyncExternalStore } from 'react';
import { flushEditors } from '../../../editor/pending-edits';

export type SaveState = { status: 'idle' | 'pending' | 'saving' | 'saved' | 'error'; message: string | null };

const DEBOUNCE_MS = 500;
const BACKUP_PREFIX = 'referent.agenda.unsaved.';

let state: SaveState = { status: 'idle', message: null };
const listeners = new Set<() => void>();
function setState(next: SaveState): void {
  state = next;
  for (const l of listeners) l();
}

/** The save status of the agenda editor, for the "Gemt" indicator. */
export function useSaveState(): SaveState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Shows another write (a reorder, say) in the same indicator, queued behind pending edits. */
export function trackSave<T>(write: () => Promise<T>): Promise<T> {
  setState({ status: 'saving', message: null });
  const result = ItemSaver.flushAll().then(write);
  result.then(
    () => setState(ItemSaver.anyDirty() ? { status: 'pending', message: null } : { status: 'saved', message: null }),
    (e: unknown) => setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
  return result;
}

type Writer<P> = (patch: P) => Promise<unknown>;

/**
 * Pending changes of one item: fields are merged into one patch, written after a short pause,
 * and the writes of all items run one after another so they land in the order typed.
 */
export class ItemSaver<P extends Record<string, unknown>> {
  private pending: Partial<P> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private static chain: Promise<void> = Promise.resolve();
  static readonly savers = new Set<ItemSaver<Record<string, unknown>>>();

  constructor(
    readonly itemId: string,
    private readonly write: Writer<Partial<P>>,
    private readonly onSaved?: (patch: Partial<P>) => void,
    /**
     * The core refused the write because someone changed the item since it was loaded (Conflict):
     * trying again would only be refused again, so the edits are dropped and this is told instead.
     */
    private readonly onConflict?: (message: string) => void,
  ) {}

  /** Counted among the writes that a page exit flushes (call when the editor mounts). */
  attach(): void {
    ItemSaver.savers.add(this as unknown as ItemSaver<Record<string, unknown>>);
  }

  /** The unsaved patch from an earlier page, if the core never confirmed it. */
  static unsaved<P>(itemId: string): Partial<P> | null {
    try {
      const raw = localStorage.getItem(BACKUP_PREFIX + itemId);
      return raw ? (JSON.parse(raw) as Partial<P>) : null;
    } catch {
      return null;
    }
  }

  change(patch: Partial<P>): void {
    this.pending = { ...this.pending, ...patch };
    this.scheduleBackup();
    setState({ status: 'pending', message: null });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  private backupScheduled = false;

  /**
   * The backup of a long text is a large synchronous write (400 KB of JSON into localStorage): it
   * waits for the browser to be idle, so it does not delay the next keystroke, and is made at once
   * when the pending change goes out (flush), which is also what a page exit does.
   */
  private scheduleBackup(): void {
    if (this.backupScheduled) return;
    this.backupScheduled = true;
    const run = (): void => {
      if (!this.backupScheduled) return;
      this.backupScheduled = false;
      if (this.dirty) this.backup();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 0);
  }

  private backup(): void {
    this.backupScheduled = false;
    try {
      localStorage.setItem(BACKUP_PREFIX + this.itemId, JSON.stringify(this.pending));
    } catch {
      // Storage full or refused: the debounced write still carries the change.
    }
  }

  get dirty(): boolean {
    return Object.keys(this.pending).length > 0;
  }

  /** Writes what is pending now; resolves when it is stored (or failed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dirty) return ItemSaver.chain;
    // Kept until the core confirms it: a write the browser cuts off is replayed on the next load.
    if (this.backupScheduled) this.backup();
    const patch = this.pending;
    this.pending = {};
    ItemSaver.inFlight++;
    const run = async (): Promise<void> => {
      setState({ status: 'saving', message: null });
      try {
        await this.write(patch);
        if (!this.dirty) localStorage.removeItem(BACKUP_PREFIX + this.itemId);
        this.onSaved?.(patch);
        setState(ItemSaver.anyDirty() ? { status: 'pending', message: null } : { status: 'saved', message: null });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (this.onConflict && (e as { code?: string }).code === 'Conflict') {
          // Made from a version someone else has since changed: the editor reloads the item.
          this.pending = {};
          localStorage.removeItem(BACKUP_PREFIX + this.itemId);
          setState(ItemSaver.anyDirty() ? { status: 'pending', message: null } : { status: 'idle', message: null });
          this.onConflict(message);
          return;
        }
        // Keep the patch (and its backup) so the next edit or flush tries again.
        this.pending = { ...patch, ...this.pending };
        this.backup();
        setState({ status: 'error', message });
      } finally {
        ItemSaver.inFlight--;
      }
    };
    ItemSaver.chain = ItemSaver.chain.then(run);
    return ItemSaver.chain;
  }

  dispose(): Promise<void> {
    const done = this.flush();
    ItemSaver.savers.delete(this as unknown as ItemSaver<Record<string, unknown>>);
    return done;
  }

  private static inFlight = 0;

  /** Something typed is not yet confirmed by the core. */
  static busy(): boolean {
    return ItemSaver.inFlight > 0 || ItemSaver.anyDirty();
  }

  static anyDirty(): boolean {
    for (const s of ItemSaver.savers) if (s.dirty) return true;
    return false;
  }

  /** Before the page goes away, and before anything that reads the agenda back. */
  static flushAll(): Promise<void> {
    // What an editor still holds back from the last pause in typing joins the pending changes first.
    flushEditors();
    for (const s of ItemSaver.savers) void s.flush();
    return ItemSaver.chain;
  }
}

let replayed = false;

/**
 * Writes the changes an earlier page left unconfirmed (closed or crashed mid-write), whichever
 * item they belong to; an item that no longer exists drops its change. Once per page load.
 */
export async function replayUnsaved(write: (key: string, patch: Record<string, unknown>) => Promise<unknown>): Promise<void> {
  if (replayed || typeof localStorage === 'undefined') return;
  replayed = true;
  const live = new Set([...ItemSaver.savers].map((s) => s.itemId));
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(BACKUP_PREFIX) && !live.has(k.slice(BACKUP_PREFIX.length)));
  for (const key of keys) {
    const id = key.slice(BACKUP_PREFIX.length);
    const patch = ItemSaver.unsaved<Record<string, unknown>>(id);
    if (!patch || Object.keys(patch).length === 0) {
      localStorage.removeItem(key);
      continue;
    }
    try {
      await write(id, patch);
      localStorage.removeItem(key);
    } catch (e) {
      if ((e as { code?: string }).code === 'NotFound') localStorage.removeItem(key);
    }
  }
}

let listening = false;
/** Flush on pagehide/beforeunload; the localStorage backup covers a write the browser cuts off. */
export function listenForPageExit(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const flush = (): void => void ItemSaver.flushAll();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', (e) => {
    flushEditors();
    const busy = ItemSaver.busy();
    flush();
    // In the desktop app, closing the window waits for the write and then closes it; a browser
    // would ask "leave the page?", so there the localStorage copy is replayed on the next load.
    if (busy && window.referent) {
      e.preventDefault();
      void ItemSaver.flushAll().then(() => window.close());
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
