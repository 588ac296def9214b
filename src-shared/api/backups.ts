// Rolling backups of the database file: listed, made and restored from the app (Settings →
// Backups) as from `referent backup`. A server database keeps its own backups and answers none.
import { z } from 'zod';
import { op } from './define';

export const BACKUP_REASONS = ['daily', 'pre-migration', 'pre-import', 'pre-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export type BackupInfo = {
  /** The file name in the backups folder; what `backups.restore` and `referent backup restore` take. */
  name: string;
  /** When it was made (ISO 8601, UTC). */
  createdAt: string;
  reason: BackupReason;
  /** Bytes. */
  size: number;
  /** 'ok' when SQLite's integrity check of the copy found nothing; otherwise what it found. */
  check: string;
  /** Schema version of the copy, and the Referent that made it (null when unknown). */
  schemaVersion: number | null;
  appVersion: string | null;
  /** The change log's head in the copy when it was made ("HASH:LENGTH"; null before backups recorded it): `referent verify` checks the database still holds it. */
  anchor: string | null;
};

/** How many backups are kept: the newest `daily` daily ones, and the newest `other` of the rest. */
export type BackupKeep = { daily: number; other: number };

/** The last integrity check of the database file itself (in the background, once a day or version). */
export type StoreCheck = { at: string; appVersion: string; result: string };

export type BackupOverview = {
  /** The folder the backups are in, shown so the user can find them. */
  folder: string;
  backups: BackupInfo[];
  keep: BackupKeep;
  lastCheck: StoreCheck | null;
};

const KeepCount = z.number().int().min(1).max(365);

export const backupOps = {
  'backups.list': op(z.object({})).returns<BackupOverview>(),
  'backups.create': op(z.object({})).returns<BackupInfo>(),
  'backups.restore': op(z.strictObject({ name: z.string().min(1).max(300) })).returns<{ restored: BackupInfo; safetyCopy: BackupInfo | null }>(),
  'backups.setKeep': op(z.strictObject({ daily: KeepCount, other: KeepCount })).returns<BackupKeep>(),
};
