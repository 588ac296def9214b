// Publishing a committee's year from the store: reads the meetings, prints each published
// meeting's public PDF (or keeps the one already in the folder when the meeting is unchanged,
// which also keeps it byte-identical), reads the attachments through the store's hash-checked
// reader (a missing or altered file stops the publication with a sentence naming it; nothing is
// written), builds the site and writes it into the folder.
import fs from 'node:fs';
import path from 'node:path';
import { findCommittee } from '../committees/committees.service';
import { exportDocument } from '../documents/documents.service';
import { liveReferatInput, loadDocumentSource } from '../documents/referat-input';
import type { PdfPrinter } from '../documents/pdf';
import { AppError } from '../errors';
import { readAhead, type FileStore } from '../files/file-store';
import { hashMeeting, selectMeetingRows } from '../meetings/meeting-content';
import type { Db } from '../store/database';
import { sha256Hex } from '../util/canonical';
import { buildSite, publishedKind, type PublicationManifest, type Site, type SiteInput, type SiteMeeting } from './site';
import { readManifest, writeSite, type WriteResult } from './write-site';

export type PublishRequest = {
  /** The committee by name or short name, or the id of one meeting (its committee and year are published). */
  committee?: string | undefined;
  committeeId?: string | undefined;
  meetingId?: string | undefined;
  year?: number | undefined;
  /** Print the meetings' public PDFs (a printer is needed); without, the pages link no PDF. */
  pdf: boolean;
  baseUrl?: string | undefined;
  /** Also write the OParl 1.1 export, with ids under this address. */
  oparl?: string | undefined;
};

/** Reads what a publication of the committee's year shows; `dir` is the folder it goes into (for the previous manifest). */
export async function loadSite(db: Db, files: FileStore, printer: PdfPrinter | null, req: PublishRequest, dir: string | null): Promise<{ site: Site; previous: PublicationManifest | null }> {
  let committeeId: string;
  let year = req.year;
  if (req.meetingId) {
    const row = await db.selectFrom('meetings').select(['committee_id', 'start']).where('id', '=', req.meetingId).executeTakeFirst();
    if (!row) throw new AppError('NotFound', `No meeting has the id ${req.meetingId}.`, `Intet møde har id'et ${req.meetingId}.`);
    committeeId = row.committee_id;
    year = Number(row.start.slice(0, 4));
  } else if (req.committeeId) {
    committeeId = req.committeeId;
  } else if (req.committee) {
    committeeId = (await findCommittee(db, req.committee)).id;
  } else throw new AppError('Invalid', 'Name the committee or the meeting to publish.', 'Angiv udvalget eller mødet, der skal offentliggøres.');
  if (year === undefined) throw new AppError('Invalid', 'Name the year to publish.', 'Angiv året, der skal offentliggøres.');

  const previous = dir ? readManifest(dir) : null;
  const rows = await selectMeetingRows(db, { committeeIds: [committeeId], year });
  const meetings: SiteMeeting[] = [];
  let first: Awaited<ReturnType<typeof liveReferatInput>> | null = null;
  for (const row of rows) {
    // Approved minutes are published from their sealed content, as their documents print it; the
    // committee and organisation the site is headed with are today's.
    const { input } = await loadDocumentSource(db, row.id);
    first ??= await liveReferatInput(db, row.id);
    const version = row.content_hash ?? hashMeeting(input.meeting);
    const kind = publishedKind(input.meeting);
    let pdf: Uint8Array | null = null;
    if (kind && req.pdf) {
      pdf = dir ? keptPdf(dir, previous, row.id, version) : null;
      if (!pdf && printer) pdf = (await exportDocument(db, printer, { meetingId: row.id, kind, public: true, format: 'pdf' })).bytes;
    }
    meetings.push({ id: row.id, meeting: input.meeting, version, updatedAt: row.updated_at, pdf });
  }
  // The open attachments' bytes, read ahead (the site is built without waiting); each hash-checked.
  const stored = await readAhead(db, files, meetings.flatMap((m) => m.meeting.items.flatMap((i) => (i.access === 'closed' ? [] : (i.attachments ?? []).flatMap((x) => (x.sha256 && x.access !== 'closed' ? [x.sha256] : []))))));
  const committee = first?.committee ?? (await loadCommitteeOnly(db, committeeId));
  const shortName = first?.shortName ?? committee.name;
  const siteInput: SiteInput = {
    committee: { ...committee, shortName },
    organization: first?.organization ?? { name: null, logo: null },
    year,
    meetings,
    readAttachment: (sha, label) => new Uint8Array(stored(sha, label)),
    previous,
    ...(req.baseUrl ? { baseUrl: withSlash(req.baseUrl) } : {}),
    ...(req.oparl ? { oparlBase: withSlash(req.oparl) } : {}),
  };
  return { site: buildSite(siteInput), previous };
}

export async function publish(db: Db, files: FileStore, printer: PdfPrinter | null, req: PublishRequest, dir: string): Promise<WriteResult & { missing: string[] }> {
  const { site, previous } = await loadSite(db, files, printer, req, dir);
  return { ...writeSite(dir, site, previous), missing: site.missing };
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

/** The PDF published last time, when the meeting has not changed since and the file is intact. */
function keptPdf(dir: string, previous: PublicationManifest | null, meetingId: string, version: string): Uint8Array | null {
  const before = previous?.meetings.find((m) => m.id === meetingId);
  if (!before || before.version !== version || !before.path) return null;
  const entry = previous!.files.find((f) => f.meetingId === meetingId && f.path.startsWith(`${before.path}/`) && f.path.endsWith('.pdf') && !f.path.includes('/bilag/'));
  if (!entry) return null;
  const file = path.join(dir, ...entry.path.split('/'));
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  return sha256Hex(bytes) === entry.sha256 ? new Uint8Array(bytes) : null;
}

/** A committee without meetings that year still gets its (empty) index and mødeplan. */
async function loadCommitteeOnly(db: Db, committeeId: string): Promise<SiteInput['committee']> {
  const { getCommittee } = await import('../committees/committees.service');
  const { resolveTemplate } = await import('../../../src-shared/domain');
  const c = await getCommittee(db, committeeId);
  return {
    name: c.name,
    shortName: c.shortName || c.name,
    template: resolveTemplate(c.template),
    publicationProfile: c.publicationProfile,
    members: c.members.map((m) => ({ key: m.key, name: m.name, role: m.role, ...(m.party ? { party: m.party } : {}) })),
  };
}
