// The desktop PDF printer, with Electron stood in for (it cannot run here): the options follow
// the PdfPrinter contract, the page comes from memory through the print session's own scheme
// (no temp file), that session refuses every permission, and prints queue.
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, test, vi } from 'vitest';

const log: string[] = [];
const loaded: string[] = [];
type Ses = {
  request?: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  check?: (wc: unknown, permission: string) => boolean;
  device?: (details: unknown) => boolean;
  scheme?: string;
  serve?: (request: Request) => Response | Promise<Response>;
  filter?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
};
const printSession: Ses = {};

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      log.push(`window show=${String(options.show)} js=${String(options.webPreferences.javascript)}`);
    }
    /** As Chromium would: the request passes the session's filter, then its protocol handler answers. */
    async loadURL(url: string): Promise<void> {
      let cancelled = false;
      printSession.filter!({ url }, (r) => (cancelled = r.cancel));
      if (cancelled) throw new Error(`blocked ${url}`);
      const res = await printSession.serve!(new Request(url));
      loaded.push(await res.text());
      log.push(`load ${url} ${res.headers.get('content-security-policy') ?? ''}`);
    }
    webContents = {
      printToPDF: async (o: { generateTaggedPDF: boolean }) => {
        await new Promise((r) => setTimeout(r, 5));
        log.push(`print tagged=${String(o.generateTaggedPDF)}`);
        return Buffer.from(`%PDF-1.7 ${o.generateTaggedPDF ? 'tagged' : 'plain'}`);
      },
    };
    destroy(): void {
      log.push('destroy');
    }
  }
  const ses = {
    setPermissionRequestHandler: (h: Ses['request']) => void (printSession.request = h),
    setPermissionCheckHandler: (h: Ses['check']) => void (printSession.check = h),
    setDevicePermissionHandler: (h: Ses['device']) => void (printSession.device = h),
    protocol: { handle: (scheme: string, h: Ses['serve']) => void Object.assign(printSession, { scheme, serve: h }) },
    webRequest: { onBeforeRequest: (f: Ses['filter']) => void (printSession.filter = f) },
  };
  return { BrowserWindow, session: { fromPartition: () => ses } };
});

const { createElectronPrinter, isAllowedPrintRequest, printResponse, printToPdfOptions, printWindowPreferences, PRINT_CSP } = await import('./print-to-pdf');

describe('printToPdfOptions', () => {
  test('the final print is tagged with a bookmark outline; measuring prints are not', () => {
    expect(printToPdfOptions(true)).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    expect(printToPdfOptions(false)).toMatchObject({ generateTaggedPDF: false, generateDocumentOutline: false });
  });
});

test('the print window is sandboxed, has no JavaScript and a session of its own', () => {
  expect(printWindowPreferences()).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, partition: 'referent-print' });
  expect(printWindowPreferences().partition).not.toMatch(/^persist:/);
});

test('the printed page may load itself and data: URLs, nothing from the network or disk', () => {
  const doc = 'referent-print://document/1.html';
  expect(isAllowedPrintRequest(doc, doc)).toBe(true);
  expect(isAllowedPrintRequest('data:image/png;base64,AAAA', doc)).toBe(true);
  expect(isAllowedPrintRequest('https://tracker.example/pixel.png', doc)).toBe(false);
  expect(isAllowedPrintRequest('file:///home/anna/.ssh/id_rsa', doc)).toBe(false);
  expect(isAllowedPrintRequest('referent-print://document/2.html', doc)).toBe(false);
  expect(isAllowedPrintRequest('', '')).toBe(false);
});

test('the print scheme answers only the page being printed, with a CSP that lets it fetch nothing', async () => {
  const current = { url: 'referent-print://document/3.html', html: '<h1>Referat</h1>' };
  const ok = printResponse(current.url, current);
  expect(await ok.text()).toBe('<h1>Referat</h1>');
  expect(ok.headers.get('content-security-policy')).toBe(PRINT_CSP);
  expect(PRINT_CSP).toContain("default-src 'none'");
  expect(printResponse('referent-print://document/2.html', current).status).toBe(404);
  expect(printResponse(current.url, null).status).toBe(404);
});

test('prints one after another from memory, writes no file, and the print session refuses every permission', async () => {
  log.length = 0;
  loaded.length = 0;
  const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
  const printer = createElectronPrinter();
  expect(printer.tagged).toBe(true);
  const [a, b] = await Promise.all([printer.print('<h1>Dagsorden</h1>', { final: false }), printer.print('<h1>Referat</h1>', { final: true })]);
  expect(Buffer.from(a).toString()).toBe('%PDF-1.7 plain');
  expect(Buffer.from(b).toString()).toBe('%PDF-1.7 tagged');
  expect(loaded).toEqual(['<h1>Dagsorden</h1>', '<h1>Referat</h1>']);
  expect(log).toEqual([
    'window show=false js=false',
    `load referent-print://document/1.html ${PRINT_CSP}`,
    'print tagged=false',
    'destroy',
    'window show=false js=false',
    `load referent-print://document/2.html ${PRINT_CSP}`,
    'print tagged=true',
    'destroy',
  ]);
  expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('referent-print-') && !tmpBefore.has(f))).toEqual([]);
  // Once printed, the page is no longer served.
  expect((await printSession.serve!(new Request('referent-print://document/2.html'))).status).toBe(404);
  let allowed: boolean | undefined;
  printSession.request!(null, 'media', (ok) => (allowed = ok));
  expect(allowed).toBe(false);
  for (const p of ['clipboard-read', 'notifications', 'hid', 'serial', 'fullscreen']) expect(printSession.check!(null, p), p).toBe(false);
  expect(printSession.device!({ deviceType: 'usb' })).toBe(false);
});
