// Documents of one meeting: reads it whole from the store, builds the tree, and hands it to a
// writer. The page numbers come from the PDF layout of the same tree, cached per version.
import type { DocumentFormat } from '../../../src-shared/api/documents';
import { findCommittee } from '../committees/committees.service';
import { formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { canonicalJson, sha256Hex } from '../util/canonical';
import { buildReferat, type DocumentKind, type Referat } from './build-referat';
import { loadDocumentSource, type StoredReferatInput } from './referat-input';
import { renderHtml } from './html-writer';
import { LAYOUT } from './layout';
import { cachedPages, storePages, type PageKey } from './page-cache';
import { renderPdf, samePages, type PdfPrinter } from './pdf';
import type { Notice } from '../../../src-shared/result';
import type * as DocxWriter from './docx-writer';

export type DocumentRequest = { meetingId: string; kind: DocumentKind; public: boolean };
export type { StoredReferatInput };
export type LoadedReferat = { doc: Referat; input: StoredReferatInput };

export async function loadReferat(db: Db, req: DocumentRequest): Promise<LoadedReferat> {
  const { input, seal } = await loadDocumentSource(db, req.meetingId);
  return { doc: buildReferat(input, req.kind, { public: req.public, seal }), input };
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

/** "2026-06-02 OBU Referat.pdf", "… Referat - offentlig - arkiv.pdf". */
function documentFileName(input: StoredReferatInput, kind: DocumentKind, isPublic: boolean, archive: boolean, ext: string): string {
  return safeFileName(`${meetingFilePrefix(input)} ${KIND_NAME[kind]}${isPublic ? ' - offentlig' : ''}${archive ? ' - arkiv' : ''}.${ext}`);
}

// Characters Windows, macOS or a web server refuse in a file name (control characters too).
export const safeFileName = (name: string): string =>
  [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

export type ExportResult = {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
  pageCount: number | null;
  /** Why the document is not all it could be (a .docx without page numbers), in both languages. */
  notice: Notice | null;
};

/** `archive`: a PDF that is PDF/A-2 as well as PDF/UA-1, for the archive. */
type ExportRequest = DocumentRequest & { format: DocumentFormat; archive?: boolean | undefined };

/** A PDF needs a browser to print it; a .docx does not (`printer` null: none was found). */
export async function exportDocument(db: Db, printer: PdfPrinter | null, req: ExportRequest): Promise<ExportResult> {
  return exportLoaded(db, printer, await loadReferat(db, req), req);
}

const NO_BROWSER = new AppError(
  'NotFound',
  'No browser to print the PDF with was found: install Microsoft Edge, Google Chrome or Chromium, or set CHROMIUM_PATH to one.',
  'Der blev ikke fundet nogen browser at lave PDF-filen med: installér Microsoft Edge, Google Chrome eller Chromium, eller sæt CHROMIUM_PATH til en af dem.',
);

const unnumbered = (why: string, whyDa: string): Notice => ({
  message: `${why}, so the table of contents links to each item without page numbers.`,
  messageDa: `${whyDa}, så indholdsfortegnelsen linker til hvert punkt uden sidetal.`,
});

/** Exports a referat already read for `req` (the publication package reads it once for the PDF and the attachments). */
export async function exportLoaded(db: Db, printer: PdfPrinter | null, { doc, input }: LoadedReferat, req: ExportRequest): Promise<ExportResult> {
  const key = pageKey(req, doc);
  const cached = await cachedPages(db, key);
  const archive = req.format === 'pdf' && req.archive === true;
  const fileName = documentFileName(input, req.kind, req.public, archive, req.format);
  const docx = async (pages: ReadonlyMap<string, number> | undefined, notice: Notice | null): Promise<ExportResult> =>
    ({ bytes: await renderDocx(doc, { pages }), fileName, mime: MIME.docx, pageCount: null, notice });
  // Approved minutes never take their page numbers from the cache on trust: a row of the file is
  // no part of their seal, so they come from a print of the sealed tree, as the PDF's always do.
  if (req.format === 'docx' && cached?.current && !doc.seal) return docx(cached.pages, null);
  if (!printer) {
    if (req.format === 'pdf') throw NO_BROWSER;
    // Page numbers come from a print; without a browser the .docx is still made, its table of
    // contents linked but unnumbered (numbers of an earlier version could be wrong, so none).
    return docx(undefined, unnumbered('No browser to number the pages with was found (Edge, Chrome or Chromium)', 'Der blev ikke fundet nogen browser at sidenummerere med (Edge, Chrome eller Chromium)'));
  }
  // The numbers of an earlier version are a good first guess (an edit often moves no page break):
  // renderPdf checks them against what it printed and prints again only when they were wrong.
  let pdf;
  try {
    pdf = await renderPdf(doc, printer, cached?.pages, { archive, finish: req.format === 'pdf' });
  } catch (e) {
    if (req.format === 'pdf') throw e;
    const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return docx(undefined, unnumbered(`The browser could not print the document (${reason})`, `Browseren kunne ikke udskrive dokumentet (${reason})`));
  }
  if (!cached?.current || !samePages(cached.pages, pdf.pages)) await storePages(db, key, pdf.pages);
  if (req.format === 'pdf') return { bytes: pdf.bytes, fileName, mime: MIME.pdf, pageCount: pdf.pageCount, notice: null };
  return docx(pdf.pages, null);
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
