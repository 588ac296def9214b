// The PdfPrinter over Chromium through playwright-core: tests, the CLI and the browser shell.
// One browser per process, launched on first use and kept (a launch costs more than a print).
import { chromium, type Browser } from 'playwright-core';
import type { PdfPrinter } from './pdf';

export type PlaywrightPrinter = PdfPrinter & { close: () => Promise<void> };

export function playwrightPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): PlaywrightPrinter {
  let browser: Promise<Browser> | null = null;
  const launch = (): Promise<Browser> =>
    (browser ??= chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] }));
  // Prints run one after another (the contract of PdfPrinter), so one page is reused.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    tagged: true,
    print: (html, { final }) => {
      const job = queue.then(async () => {
        const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: final, outline: final });
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        } finally {
          await context.close();
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
    close: async () => {
      const b = browser;
      browser = null;
      if (b) await (await b).close();
    },
  };
}

let shared: PlaywrightPrinter | null = null;

/** The process's printer when the shell supplied none (CLI, browser shell, tests). */
export function sharedPlaywrightPrinter(): PlaywrightPrinter {
  return (shared ??= playwrightPrinter());
}

export async function closeSharedPrinter(): Promise<void> {
  const p = shared;
  shared = null;
  if (p) await p.close();
}
