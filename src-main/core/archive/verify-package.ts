// `referent verify --package`: checks an archive package (archive-package.ts) without the
// database. Every file against the manifest's SHA-256, nothing unlisted; the sealed content against
// its hash; each change-log entry that sealed it against its own hash (and MAC, given the key); the
// last seal entry against the content hash and the printed anchor; the approved meeting in the
// JSON against the sealed content; every attachment the meeting names by hash, present or listed
// as not included. Faults are sentences naming the file and what differs.
import { ReferentDocumentSchema } from '../../../src-shared/exchange';
import { entryHash } from '../changelog/changelog';
import { sealedInput } from '../seal/snapshot';
import { macOf, readKey, type SealKey } from '../seal/signing';
import { canonicalJson, sha256Hex } from '../util/canonical';
import { ARCHIVE_FORMAT, PACKAGE_FILES, type Manifest, type SealRecord } from './archive-package';

export type PackageReport = { ok: boolean; faults: string[]; notes: string[]; manifest: Manifest | null };

function parseJson<T>(bytes: Uint8Array | undefined, name: string, faults: string[]): T | null {
  if (!bytes) {
    faults.push(`the package has no ${name}`);
    return null;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (e) {
    faults.push(`${name} is not valid JSON (${(e as Error).message})`);
    return null;
  }
}

export function verifyPackage(files: ReadonlyMap<string, Uint8Array>, keyFiles: readonly string[] = []): PackageReport {
  const faults: string[] = [];
  const notes: string[] = [];
  const done = (manifest: Manifest | null): PackageReport => ({ ok: faults.length === 0, faults, notes, manifest });
  const manifest = parseJson<Manifest>(files.get(PACKAGE_FILES.manifest), PACKAGE_FILES.manifest, faults);
  if (!manifest) return done(null);
  if (manifest.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.files)) {
    faults.push(`${PACKAGE_FILES.manifest} is not the manifest of a Referent archive package (format ${String(manifest.format)})`);
    return done(null);
  }

  // Every file as the manifest lists it; nothing beside it but the manifest and its text.
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const bytes = files.get(f.path);
    if (!bytes) faults.push(`${f.path} is listed in the manifest but missing from the package`);
    else if (sha256Hex(bytes) !== f.sha256) faults.push(`${f.path} does not match its SHA-256 in the manifest: the file was altered or replaced`);
  }
  for (const name of files.keys()) {
    if (!listed.has(name) && name !== PACKAGE_FILES.manifest && name !== PACKAGE_FILES.readme) faults.push(`${name} is in the package but not in its manifest`);
  }
  for (const required of [PACKAGE_FILES.pdf, PACKAGE_FILES.json, PACKAGE_FILES.seal]) {
    if (!listed.has(required)) faults.push(`the manifest does not list ${required}`);
  }

  // The seal: content, hash, the entries that sealed it, the anchor.
  const record = parseJson<SealRecord>(files.get(PACKAGE_FILES.seal), PACKAGE_FILES.seal, faults);
  if (!record || typeof record.content !== 'string' || !Array.isArray(record.entries)) return done(manifest);
  if (sha256Hex(record.content) !== record.contentHash) faults.push(`the sealed content in ${PACKAGE_FILES.seal} does not hash to its content hash: it was altered`);
  if (record.contentHash !== manifest.contentHash) faults.push(`the manifest's content hash differs from the seal's`);
  const keys = new Map<string, SealKey>();
  for (const f of keyFiles) {
    const k = readKey(f);
    if (k) keys.set(k.id, k);
  }
  for (const e of record.entries) {
    if (entryHash(e.prev_hash, e) !== e.hash) faults.push(`change log entry ${e.seq} (${e.action}) in ${PACKAGE_FILES.seal} does not hash to its recorded hash: it was altered`);
    if (keys.size > 0) {
      const key = keys.get(e.mac_key ?? '');
      if (!e.mac) faults.push(`change log entry ${e.seq} (${e.action}) carries no MAC`);
      else if (!key) notes.push(`change log entry ${e.seq} was signed with the key ${e.mac_key ?? '?'}, which verify was not given`);
      else if (macOf(key, e.hash) !== e.mac) faults.push(`change log entry ${e.seq} (${e.action}) carries a MAC that does not match it: it was rewritten by someone without the key`);
    }
  }
  if (keys.size === 0) notes.push('The MACs of the seal entries were NOT checked: no key was given (--key FILE).');
  const last = record.entries[record.entries.length - 1];
  const sealed = last ? recordedHash(last.payload) : null;
  if (!last || sealed !== record.contentHash) faults.push(`the change log entries in ${PACKAGE_FILES.seal} do not record the content hash ${record.contentHash}`);
  else if (record.anchor !== `${last.hash}:${last.seq}` || manifest.anchor !== record.anchor) faults.push(`the anchor ${manifest.anchor} is not the entry that sealed the minutes (${last.hash}:${last.seq})`);

  // The approved meeting in the JSON, as sealed; and its attachments.
  let meeting: unknown = null;
  try {
    meeting = sealedInput(record.content).meeting;
  } catch (e) {
    faults.push(`the sealed content cannot be read (${(e as Error).message})`);
  }
  const raw = parseJson<unknown>(files.get(PACKAGE_FILES.json), PACKAGE_FILES.json, faults);
  const doc = raw === null ? null : ReferentDocumentSchema.safeParse(raw);
  if (doc && !doc.success) faults.push(`${PACKAGE_FILES.json} is not a valid referent/v1 document`);
  else if (doc && meeting) {
    const exported = doc.data.committees[0]?.meetings[0];
    if (!exported || canonicalJson(exported) !== canonicalJson(meeting)) faults.push(`the meeting in ${PACKAGE_FILES.json} differs from the sealed content: it is not what was approved`);
  }
  if (meeting) {
    const hashes = new Set(manifest.files.map((f) => f.sha256));
    const without = new Set((manifest.notIncluded ?? []).map((x) => x.sha256));
    for (const item of (meeting as { items: { attachments?: { title: string; sha256?: string }[] }[] }).items) {
      for (const a of item.attachments ?? []) {
        if (a.sha256 && !hashes.has(a.sha256) && !without.has(a.sha256)) faults.push(`the attachment "${a.title}" (SHA-256 ${a.sha256}) is neither in the package nor listed as not included`);
      }
    }
  }
  return done(manifest);
}

function recordedHash(payload: string): string | null {
  try {
    return (JSON.parse(payload) as { contentHash?: string }).contentHash ?? null;
  } catch {
    return null;
  }
}
