// Rolling backups of a SQLite database file in `backups/` beside it, made with SQLite's online
// backup API (consistent while the file is in use), each checked with integrity_check and recorded
// in a small JSON file beside it; the oldest pruned. It needs only the file's path, so backups can
// be listed and restored when the database itself no longer opens. Each record keeps the chain's
// anchor of its copy, signed with the key kept outside the file, and a restore is recorded in the
// restored file's change log (seal/backup-anchors.ts says what `verify` makes of both). A server
// database will implement StoreBackups with its own tools.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BACKUP_REASONS, type BackupInfo, type BackupKeep, type BackupReason } from '../../../../src-shared/api/backups';
import { AppError } from '../../errors';
import { runStoreJob, runStoreJobSync, StoreJobError, type JobResult } from './store-jobs';
import { asStoreError, storeFailure } from './sqlite-errors';
import { SCHEMA_VERSION } from '../migrations';
import { entryHash, GENESIS_HASH } from '../../changelog/changelog';
import { parseAnchor } from '../../seal/anchor';
import { backupFault, RESTORE_ACTION, signBackupAnchor, type BackupAnchor } from '../../seal/backup-anchors';
import { loadOrCreateKey, macOf, readKey, type SealKey } from '../../seal/signing';
import { canonicalJson, nowIso } from '../../util/canonical';

export const DEFAULT_KEEP: BackupKeep = { daily: 14, other: 10 };

export interface StoreBackups {
  /** Where the backups are, for the user to find. */
  readonly folder: string;
  /** Newest first. */
  list(): BackupInfo[];
  /** `at`: the moment it is stamped with (now). */
  create(reason: BackupReason, at?: Date): Promise<BackupInfo>;
  /** The same, finished before it returns (the backup before a migration, while the file opens). */
  createSync(reason: BackupReason): BackupInfo;
  /** Today's daily backup, when there is none yet (the first open of a day). */
  dailyIfDue(now?: Date): Promise<BackupInfo | null>;
  /**
   * Puts a backup (a name from list(), or a path) in place of the file, after a backup of the file
   * as it is ('pre-restore'). The caller reopens its store afterwards.
   */
  restore(nameOrPath: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo | null }>;
  /** Each backup's recorded anchor beside the head its file holds now, newest first (for verify). */
  anchors(): BackupAnchor[];
}

export type BackupOptions = {
  nativeBinding?: string | undefined;
  appVersion?: string | undefined;
  /** The numbers to keep (a setting in the file); DEFAULT_KEEP when it cannot be read. */
  keep?: () => Promise<BackupKeep> | BackupKeep;
  /** How long a restore waits for another process's write to the file (ms). */
  restoreWaitMs?: number;
  /** The key that signs the change log: it signs each record's anchor and the restore's log entry too. */
  keyFile?: string | null | undefined;
};

const STAMP = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;
const stampOf = (d: Date): string => d.toISOString().replace(/[:.]/g, '-');
const isoOfStamp = (s: string): string => `${s.slice(0, 13)}:${s.slice(14, 16)}:${s.slice(17, 19)}.${s.slice(20, 23)}Z`;
/** The machine's own calendar day of a moment, "2026-06-02": a day's first open is local. */
const localDay = (d: Date): string => d.toLocaleDateString('sv-SE');

