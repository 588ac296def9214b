// The PdfPrinter over Chromium through playwright-core: tests, the CLI and the browser shell.
// One browser per process, launched on first use and kept (a launch costs more than a print).
import { chromium, type Browser, type Page } from 'playwright-core';
import { COLUMN_PAGES_SCRIPT, oneAtATime, unmeasureScript, type PdfPrinter } from './pdf';

export type PlaywrightPrinter = PdfPrinter & { measure: NonNullable<PdfPrinter['measure']>; printMeasured: NonNullable<PdfPrinter['printMeasured']>; close: () => Promise<void> };

export function playwrightPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PlaywrightPrinter {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  const launch = (): Promise<Browser> =>
    (browser ??= chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] }));
  // The documents carry no script and fetch nothing: the page runs without either.
  const openPage = (): Promise<Page> => (page ??= launch().then(async (b) => (await b.newContext({ javaScriptEnabled: false, offline: true })).newPage()));
  // Prints and measurements run one after another, so one page is reused.
  const inTurn = oneAtATime();
  const withPage = <T>(job: (p: Page) => Promise<T>): Promise<T> =>
    inTurn(async () => {
      try {
        return await job(await openPage());
      } catch (e) {
        // A crashed page is not reused: the next job opens a fresh one.
        page = null;
        throw e;
      }
    });
  // Whether the page holds a measured document not printed since (printMeasured prints it).
  let measured = false;
  const pdf = async (p: Page, final: boolean): Promise<Uint8Array> => {
    const bytes = await p.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: final, outline: final });
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  return {
    tagged: true,
    print: (html, { final }) =>
      withPage(async (p) => {
        measured = false;
        await p.setContent(html, { waitUntil: 'load' });
        return pdf(p, final);
      }),
    // The page's own scripts stay off (javaScriptEnabled: false); these run in Playwright's own world.
    measure: (html) =>
      withPage(async (p) => {
        measured = false;
        await p.setContent(html, { waitUntil: 'load' });
        const pages = await p.evaluate<[string, number][]>(COLUMN_PAGES_SCRIPT);
        measured = true;
        return pages;
      }),
    printMeasured: (pages, { final }) =>
      withPage(async (p) => {
        if (!measured) throw new Error('printMeasured: the page holds no measured document.');
        measured = false;
        await p.evaluate(unmeasureScript(pages));
        return pdf(p, final);
      }),
    close: async () => {
      const b = browser;
      browser = null;
      page = null;
      measured = false;
      if (b) await (await b).close();
    },
  };
}

let shared: PlaywrightPrinter | null = null;

/** The process's printer when the shell supplied none (CLI, browser shell, tests). */
export function sharedPlaywrightPrinter(executablePath?: string): PlaywrightPrinter {
  return (shared ??= playwrightPrinter(executablePath));
}

export async function closeSharedPrinter(): Promise<void> {
  const p = shared;
  shared = null;
  if (p) await p.close();
}
