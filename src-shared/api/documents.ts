// Operations of the "documents" feature: the in-app preview, .docx/PDF export and the
// publication package (public PDF plus open attachments) for the municipality's website.
import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op } from './define';
import { Id } from './committees';
import { TemplateSchema } from '../exchange';
import { PUBLICATION_PROFILES } from '../domain';
import type { Notice } from '../result';

export const DOCUMENT_KINDS = ['agenda', 'minutes', 'decisions'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const DocumentRequest = z.strictObject({
  meetingId: Id,
  kind: z.enum(DOCUMENT_KINDS),
  public: z.boolean().default(false),
});

export type DocumentPreview = { title: string; html: string };
/** `notice`: why the document is not all it could be (a .docx whose contents have no page numbers: no browser). */
export type ExportedDocument = { fileName: string; mime: string; base64: string; pageCount: number | null; notice: Notice | null };
export type Publication = { fileName: string; base64: string; files: string[]; missing: string[] };

export const documentOps = {
  'documents.preview': op(DocumentRequest).returns<DocumentPreview>(),
  // `archive`: a PDF that is PDF/A-2 as well as PDF/UA-1 (ignored for .docx).
  'documents.export': op(DocumentRequest.extend({ format: z.enum(DOCUMENT_FORMATS), archive: z.boolean().default(false) })).returns<ExportedDocument>(),
  /** The template editor's live preview: a sample meeting laid out with an (unsaved) template. */
  'documents.templatePreview': op(
    z.strictObject({
      committeeName: z.string().trim().min(1).max(FIELD_LIMITS.committeeName),
      template: TemplateSchema,
      publicationProfile: z.enum(PUBLICATION_PROFILES).optional(),
      kind: z.enum(DOCUMENT_KINDS).optional(),
    }),
  ).returns<DocumentPreview>(),
  'documents.publication': op(z.strictObject({ meetingId: Id, kind: z.enum(['minutes', 'decisions', 'agenda']).default('minutes') })).returns<Publication>(),
};
