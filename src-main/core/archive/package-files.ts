// An archive package on disk: a folder (files under their package paths) or a .zip of the same.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { BUNDLE_LIMITS } from '../exchange/bundle';
import { AppError } from '../errors';
import { unzipBounded } from '../util/unzip-bounded';
import { writeFileAtomic } from '../util/write-file';
import type { PackageEntry } from './archive-package';

export function writeArchivePackage(entries: readonly PackageEntry[], target: string): void {
  if (target.toLowerCase().endsWith('.zip')) {
    const zip: Zippable = {};
    // The PDF and attachments are compressed already, mostly: stored as they are.
    for (const e of entries) zip[e.name] = [e.bytes, { level: e.name.endsWith('.json') || e.name.endsWith('.txt') ? 6 : 0 }];
    writeFileAtomic(target, zipSync(zip));
    return;
  }
  for (const e of entries) {
    const file = path.join(target, ...e.name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, e.bytes);
  }
}

/** The package's files by their path inside it ("bilag/01-x.pdf"). */
export function readArchivePackage(source: string): Map<string, Uint8Array> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new AppError('NotFound', `There is no archive package at ${source}.`, `Der er ingen arkivpakke på ${source}.`);
  }
  const files = new Map<string, Uint8Array>();
  if (stat.isDirectory()) {
    const walk = (dir: string, prefix: string): void => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        if (d.isDirectory()) walk(path.join(dir, d.name), `${prefix}${d.name}/`);
        else files.set(`${prefix}${d.name}`, fs.readFileSync(path.join(dir, d.name)));
      }
    };
    walk(source, '');
    return files;
  }
  const entries = unzipBounded(fs.readFileSync(source), path.basename(source), BUNDLE_LIMITS, (reason) => ({ en: `not a readable archive package (${reason})`, da: `er ikke en læsbar arkivpakke (${reason})` }));
  for (const [name, bytes] of Object.entries(entries)) if (!name.endsWith('/')) files.set(name, bytes);
  return files;
}
