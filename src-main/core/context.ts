// What every handler gets: the store and which shell it runs in.
import type { Store } from './store/open';
import type { PdfPrinter } from './documents/pdf';

export type Shell = 'electron' | 'web' | 'cli';

export type CoreContext = {
  store: Store;
  shell: Shell;
  version: string;
  /** Prints the documents' PDFs; the desktop shell gives Electron's, others use Chromium via playwright-core. */
  printer?: PdfPrinter | undefined;
};
