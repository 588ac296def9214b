// The archive package of approved minutes (issue 13 §3): what a records officer journalises in
// the ESDH, self-contained and checkable without the database. The PDF/A-2 minutes, the approved
// meeting as referent/v1 JSON, the seal (the sealed content, its hash, the change-log entries that
// sealed it, the anchor the minutes print), the attachments with their hashes, and a manifest of
// every file with its SHA-256, in JSON and as a Danish text a person reads. verify-package.ts
// checks one.
import type { ExMember, ReferentDocument } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import { exportDocument, safeFileName } from '../documents/documents.service';
import type { PdfPrinter } from '../documents/pdf';
import { loadDocumentSource } from '../documents/referat-input';
import { AppError, notFound } from '../errors';
import { committeeHeaders, organizationOf } from '../exchange/export';
import { readBlob, type FileStore } from '../files/file-store';
import { SEAL_ACTIONS } from '../seal/seal.service';
import { sealedInput } from '../seal/snapshot';
import type { Db } from '../store/database';
import { sha256Hex } from '../util/canonical';

export const ARCHIVE_FORMAT = 'referent-archive/1';
export const PACKAGE_FILES = { manifest: 'manifest.json', readme: 'LAESMIG.txt', pdf: 'referat.pdf', json: 'moede.referent.json', seal: 'segl.json' } as const;

export type PackageEntry = { name: string; bytes: Uint8Array };

/** One change-log entry as the package carries it: every column its hash and MAC cover, and its position. */
export type SealRecordEntry = { seq: number; at: string; meeting_id: string | null; committee_id: string | null; action: string; payload: string; prev_hash: string; hash: string; mac: string | null; mac_key: string | null };

/** segl.json: the sealed content as stored, its hash, and the entries of the change log that sealed it. */
export type SealRecord = { format: 'referent-seal-record/1'; meetingId: string; contentHash: string; content: string; entries: SealRecordEntry[]; anchor: string };

