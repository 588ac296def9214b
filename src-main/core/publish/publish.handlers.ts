// Handlers of the "publish" operations (src-shared/api/publish.ts). Reading the store only.
import { zipSync, type Zippable } from 'fflate';
import path from 'node:path';
import type { publishOps } from '../../../src-shared/api/publish';
import { printerOf } from '../documents/documents.handlers';
import { AppError } from '../errors';
import type { FeatureHandlers } from '../handler-types';
import { loadSite, publish } from './publish.service';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export const publishHandlers: FeatureHandlers<typeof publishOps> = {
  'publish.toFolder': async (ctx, { committeeId, year, folder, baseUrl, oparl }) => {
    // The browser shell's server would write wherever a page asks: there the site comes as a .zip.
    if (ctx.shell === 'web') throw new AppError('Invalid', 'The browser version cannot write into a folder; download the site as a .zip instead.', 'Browserudgaven kan ikke skrive i en mappe; hent hjemmesiden som .zip i stedet.');
    const printer = await printerOf(ctx);
    const dir = path.resolve(folder);
    const r = await publish(ctx.store.db, ctx.store.files, printer, { committeeId, year, pdf: printer !== null, baseUrl: baseUrl ?? oparl, oparl }, dir);
    return { folder: dir, ...r };
  },
  'publish.zip': async (ctx, { committeeId, year, baseUrl, oparl }) => {
    const printer = await printerOf(ctx);
    const { site } = await loadSite(ctx.store.db, ctx.store.files, printer, { committeeId, year, pdf: printer !== null, baseUrl: baseUrl ?? oparl, oparl }, null);
    const files: Zippable = {};
    // Fixed dates in the zip: the same site gives the same .zip.
    for (const f of site.files) files[f.path] = [f.bytes, { mtime: new Date(Date.UTC(2000, 0, 1)) }];
    files['publication.json'] = [new TextEncoder().encode(`${JSON.stringify(site.manifest, null, 2)}\n`), { mtime: new Date(Date.UTC(2000, 0, 1)) }];
    // Every file the .zip holds (publication.json too), as the dialog counts them.
    return { fileName: `${site.manifest.committee} ${year} - hjemmeside.zip`, base64: base64(zipSync(files)), files: Object.keys(files), missing: site.missing };
  },
  'publish.preview': async (ctx, { meetingId }) => {
    const { site } = await loadSite(ctx.store.db, ctx.store.files, null, { meetingId, pdf: false }, null);
    const m = site.manifest.meetings.find((x) => x.id === meetingId);
    const page = m?.path ? site.files.find((f) => f.path === `${m.path}/index.html`) : undefined;
    const html = page ? new TextDecoder().decode(page.bytes) : '<!doctype html><html lang="da"><body><p>Mødet er ikke offentliggjort endnu: dagsordenen er ikke udsendt.</p></body></html>';
    return { html, path: page?.path ?? null };
  },
};
