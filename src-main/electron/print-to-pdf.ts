// The desktop shell's PDF printer (the PdfPrinter contract of src-main/core/documents/pdf.ts):
// webContents.printToPDF of a hidden, sandboxed window without JavaScript or network.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type PrintToPDFOptions, type WebPreferences } from 'electron';
import { printInTurn, type PdfPrinter } from '../core/documents/pdf';

/** An in-memory session of its own, so the print window shares nothing with the app's page. */
const PRINT_PARTITION = 'referent-print';

/** The final print is the shipped file: tagged (accessible) and with bookmarks per heading. */
export function printToPdfOptions(final: boolean): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    // The page's @page rule sets size and margins; its margin boxes print "Side X af Y".
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    generateTaggedPDF: final,
    generateDocumentOutline: final,
  };
}

export function printWindowPreferences(): WebPreferences {
  return {
    partition: PRINT_PARTITION,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The printed page holds everything (styles, logo as data: URL); it may fetch nothing else. */
export function isAllowedPrintRequest(url: string, documentUrl: string): boolean {
  return url === documentUrl || url.startsWith('data:');
}

let currentDocumentUrl = '';
let sessionGuarded = false;

function guardPrintSession(): void {
  if (sessionGuarded) return;
  sessionGuarded = true;
  const ses = session.fromPartition(PRINT_PARTITION);
  ses.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url, currentDocumentUrl) }));
}

/** Prints one self-contained HTML page. Not re-entrant: createElectronPrinter queues the calls. */
async function printHtmlToPdf(html: string, options: PrintToPDFOptions): Promise<Uint8Array> {
  guardPrintSession();
  // A file rather than a data: URL, which Chromium caps at 2 MB (a long referat can pass that).
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'referent-print-'));
  const file = path.join(dir, 'document.html');
  const win = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: printWindowPreferences() });
  try {
    await fs.writeFile(file, html, 'utf8');
    currentDocumentUrl = pathToFileURL(file).href;
    await win.loadFile(file);
    return new Uint8Array(await win.webContents.printToPDF(options));
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The desktop app's PdfPrinter (ctx.printer); prints run one after another, never at once. */
export function createElectronPrinter(): PdfPrinter {
  return { tagged: true, print: printInTurn((html, { final }) => printHtmlToPdf(html, printToPdfOptions(final))) };
}
