// The process's own Chromium printer, for a shell that supplies none (CLI, browser shell, tests):
// started by whatever prints first and kept. It records that it started, so that the one who ends
// the process (the core's worker thread) closes it: an open Chromium keeps the thread alive.
import type { PdfPrinter } from './pdf';

let started = false;

/** The shared printer over the browser at `executablePath`; playwright-core is loaded only here. */
export async function sharedPrinter(executablePath: string): Promise<PdfPrinter> {
  started = true;
  const { sharedPlaywrightPrinter } = await import('./pdf-playwright');
  return sharedPlaywrightPrinter(executablePath);
}

/** Closes the shared printer if anything in this process started it (without loading playwright-core otherwise). */
export async function closeSharedPrinterIfStarted(): Promise<void> {
  if (!started) return;
  started = false;
  await (await import('./pdf-playwright')).closeSharedPrinter();
}
