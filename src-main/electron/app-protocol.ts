// The app:// protocol that serves the built renderer instead of file:// (Electron security
// checklist #18): only files under the renderer folder, each with the CSP and the other page
// headers, and every way out of that folder (.., encoded separators, links) refused.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { pageHeaders, staticContentType } from '../../src-shared/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'referent';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready. Standard (relative URLs and
 * an origin of its own, so 'self' in the CSP means the app) and secure; CORS and fetch for Vite's
 * module scripts. Never bypassCSP, and no service workers.
 */
export function appSchemePrivileges(): CustomScheme[] {
  return [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }];
}

/**
 * The file an app:// URL names under `rendererDir`, or null for anything else: another host or
 * scheme, a path that leaves the folder once decoded (`..`, `%2e%2e`, `%2f`, `%5c`), a NUL byte,
 * or an encoding that does not decode. Query and hash do not matter; `/` is the page.
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname);
  } catch {
    return null;
  }
  // Once decoded, the path must still be plain segments: no separator smuggled in encoded form.
  const segments = rel.split('/').slice(1);
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/** Reads the file only if, links resolved, it is still a file under the renderer folder. */
async function readInside(file: string, rendererDir: string): Promise<Buffer | null> {
  try {
    const [real, root] = await Promise.all([fs.realpath(file), fs.realpath(rendererDir)]);
    if (!real.startsWith(root + path.sep)) return null;
    const stat = await fs.stat(real);
    return stat.isFile() ? await fs.readFile(real) : null;
  } catch {
    return null;
  }
}

/** protocol.handle's answer to one request of the renderer. */
export async function appProtocolResponse(url: string, options: { rendererDir: string; dev: boolean }): Promise<Response> {
  const file = resolveAppFile(url, options.rendererDir);
  const body = file ? await readInside(file, options.rendererDir) : null;
  if (!file || !body) return notFound();
  return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': staticContentType(file), 'Cache-Control': 'no-store', ...pageHeaders(options) } });
}
