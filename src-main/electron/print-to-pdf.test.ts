// The desktop PDF printer, with Electron stood in for (it cannot run here): the options follow
// the PdfPrinter contract, the page is loaded from a temp file that is removed, prints queue.
import fs from 'node:fs';
import { describe, expect, test, vi } from 'vitest';

const log: string[] = [];
const loaded: string[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      log.push(`window show=${String(options.show)} js=${String(options.webPreferences.javascript)}`);
    }
    async loadFile(file: string): Promise<void> {
      loaded.push(fs.readFileSync(file, 'utf8'));
      log.push(`load ${file}`);
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
  const session = { fromPartition: () => ({ setPermissionRequestHandler: () => undefined, webRequest: { onBeforeRequest: () => undefined } }) };
  return { BrowserWindow, session };
});

const { createElectronPrinter, isAllowedPrintRequest, printToPdfOptions, printWindowPreferences } = await import('./print-to-pdf');

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
  const doc = 'file:///tmp/referent-print-x/document.html';
  expect(isAllowedPrintRequest(doc, doc)).toBe(true);
  expect(isAllowedPrintRequest('data:image/png;base64,AAAA', doc)).toBe(true);
  expect(isAllowedPrintRequest('https://tracker.example/pixel.png', doc)).toBe(false);
  expect(isAllowedPrintRequest('file:///home/anna/.ssh/id_rsa', doc)).toBe(false);
});

test('prints one after another, each from a temp file that is gone afterwards', async () => {
  log.length = 0;
  loaded.length = 0;
  const printer = createElectronPrinter();
  expect(printer.tagged).toBe(true);
  const [a, b] = await Promise.all([printer.print('<h1>Dagsorden</h1>', { final: false }), printer.print('<h1>Referat</h1>', { final: true })]);
  expect(Buffer.from(a).toString()).toBe('%PDF-1.7 plain');
  expect(Buffer.from(b).toString()).toBe('%PDF-1.7 tagged');
  expect(loaded).toEqual(['<h1>Dagsorden</h1>', '<h1>Referat</h1>']);
  expect(log.map((l) => l.replace(/^load .*/, 'load'))).toEqual(['window show=false js=false', 'load', 'print tagged=false', 'destroy', 'window show=false js=false', 'load', 'print tagged=true', 'destroy']);
  const files = log.filter((l) => l.startsWith('load ')).map((l) => l.slice(5));
  for (const f of files) expect(fs.existsSync(f)).toBe(false);
});
