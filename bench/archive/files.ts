// Generated archives on disk, made once and cached (never committed): as a referent/v1 document,
// written a meeting at a time so that 250k items never sit in memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateArchive, type ArchiveSpec } from './generate';

/** `$REFERENT_BENCH_DIR`, else `<tmp>/referent-bench`. */
export const benchDir = (): string => process.env.REFERENT_BENCH_DIR ?? path.join(os.tmpdir(), 'referent-bench');

/** Changes when the generator's code or corpus does, so a stale cached archive is never reused. */
function generatorVersion(): string {
  const h = crypto.createHash('sha256');
  for (const f of ['generate.ts', 'danish.ts', 'prng.ts']) h.update(fs.readFileSync(path.join(import.meta.dirname, f)));
  return h.digest('hex').slice(0, 10);
}

export const archiveName = (spec: ArchiveSpec): string => `archive-${spec.items}-s${spec.seed ?? 1}-${generatorVersion()}`;

/** Writes `file` through a temporary name, so an interrupted run never leaves half a file in the cache. */
export async function writeOnce(file: string, write: (tmp: string) => Promise<void>): Promise<string> {
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await write(tmp);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return file;
}

/** Streams a generated archive to `file` as one referent/v1 document. Returns the item count. */
export async function writeArchiveJson(spec: ArchiveSpec, file: string): Promise<number> {
  const archive = generateArchive(spec);
  const out = fs.createWriteStream(file);
  const write = (s: string): Promise<void> | void => {
    if (!out.write(s)) return new Promise((resolve) => out.once('drain', () => resolve()));
  };
  let items = 0;
  await write(`{"format":"referent/v1","organization":${JSON.stringify(archive.organization)},"committees":[`);
  for (const [ci, c] of archive.committees.entries()) {
    await write(`${ci ? ',' : ''}${JSON.stringify(c.header).slice(0, -1)},"meetings":[`);
    let first = true;
    for (const m of c.meetings()) {
      items += m.items.length;
      await write(`${first ? '' : ',\n'}${JSON.stringify(m)}`);
      first = false;
    }
    await write(']}');
  }
  await write(']}\n');
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return items;
}

/** The cached referent/v1 file of this archive, generated on first use. */
export function archiveJson(spec: ArchiveSpec): Promise<string> {
  return writeOnce(path.join(benchDir(), `${archiveName(spec)}.referent.json`), async (tmp) => {
    await writeArchiveJson(spec, tmp);
  });
}
