// Documents of one meeting: reads it whole from the store, builds the tree, and hands it to a
// writer. The page numbers come from the PDF layout of the same tree, cached per version.
import { resolveTemplate } from '../../../src-shared/domain';
import type { DocumentFormat } from '../../../src-shared/api/documents';
import type { ExMember } from '../../../src-shared/exchange';
import { findCommittee, getCommittee } from '../committees/committees.service';
import { formatShortDa } from '../../../src-shared/dates';
import { AppError, notFound } from '../errors';
import { readMeetings } from '../meetings/meeting-content';
import { getSettings } from '../settings/settings.service';
import type { Db } from '../store/database';
import { canonicalJson, sha256Hex } from '../util/canonical';
import { buildReferat, type DocumentKind, type Referat, type ReferatInput } from './build-referat';
import { renderHtml } from './html-writer';
import { LAYOUT } from './layout';
import { cachedPages, storePages, type PageKey } from './page-cache';
import { renderPdf, samePages, type PdfPrinter } from './pdf';
import type * as DocxWriter from './docx-writer';

export type DocumentRequest = { meetingId: string; kind: DocumentKind; public: boolean };
/** A referat's input as read from the store, with the committee's name for file names. */
export type StoredReferatInput = ReferatInput & { shortName: string };
export type LoadedReferat = { doc: Referat; input: StoredReferatInput };

async function loadReferatInput(db: Db, meetingId: string): Promise<StoredReferatInput> {
  const [content] = await readMeetings(db, { meetingIds: [meetingId] });
  if (!content) throw notFound('The meeting', 'Mødet');
  const committee = await getCommittee(db, content.row.committee_id);
  const settings = await getSettings(db);
  const members: ExMember[] = committee.members.map((m) => ({
    key: m.key,
    name: m.name,
    role: m.role,
    ...(m.title ? { title: m.title } : {}),
    ...(m.party ? { party: m.party } : {}),
    ...(m.from ? { from: m.from } : {}),
    ...(m.until ? { until: m.until } : {}),
  }));
  return {
    committee: { name: committee.name, shortName: committee.shortName, template: resolveTemplate(committee.template), publicationProfile: committee.publicationProfile, members },
    meeting: content.meeting,
    organization: { name: settings.name, logo: settings.logo },
    shortName: committee.shortName || committee.name,
  };
}

export async function loadReferat(db: Db, req: DocumentRequest): Promise<LoadedReferat> {
  const input = await loadReferatInput(db, req.meetingId);
  return { doc: buildReferat(input, req.kind, { public: req.public }), input };
}

/** The version of a document: what it prints and how it is laid out. */
function documentHash(doc: Referat): string {
  return sha256Hex(canonicalJson({ doc, layout: LAYOUT, v: 1 }));
}

export async function previewHtml(db: Db, req: DocumentRequest): Promise<{ title: string; html: string }> {
  const { doc } = await loadReferat(db, req);
  const cached = await cachedPages(db, pageKey(req, doc));
  const pages = cached?.current ? cached.pages : undefined;
  return { title: doc.title, html: renderHtml(doc, { pages, preview: pages === undefined }) };
}

export const KIND_NAME: Record<DocumentKind, string> = { agenda: 'Dagsorden', minutes: 'Referat', decisions: 'Beslutningsprotokol' };
const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** "2026-06-02 OBU": how every file of a meeting's documents begins, dated first so a folder of them sorts by meeting. */
export const meetingFilePrefix = (input: StoredReferatInput): string => `${input.meeting.start.slice(0, 10)} ${input.shortName}`;

/** "2026-06-02 OBU Referat.pdf". */
function documentFileName(input: StoredReferatInput, kind: DocumentKind, isPublic: boolean, ext: string): string {
  return safeFileName(`${meetingFilePrefix(input)} ${KIND_NAME[kind]}${isPublic ? ' - offentlig' : ''}.${ext}`);
}

// Characters Windows, macOS or a web server refuse in a file name (control characters too).
export const safeFileName = (name: string): string =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

export type ExportResult = { bytes: Uint8Array; fileName: string; mime: string; pageCount: number | null };

type ExportRequest = DocumentRequest & { format: DocumentFormat };

export async function exportDocument(db: Db, printer: PdfPrinter, req: ExportRequest): Promise<ExportResult> {
  return exportLoaded(db, printer, await loadReferat(db, req), req);
}

/** Exports a referat already read for `req` (the publication package reads it once for the PDF and the attachments). */
export async function exportLoaded(db: Db, printer: PdfPrinter, { doc, input }: LoadedReferat, req: ExportRequest): Promise<ExportResult> {
  const key = pageKey(req, doc);
  const cached = await cachedPages(db, key);
  const fileName = documentFileName(input, req.kind, req.public, req.format);
  if (req.format === 'docx' && cached?.current) {
    return { bytes: await renderDocx(doc, { pages: cached.pages }), fileName, mime: MIME.docx, pageCount: null };
  }
  // The numbers of an earlier version are a good first guess (an edit often moves no page break):
  // renderPdf checks them against what it printed and prints again only when they were wrong.
  const pdf = await renderPdf(doc, printer, cached?.pages);
  if (!cached?.current || !samePages(cached.pages, pdf.pages)) await storePages(db, key, pdf.pages);
  if (req.format === 'pdf') return { bytes: pdf.bytes, fileName, mime: MIME.pdf, pageCount: pdf.pageCount };
  return { bytes: await renderDocx(doc, { pages: pdf.pages }), fileName, mime: MIME.docx, pageCount: null };
}

/** The .docx writer (and the docx library behind it) loads with the first .docx, not with the core. */
async function renderDocx(...args: Parameters<typeof DocxWriter.renderDocx>): ReturnType<typeof DocxWriter.renderDocx> {
  return (await import('./docx-writer')).renderDocx(...args);
}

function pageKey(req: DocumentRequest, doc: Referat): PageKey {
  return { meetingId: req.meetingId, kind: req.kind, public: req.public, hash: documentHash(doc) };
}

/** The one meeting a committee (by name or short name) holds on a date, for `referent export`. */
export async function findMeetingOn(db: Db, committee: string, date: string): Promise<string> {
  const c = await findCommittee(db, committee);
  const rows = await db.selectFrom('meetings').select(['id', 'start']).where('committee_id', '=', c.id).where('start', 'like', `${date}T%`).orderBy('start').execute();
  if (rows.length === 0) throw new AppError('NotFound', `${c.name} has no meeting on ${date}.`, `${c.name} har intet møde den ${formatShortDa(date)}.`);
  if (rows.length > 1) {
    const which = rows.map((r) => `${r.start.slice(11)}: --meeting ${r.id}`).join(', ');
    throw new AppError('Invalid', `${c.name} has ${rows.length} meetings on ${date} (${which}); name one with --meeting.`,
      `${c.name} har ${rows.length} møder den ${formatShortDa(date)} (${which}); vælg ét med --meeting.`,
    );
  }
  return rows[0]!.id;
}
