// The key that signs the change log: 32 random bytes in a file outside the database (the per-user
// config folder, mode 0600), created on the first write that needs it. Every change-log entry
// written through a store opened with a key file carries HMAC-SHA256(key, entry hash), so a
// rewrite of the chain by someone who has the database file but not the key cannot be made to verify.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

const KEY_PATTERN = /^[0-9a-f]{64}$/;

export type SealKey = { file: string; id: string; bytes: Buffer };

/** A short public fingerprint of a key: names which key made a MAC without revealing it. */
export const keyIdOf = (bytes: Buffer): string => createHash('sha256').update('referent key id\n').update(bytes).digest('hex').slice(0, 16);

export const macOf = (key: SealKey, entryHash: string): string => createHmac('sha256', key.bytes).update(entryHash).digest('hex');

/** Reads the key file; null when there is none. Never creates one (verify must not write). */
export function readKey(file: string): SealKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('Corrupt', `The seal key ${file} cannot be read (${(e as Error).message}).`, `Forseglingsnøglen ${file} kan ikke læses (${(e as Error).message}).`);
  }
  if (!KEY_PATTERN.test(text)) {
    throw new AppError('Corrupt', `The seal key ${file} is damaged: it must hold 64 hexadecimal digits. Restore it from a backup.`,
      `Forseglingsnøglen ${file} er beskadiget: den skal indeholde 64 hexadecimale cifre. Gendan den fra en sikkerhedskopi.`,
    );
  }
  const bytes = Buffer.from(text, 'hex');
  return { file, id: keyIdOf(bytes), bytes };
}

/** Reads the key file, creating it (mode 0600) when there is none; two processes racing get the same key. */
export function loadOrCreateKey(file: string): SealKey {
  const existing = readKey(file);
  if (existing) return existing;
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // link() refuses an existing name: whoever links first wins, and everyone reads that key.
    try {
      fs.linkSync(temp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  } catch (e) {
    throw new AppError('Internal', `The seal key ${file} cannot be created (${(e as Error).message}); set REFERENT_KEY_FILE to a writable place.`,
      `Forseglingsnøglen ${file} kan ikke oprettes (${(e as Error).message}); sæt REFERENT_KEY_FILE til et sted, der kan skrives i.`,
    );
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return readKey(file)!;
}

/** True when others than the owner may read the key file (POSIX modes only). */
export function keyExposed(file: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    return (fs.statSync(file).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}