export function sqliteBackups(dbFile: string, options: BackupOptions = {}): StoreBackups {
  const file = path.resolve(dbFile);
  const folder = path.join(path.dirname(file), 'backups');
  const base = path.basename(file).replace(/\.(sqlite3?|db)$/i, '');
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(.{24})-(${BACKUP_REASONS.join('|')})\\.sqlite$`);

  const parse = (name: string): { createdAt: string; reason: BackupReason } | null => {
    const m = pattern.exec(name);
    if (!m || !STAMP.test(m[1]!)) return null;
    return { createdAt: isoOfStamp(m[1]!), reason: m[2] as BackupReason };
  };

  const info = (name: string): BackupInfo | null => {
    const parsed = parse(name);
    if (!parsed) return null;
    let size: number;
    try {
      size = fs.statSync(path.join(folder, name)).size;
    } catch {
      return null;
    }
    let record: Partial<BackupInfo> = {};
    try {
      record = JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8')) as Partial<BackupInfo>;
    } catch {
      // A copy without its record (made by hand, or the record lost): listed, check unknown.
    }
    return {
      name,
      ...parsed,
      size,
      check: typeof record.check === 'string' ? record.check : 'not checked',
      schemaVersion: typeof record.schemaVersion === 'number' ? record.schemaVersion : null,
      appVersion: typeof record.appVersion === 'string' ? record.appVersion : null,
      anchor: typeof record.anchor === 'string' && parseAnchor(record.anchor) ? record.anchor : null,
    };
  };

  const readRecord = (name: string): Record<string, unknown> => {
    try {
      return JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  };

  const anchorOf = (b: BackupInfo, file = path.join(folder, b.name)): BackupAnchor => {
    const record = readRecord(b.name);
    const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return { name: b.name, createdAt: b.createdAt, recorded: text(record.anchor), mac: text(record.anchorMac), macKey: text(record.anchorMacKey), head: headOf(file, options.nativeBinding) };
  };

  const key = (): SealKey | null => (options.keyFile ? readKey(options.keyFile) : null);

  const list = (): BackupInfo[] => {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    return names
      .map(info)
      .filter((b): b is BackupInfo => b !== null)
      .sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
  };

  /** A fresh name; the copy is made under a temporary name and renamed once checked and recorded. */
  const plan = (reason: BackupReason, now = new Date()) => {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (e) {
      throw backupFailed(file, folder, e);
    }
    let name = `${base}-${stampOf(now)}-${reason}.sqlite`;
    for (let i = 1; fs.existsSync(path.join(folder, name)); i++) name = `${base}-${stampOf(new Date(now.getTime() + i))}-${reason}.sqlite`;
    const target = path.join(folder, name);
    return { name, target, tmp: path.join(folder, `.${name}.tmp`) };
  };

  const finish = (p: { name: string; target: string; tmp: string }, reason: BackupReason, r: JobResult): BackupInfo => {
    const anchor = r.anchor ?? null;
    // Signed, so that a record rewritten to match a rewritten copy (or database) is found by verify.
    const signed = anchor && options.keyFile ? signBackupAnchor(loadOrCreateKey(options.keyFile), p.name, anchor) : {};
    const record = { reason, check: r.check, schemaVersion: r.schemaVersion, appVersion: options.appVersion ?? null, source: file, anchor, ...signed };
    writeDurably(`${p.target}.json`, JSON.stringify(record, null, 2) + '\n');
    fs.renameSync(p.tmp, p.target);
    fsyncDir(folder);
    return info(p.name)!;
  };

  const failed = (p: { tmp: string }, e: unknown): AppError => {
    fs.rmSync(p.tmp, { force: true });
    return backupFailed(file, folder, e);
  };

  const prune = async (): Promise<void> => {
    let keep = DEFAULT_KEEP;
    try {
      keep = (await options.keep?.()) ?? DEFAULT_KEEP;
    } catch {
      // A setting that cannot be read keeps the defaults.
    }
    // A copy a killed process left half made (never listed) goes once it is a day old: by then
    // no process is still writing it.
    for (const name of fs.readdirSync(folder)) {
      const p = path.join(folder, name);
      if (name.endsWith('.tmp') && Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { force: true });
    }
    const all = list();
    const doomed = [...all.filter((b) => b.reason === 'daily').slice(keep.daily), ...all.filter((b) => b.reason !== 'daily').slice(keep.other)];
    for (const b of doomed) {
      fs.rmSync(path.join(folder, `${b.name}.json`), { force: true });
      fs.rmSync(path.join(folder, b.name), { force: true });
    }
  };

  const create = async (reason: BackupReason, at?: Date): Promise<BackupInfo> => {
    const p = plan(reason, at);
    let r: JobResult;
    try {
      r = await runStoreJob({ kind: 'backup', source: file, target: p.tmp }, options.nativeBinding);
    } catch (e) {
      throw failed(p, e);
    }
    const made = finish(p, reason, r);
    await prune();
    return made;
  };

  return {
    folder,
    list,
    create,
    createSync: (reason) => {
      const p = plan(reason);
      let r: JobResult;
      try {
        r = runStoreJobSync({ kind: 'backup', source: file, target: p.tmp }, options.nativeBinding);
      } catch (e) {
        throw failed(p, e);
      }
      // Pruning waits for the next asynchronous backup: it needs the setting, read from the file.
      return finish(p, reason, r);
    },
    dailyIfDue: async (now = new Date()) => {
      const today = localDay(now);
      if (list().some((b) => b.reason === 'daily' && localDay(new Date(b.createdAt)) === today)) return null;
      if (!fs.existsSync(file)) return null;
      return create('daily', now);
    },
    anchors: () => list().map((b) => anchorOf(b)),
    restore: async (nameOrPath) => {
      const chosen = resolveBackup(nameOrPath);
      refuseUnusable(chosen.path, chosen.name, options.nativeBinding);
      const listed = info(chosen.name);
      if (listed && path.join(folder, chosen.name) === chosen.path) refuseAltered(anchorOf(listed), key());
      const safetyCopy = await safetyCopyOf();
      try {
        await runStoreJob({ kind: 'restore', backup: chosen.path, target: file, waitMs: options.restoreWaitMs ?? 10_000 }, options.nativeBinding);
      } catch (e) {
        // SQLite cannot open the file as a database at all: nothing can be using it, so the copy
        // takes its place by rename (written and synced beside it first).
        if (e instanceof StoreJobError && e.code === 'TARGET_UNREADABLE') swapIn(chosen.path, file);
        else throw restoreFailed(chosen.name, file, e);
      }
      const restored = info(chosen.name) ?? { ...chosen.fallbackInfo };
      // In the restored file's own log: the entries a later backup holds beyond this point were
      // set aside by a restore, not cut off behind Referent's back (verify tells the two apart).
      recordRestore(file, { backup: restored.name, anchor: headOf(file, options.nativeBinding), replaced: safetyCopy ? { safetyCopy: safetyCopy.name, anchor: safetyCopy.anchor } : null }, key(), options.nativeBinding);
      return { restored, safetyCopy };
    },
  };

  function resolveBackup(nameOrPath: string): { path: string; name: string; fallbackInfo: BackupInfo } {
    const byName = path.join(folder, path.basename(nameOrPath));
    const candidate = parse(path.basename(nameOrPath)) && fs.existsSync(byName) ? byName : path.resolve(nameOrPath);
    if (!fs.existsSync(candidate) || !fs.statSync(candidate).isFile()) {
      throw new AppError(
        'NotFound',
        `There is no backup called ${nameOrPath} (in ${folder}); "referent backup list" shows the ones there are.`,
        `Der findes ingen sikkerhedskopi ved navn ${nameOrPath} (i ${folder}); "referent backup list" viser dem, der findes.`,
      );
    }
    if (path.resolve(candidate) === file) {
      throw new AppError('Invalid', `${nameOrPath} is the database itself, not a backup of it.`, `${nameOrPath} er selve databasen, ikke en sikkerhedskopi af den.`);
    }
    const st = fs.statSync(candidate);
    const fallbackInfo: BackupInfo = { name: path.basename(candidate), createdAt: st.mtime.toISOString(), reason: 'manual', size: st.size, check: 'ok', schemaVersion: null, appVersion: null, anchor: null };
    return { path: candidate, name: path.basename(candidate), fallbackInfo };
  }

  /** The file as it is now, before a restore replaces it; a damaged file is kept byte for byte. */
  async function safetyCopyOf(): Promise<BackupInfo | null> {
    if (!fs.existsSync(file)) return null;
    try {
      return await create('pre-restore');
    } catch (e) {
      const p = plan('pre-restore');
      fs.copyFileSync(file, p.tmp);
      const detail = storeFailure((e as { cause?: unknown }).cause ?? e, file)?.message ?? (e as Error).message;
      return finish(p, 'pre-restore', { check: `not a readable database: ${detail}`, schemaVersion: 0 });
    }
  }
}

/** A copy that is not a database, or that this Referent cannot open, is refused before anything changes. */
function refuseUnusable(file: string, name: string, nativeBinding: string | undefined): void {
  let version: number;
  let peek: BetterSqlite3.Database | undefined;
  try {
    peek = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    version = peek.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new AppError('Invalid', `${name} is not a Referent database backup (${(e as Error).message}); nothing was changed.`, `${name} er ikke en sikkerhedskopi af en Referent-database (${(e as Error).message}); intet blev ændret.`);
  } finally {
    peek?.close();
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'TooNew',
      `The backup ${name} was made by a newer Referent (schema ${version}; this version knows up to ${SCHEMA_VERSION}); nothing was changed. Update Referent to restore it.`,
      `Sikkerhedskopien ${name} er lavet af en nyere Referent (skema ${version}; denne version kender op til ${SCHEMA_VERSION}); intet blev ændret. Opdater Referent for at gendanne den.`,
    );
  }
}

/** A backup whose record or copy no longer agree with what was recorded when it was made is not put in place. */
function refuseAltered(b: BackupAnchor, key: SealKey | null): void {
  const fault = backupFault(b, key ? new Map([[key.id, key]]) : new Map());
  if (!fault) return;
  throw new AppError(
    'Corrupt',
    `${fault[0]!.toUpperCase()}${fault.slice(1)}; nothing was changed. Choose another backup.`,
    `Sikkerhedskopien ${b.name} er blevet ændret, efter den blev lavet (dens ændringslog eller dens notat passer ikke med det, der blev noteret, da den blev lavet); intet blev ændret. Vælg en anden sikkerhedskopi.`,
  );
}

/** The head of a file's change log ("HASH:LENGTH"); null when it has none or cannot be read. */
function headOf(file: string, nativeBinding: string | undefined): string | null {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const row = db.prepare('SELECT hash, seq FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hash: string; seq: number } | undefined;
    return row ? `${row.hash}:${row.seq}` : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Appends the restore to the restored file's change log, as appendChange would (and signed as the
 * signing plugin would, where the file's schema has the MAC columns; an older one is signed by its
 * migration). Written straight to the file: the store is reopened by its caller afterwards.
 */
function recordRestore(file: string, payload: Record<string, unknown>, key: SealKey | null, nativeBinding: string | undefined): void {
  const db = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 10000');
    const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('change_log')").all() as { name: string }[]).map((c) => c.name));
    db.transaction(() => {
      const last = db.prepare('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
      const prev = last?.hash ?? GENESIS_HASH;
      const row = { at: nowIso(), meeting_id: null, committee_id: null, action: RESTORE_ACTION, payload: canonicalJson(payload) };
      const hash = entryHash(prev, row);
      const mac = key && columns.has('mac') ? { mac: macOf(key, hash), mac_key: key.id } : {};
      const values = { ...row, prev_hash: prev, hash, ...mac };
      const names = Object.keys(values);
      db.prepare(`INSERT INTO change_log (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(values);
    }).immediate();
  } finally {
    db.close();
  }
}

