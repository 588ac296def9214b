// Handlers of the "documents" operations (src-shared/api/documents.ts). Reading only: the page
// cache they fill is derived data, not a change to a meeting.
import type { documentOps } from '../../../src-shared/api/documents';
import type { CoreContext } from '../context';
import type { FeatureHandlers } from '../handler-types';
import { exportDocument, previewHtml } from './documents.service';
import { findBrowser } from './find-browser';
import type { PdfPrinter } from './pdf';
import { buildPublication, publicationZip } from './publication';
import { sharedPrinter } from './shared-printer';
import { templatePreview } from './template-preview';

/**
 * The shell's printer (Electron's printToPDF in the desktop app), else an installed Chromium-based
 * browser driven by playwright-core (loaded only then, so that the desktop bundle never needs
 * it), else null: no browser on this machine.
 */
export async function printerOf(ctx: CoreContext): Promise<PdfPrinter | null> {
  if (ctx.printer) return ctx.printer;
  const browser = findBrowser();
  if (!browser) return null;
  return sharedPrinter(browser);
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export const documentHandlers: FeatureHandlers<typeof documentOps> = {
  'documents.preview': (ctx, input) => previewHtml(ctx.store.db, input),
  'documents.templatePreview': async (_ctx, input) => templatePreview(input),
  'documents.export': async (ctx, input) => {
    const r = await exportDocument(ctx.store.db, await printerOf(ctx), input);
    return { fileName: r.fileName, mime: r.mime, base64: base64(r.bytes), pageCount: r.pageCount, notice: r.notice };
  },
  'documents.publication': async (ctx, { meetingId, kind }) => {
    const pkg = await buildPublication(ctx.store.db, ctx.store.files, await printerOf(ctx), meetingId, kind);
    return { fileName: `${pkg.baseName}.zip`, base64: base64(publicationZip(pkg)), files: pkg.entries.map((e) => e.name), missing: [...pkg.missing, ...pkg.refused] };
  },
};