export type ManifestFile = { path: string; sha256: string; size: number; what: string };
export type Manifest = {
  format: typeof ARCHIVE_FORMAT;
  meeting: { id: string; committee: string; start: string; location: string | null };
  approved: { at: string; by: { member: string; name: string; at: string }[] };
  contentHash: string;
  anchor: string;
  files: ManifestFile[];
  /** Attachments the meeting names by hash whose file the store never had (came by plain JSON). */
  notIncluded: { title: string; sha256: string }[];
};

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function buildArchivePackage(db: Db, fileStore: FileStore, printer: PdfPrinter | null, meetingId: string): Promise<{ entries: PackageEntry[]; manifest: Manifest }> {
  const row = await db.selectFrom('meetings as m').innerJoin('committees as c', 'c.id', 'm.committee_id').select(['m.id', 'm.locked_at', 'm.content_hash', 'm.start', 'c.name']).where('m.id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound('The meeting', 'Mødet');
  const seal = await db.selectFrom('meeting_seals').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (row.locked_at === null || row.content_hash === null || !seal?.content || seal.entry === null || seal.entry_hash === null) {
    throw new AppError('Invalid', `Only approved minutes are archived: the meeting of ${row.name} on ${formatShortDa(row.start)} is not approved and sealed (approve the minutes first; minutes approved before the seal get one with their first addendum).`,
      `Kun godkendte referater arkiveres: mødet i ${row.name} den ${formatShortDa(row.start)} er ikke godkendt og forseglet (godkend referatet først; et referat godkendt før forseglingen får den med sin første tilføjelse).`,
    );
  }
  // The source refuses sealed content that no longer matches its lock: a damaged seal is not archived.
  const { input } = await loadDocumentSource(db, meetingId);
  const meeting = sealedInput(seal.content).meeting;
  const entries = (await db.selectFrom('change_log').selectAll().where('meeting_id', '=', meetingId).where('action', 'in', [...SEAL_ACTIONS]).orderBy('seq').execute()).map(
    (e): SealRecordEntry => ({ seq: e.seq, at: e.at, meeting_id: e.meeting_id, committee_id: e.committee_id, action: e.action, payload: e.payload, prev_hash: e.prev_hash, hash: e.hash, mac: e.mac ?? null, mac_key: e.mac_key ?? null }),
  );
  const anchor = `${seal.entry_hash}:${seal.entry}`;
  const record: SealRecord = { format: 'referent-seal-record/1', meetingId, contentHash: row.content_hash, content: seal.content, entries, anchor };

  const pdf = await exportDocument(db, printer, { meetingId, kind: 'minutes', public: false, format: 'pdf', archive: true });
  const [committee] = await committeeHeaders(db, { committee: row.name });
  const organization = await organizationOf(db);
  const document: ReferentDocument = { format: 'referent/v1', ...(organization ? { organization } : {}), committees: [{ ...committee!.header, meetings: [meeting] }] };

  const files: PackageEntry[] = [
    { name: PACKAGE_FILES.pdf, bytes: pdf.bytes },
    { name: PACKAGE_FILES.json, bytes: enc(`${JSON.stringify(document, null, 2)}\n`) },
    { name: PACKAGE_FILES.seal, bytes: enc(`${JSON.stringify(record, null, 2)}\n`) },
  ];
  const what: Record<string, string> = { [PACKAGE_FILES.pdf]: 'Referatet (PDF/A-2)', [PACKAGE_FILES.json]: 'Det godkendte møde (referent/v1)', [PACKAGE_FILES.seal]: 'Forseglingen: indhold, hash og ændringslogens poster' };
  const notIncluded: Manifest['notIncluded'] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const item of meeting.items) {
    for (const a of item.attachments ?? []) {
      if (!a.sha256 || seen.has(a.sha256)) continue;
      seen.add(a.sha256);
      const hasFile = (await db.selectFrom('files').select('sha256').where('sha256', '=', a.sha256).executeTakeFirst()) !== undefined;
      if (!hasFile) {
        notIncluded.push({ title: a.title, sha256: a.sha256 });
        continue;
      }
      // Read through the hash check: a missing or altered file stops the package, naming it.
      const bytes = await readBlob(db, fileStore, a.sha256, { title: a.title, item: item.title, start: row.start, committee: row.name });
      const name = `bilag/${String(++n).padStart(2, '0')}-${safeFileName(a.file ?? a.title)}`;
      files.push({ name, bytes });
      what[name] = `Bilag til punkt ${item.number ?? '-'}: ${a.title}`;
    }
  }
  const names = new Map(input.committee.members.map((m: ExMember) => [m.key, m.name]));
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    meeting: { id: meetingId, committee: input.committee.name, start: meeting.start, location: meeting.location ?? null },
    approved: { at: row.locked_at, by: (meeting.approvals ?? []).map((a) => ({ member: a.member, name: names.get(a.member) ?? a.member, at: a.at })) },
    contentHash: row.content_hash,
    anchor,
    files: files.map((f) => ({ path: f.name, sha256: sha256Hex(f.bytes), size: f.bytes.byteLength, what: what[f.name]! })),
    notIncluded,
  };
  return { entries: [...files, { name: PACKAGE_FILES.manifest, bytes: enc(`${JSON.stringify(manifest, null, 2)}\n`) }, { name: PACKAGE_FILES.readme, bytes: enc(readme(manifest)) }], manifest };
}

/** The manifest as a records officer reads it: what, who approved it and when, every file with its hash, how to check. */
function readme(m: Manifest): string {
  const lines = [
    `Arkivpakke: godkendt referat af ${m.meeting.committee}, møde ${formatShortDa(m.meeting.start)} kl. ${m.meeting.start.slice(11, 16).replace(':', '.')}${m.meeting.location ? `, ${m.meeting.location}` : ''}`,
    '',
    `Referatet er godkendt og låst ${formatShortDa(m.approved.at)}.`,
    ...(m.approved.by.length > 0 ? [`Godkendt af: ${m.approved.by.map((b) => `${b.name} (${formatShortDa(b.at)})`).join(', ')}.`] : []),
    `Indholdets SHA-256 (forseglingen): ${m.contentHash}`,
    `Ankerpunkt i ændringsloggen (trykt på referatet): ${m.anchor}`,
    '',
    'Filer (SHA-256, bytes):',
    ...m.files.map((f) => `  ${f.path}  ${f.sha256}  ${f.size}  ${f.what}`),
    ...(m.notIncluded.length > 0 ? ['', 'Bilag, hvis fil ikke findes i Referent (kun deres hash):', ...m.notIncluded.map((x) => `  ${x.title}  ${x.sha256}`)] : []),
    '',
    'Kontrol uden databasen: referent verify --package <denne pakke> (manifest.json og segl.json er de maskinlæsbare udgaver af dette).',
    '',
  ];
  return lines.join('\n');
}
