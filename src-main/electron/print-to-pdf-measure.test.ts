// The desktop printer measures where chapters land on screen and prints the measured page as it
// stands, like the Playwright printer: one print per PDF instead of a measuring print and a final
// one. Electron cannot run here, so its BrowserWindow is stood in for by a page of the real
// Chromium, and the window's DevTools session (webContents.debugger) by a CDP session of that page:
// the printer's own protocol commands (Runtime.evaluate, and Page.printToPDF for printToPDF) run in
// a browser with the page's scripts off, as the print window has them.
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fixtureStores, pdfPages, writeTemp } from '../../tests/integration/documents-helpers';
import { loadReferat } from '../core/documents/documents.service';
import { renderHtml } from '../core/documents/html-writer';
import { PRINT_SCALE } from '../core/documents/layout';
import { renderPdf, type PdfPrinter } from '../core/documents/pdf';

const log: string[] = [];
let browser: Browser;
let windows = 0;

vi.mock('electron', () => {
  let serve: ((request: Request) => Response | Promise<Response>) | undefined;
  class BrowserWindow {
    readonly id = ++windows;
    private page: Page | null = null;
    private cdp: CDPSession | null = null;
    private attached = false;
    constructor(readonly options: { webPreferences: { javascript?: boolean } }) {}
    async loadURL(url: string): Promise<void> {
      const html = await (await serve!(new Request(url))).text();
      const context = await browser.newContext({ javaScriptEnabled: this.options.webPreferences.javascript !== false, offline: true });
      this.page = await context.newPage();
      await this.page.setContent(html, { waitUntil: 'load' });
      log.push(`load ${this.id}`);
    }
    private async session(): Promise<CDPSession> {
      return (this.cdp ??= await this.page!.context().newCDPSession(this.page!));
    }
    webContents = {
      debugger: {
        isAttached: () => this.attached,
        attach: () => void (this.attached = true),
        sendCommand: async (method: string, params: Record<string, unknown>) => {
          if (!this.attached) throw new Error('not attached');
          log.push(`${method} ${this.id}`);
          return (await this.session()).send(method as 'Runtime.evaluate', params as never);
        },
      },
      // Electron's options are the protocol's, the paper size aside.
      printToPDF: async (o: { generateTaggedPDF: boolean; generateDocumentOutline: boolean; preferCSSPageSize: boolean; printBackground: boolean }) => {
        log.push(`print ${this.id} tagged=${String(o.generateTaggedPDF)}`);
        const { data } = await (await this.session()).send('Page.printToPDF', {
          paperWidth: 8.27,
          paperHeight: 11.69,
          preferCSSPageSize: o.preferCSSPageSize,
          printBackground: o.printBackground,
          displayHeaderFooter: false,
          generateTaggedPDF: o.generateTaggedPDF,
          generateDocumentOutline: o.generateDocumentOutline,
        });
        return Buffer.from(data, 'base64');
      },
    };
    destroy(): void {
      log.push(`destroy ${this.id}`);
      void this.page?.context().close();
    }
  }
  const ses = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    protocol: { handle: (_scheme: string, h: typeof serve) => void (serve = h) },
    webRequest: { onBeforeRequest: (f: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) => void f },
  };
  return { BrowserWindow, session: { fromPartition: () => ses } };
});

const { createElectronPrinter } = await import('./print-to-pdf');
const { stores, ids } = fixtureStores();

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(() => browser.close());

describe('the desktop printer', { timeout: 120_000 }, () => {
  test('measures on screen and prints the measured page: one print, the numbers a measuring print gives, the same pages', async () => {
    const { doc } = await loadReferat(stores.rich.db, { meetingId: ids.rich, kind: 'minutes', public: false });
    const printer = createElectronPrinter();
    expect(printer.measure).toBeDefined();
    // The same printer measuring with a print, as it did before it could measure.
    const byPrint: PdfPrinter = { tagged: true, print: (html, o) => printer.print(html, o) };
    const reference = await renderPdf(doc, byPrint, undefined, { finish: false });
    expect(reference.prints).toBe(2);

    log.length = 0;
    const measured = await renderPdf(doc, printer);
    expect(measured.prints).toBe(1);
    expect(Object.fromEntries(measured.pages)).toEqual(Object.fromEntries(reference.pages));
    // One window: loaded once, measured, its numbers written in, printed tagged, then closed.
    const w = windows;
    expect(log).toEqual([`load ${w}`, `Runtime.evaluate ${w}`, `Runtime.evaluate ${w}`, `print ${w} tagged=true`, `destroy ${w}`]);
    expect(new TextDecoder('latin1').decode(measured.bytes)).toContain('/StructTreeRoot');

    // Page for page what a print of the HTML writer's page with those numbers shows, TOC numbers included.
    const anew = await printer.print(renderHtml(doc, { pages: measured.pages, printScale: PRINT_SCALE }), { final: true });
    const pages = pdfPages(writeTemp('electron-measured.pdf', measured.bytes));
    expect(pages).toEqual(pdfPages(writeTemp('electron-anew.pdf', anew)));
    const first = doc.chapters[0]!;
    expect(pages[measured.pages.get(first.anchor)! - 1]).toContain(first.heading);
  });

  test('any other call closes the measured window: printMeasured then says there is nothing to print', async () => {
    const { doc } = await loadReferat(stores.rich.db, { meetingId: ids.rich, kind: 'agenda', public: false });
    const printer = createElectronPrinter();
    const pages = await printer.measure!(renderHtml(doc, { measureOnly: true, columns: true, printScale: PRINT_SCALE }));
    expect(pages.map(([anchor]) => anchor)).toEqual(expect.arrayContaining(doc.chapters.map((c) => c.anchor)));
    log.length = 0;
    await printer.print(renderHtml(doc, { pages: new Map(pages), printScale: PRINT_SCALE }), { final: false });
    expect(log[0]).toMatch(/^destroy /);
    await expect(printer.printMeasured!(pages, { final: true })).rejects.toThrow(/no measured page/);
  });
});