function swapIn(source: string, target: string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.restore.tmp`);
  fs.copyFileSync(source, tmp);
  fsyncFile(tmp);
  for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${side}`, { force: true });
  fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform lets a folder be opened (Windows); its rename is durable there anyway.
  }
}

function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text);
  fsyncFile(tmp);
  fs.renameSync(tmp, file);
}

function backupFailed(file: string, folder: string, e: unknown): AppError {
  const known = storeFailure(e, file);
  if (known && known.code !== 'ReadOnly') return Object.assign(known, { cause: e });
  const detail = known ? 'the folder is read-only' : (e as Error).message;
  return Object.assign(
    new AppError(
      'Internal',
      `No backup of ${file} could be made in ${folder} (${detail}); nothing was changed. Make sure there is room and write access there, and try again.`,
      `Der kunne ikke laves en sikkerhedskopi af ${file} i ${folder} (${detail}); intet blev ændret. Sørg for, at der er plads og skriveadgang dér, og prøv igen.`,
    ),
    { cause: e },
  );
}

function restoreFailed(name: string, file: string, e: unknown): unknown {
  if (e instanceof StoreJobError && e.code === 'BACKUP_DAMAGED') {
    return new AppError(
      'Corrupt',
      `The backup ${name} is itself damaged (${e.message.replace(/^.*\(|\)$/g, '')}); ${file} was left as it was. Choose an older backup.`,
      `Sikkerhedskopien ${name} er selv beskadiget (${e.message.replace(/^.*\(|\)$/g, '')}); ${file} blev ikke ændret. Vælg en ældre sikkerhedskopi.`,
    );
  }
  return asStoreError(e, file);
}
