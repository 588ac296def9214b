// The PdfPrinter over Chromium through playwright-core: tests, the CLI and the browser shell.
// One browser per process, launched on first use and kept (a launch costs more than a print).
import { chromium, type Browser, type Page } from 'playwright-core';
import { printInTurn, type PdfPrinter } from './pdf';

export type PlaywrightPrinter = PdfPrinter & { close: () => Promise<void> };

export function playwrightPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PlaywrightPrinter {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  const launch = (): Promise<Browser> =>
    (browser ??= chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] }));
  // The documents carry no script and fetch nothing: the page runs without either.
  const openPage = (): Promise<Page> => (page ??= launch().then(async (b) => (await b.newContext({ javaScriptEnabled: false, offline: true })).newPage()));
  return {
    tagged: true,
    // Prints run one after another, so one page is reused.
    print: printInTurn(async (html, { final }) => {
      try {
        const p = await openPage();
        await p.setContent(html, { waitUntil: 'load' });
        const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: final, outline: final });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (e) {
        // A crashed page is not reused: the next print opens a fresh one.
        page = null;
        throw e;
      }
    }),
    close: async () => {
      const b = browser;
      browser = null;
      page = null;
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
