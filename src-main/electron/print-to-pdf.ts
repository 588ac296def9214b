// The desktop shell's PDF printer (the PdfPrinter contract of src-main/core/documents/pdf.ts):
// webContents.printToPDF of a hidden, sandboxed window without JavaScript or network, in a session
// of its own that refuses every permission and serves the page from memory, never from a file.
import { BrowserWindow, session, type CustomScheme, type PrintToPDFOptions, type Session, type WebPreferences } from 'electron';
import { COLUMN_PAGES_SCRIPT, oneAtATime, unmeasureScript, type PdfPrinter } from '../core/documents/pdf';
import { denyAllPermissions } from './harden';

/** An in-memory session of its own, so the print window shares nothing with the app's page. */
const PRINT_PARTITION = 'referent-print';

/**
 * The page is served from memory under this scheme, registered on the print session only: no
 * temporary file holds a closed item's text, and no file:// page exists (checklist #18). A data:
 * URL would do neither, but Chromium caps it at 2 MB and a long referat passes that.
 */
export const PRINT_SCHEME = 'referent-print';

/** For protocol.registerSchemesAsPrivileged before ready, beside app://: standard and secure, nothing more. */
export function printSchemePrivileges(): CustomScheme[] {
  return [{ scheme: PRINT_SCHEME, privileges: { standard: true, secure: true } }];
}

/** The printed page holds everything (styles, logo as data: URL) and may fetch nothing else. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

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

/** The printed page may load itself and data: URLs, nothing from the network or disk. */
export function isAllowedPrintRequest(url: string, documentUrl: string): boolean {
  return (documentUrl !== '' && url === documentUrl) || url.startsWith('data:');
}

/** The page being printed, served to its own URL only; anything else on the scheme is a 404. */
export function printResponse(url: string, current: { url: string; html: string } | null): Response {
  if (!current || url !== current.url) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(current.html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP, 'X-Content-Type-Options': 'nosniff' } });
}

let current: { url: string; html: string } | null = null;
let printSession: Session | null = null;
let printed = 0;

function guardedPrintSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION);
  denyAllPermissions(ses);
  ses.protocol.handle(PRINT_SCHEME, (request) => printResponse(request.url, current));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url, current?.url ?? '') }));
  printSession = ses;
  return ses;
}

/** A hidden print window with the page loaded. Not re-entrant: createElectronPrinter queues the calls. */
async function loadPrintWindow(html: string): Promise<BrowserWindow> {
  guardedPrintSession();
  // A new URL per page, so a late request of an earlier page can never be answered with this one.
  current = { url: `${PRINT_SCHEME}://document/${++printed}.html`, html };
  const win = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: printWindowPreferences() });
  try {
    await win.loadURL(current.url);
    return win;
  } catch (e) {
    win.destroy();
    throw e;
  } finally {
    current = null;
  }
}

/**
 * Evaluates one of the core's measuring scripts in the page. The page's own JavaScript is off
 * (`javascript: false`), so this goes through the DevTools protocol, as Playwright's evaluate does
 * under the same setting; the result comes back by value.
 */
export async function evaluateInPrintWindow<T>(win: BrowserWindow, expression: string): Promise<T> {
  const dbg = win.webContents.debugger;
  if (!dbg.isAttached()) dbg.attach('1.3');
  const r = (await dbg.sendCommand('Runtime.evaluate', { expression, returnByValue: true })) as { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (r.exceptionDetails) throw new Error(`The print window could not measure the page: ${r.exceptionDetails.text ?? 'the script failed'}.`);
  return r.result?.value as T;
}

/**
 * The desktop app's PdfPrinter (ctx.printer): prints, measurements and prints of the measured page
 * run one after another, never at once. `measure` keeps its window (the page laid out) for
 * `printMeasured`, which prints it without loading it again; any other call closes it first.
 */
export function createElectronPrinter(): PdfPrinter {
  const inTurn = oneAtATime();
  let held: BrowserWindow | null = null;
  const release = (): void => {
    held?.destroy();
    held = null;
  };
  return {
    tagged: true,
    print: (html, { final }) =>
      inTurn(async () => {
        release();
        const win = await loadPrintWindow(html);
        try {
          return new Uint8Array(await win.webContents.printToPDF(printToPdfOptions(final)));
        } finally {
          win.destroy();
        }
      }),
    measure: (html) =>
      inTurn(async () => {
        release();
        const win = await loadPrintWindow(html);
        try {
          const pages = await evaluateInPrintWindow<[string, number][]>(win, COLUMN_PAGES_SCRIPT);
          held = win;
          return pages;
        } catch (e) {
          win.destroy();
          throw e;
        }
      }),
    printMeasured: (pages, { final }) =>
      inTurn(async () => {
        const win = held;
        held = null;
        if (!win) throw new Error('printMeasured: the print window holds no measured page.');
        try {
          await evaluateInPrintWindow(win, unmeasureScript(pages));
          return new Uint8Array(await win.webContents.printToPDF(printToPdfOptions(final)));
        } finally {
          win.destroy();
        }
      }),
  };
}
