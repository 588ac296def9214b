// Operations of the "publish" feature: a committee's year as the website folder (issue 13),
// written into a folder on this machine (the desktop app) or returned as a .zip (the browser
// shell, which has no folder picker), and the public meeting page for the dialog's preview.
import { z } from 'zod';
import { op } from './define';
import { Id } from './committees';

const Year = z.number().int().min(2000).max(2100);
const HttpUrl = z.string().trim().regex(/^https?:\/\/\S+$/, 'must be a web address like https://example.dk/udvalg/');

export type PublishResult = { folder: string; written: string[]; unchanged: string[]; removed: string[]; missing: string[] };
export type PublishZip = { fileName: string; base64: string; files: string[]; missing: string[] };
export type PublishPreview = { html: string; path: string | null };

export const publishOps = {
  /** Writes (only what changed) into `folder`; removes what the previous publication.json listed and this one does not. */
  'publish.toFolder': op(z.strictObject({ committeeId: Id, year: Year, folder: z.string().trim().min(1).max(4000), baseUrl: HttpUrl.optional(), oparl: HttpUrl.optional() })).returns<PublishResult>(),
  'publish.zip': op(z.strictObject({ committeeId: Id, year: Year, baseUrl: HttpUrl.optional(), oparl: HttpUrl.optional() })).returns<PublishZip>(),
  /** The public page of one meeting, as the website will show it (no PDF is printed for it). */
  'publish.preview': op(z.strictObject({ meetingId: Id })).returns<PublishPreview>(),
};
