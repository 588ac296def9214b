// What every handler gets: the store and which shell it runs in.
import type { Store } from './store/open';
import type { PdfPrinter } from './documents/pdf';

/** Hands a file to the operating system, which opens it in the program registered for its type. */
export type FileOpener = { openFile(path: string): Promise<void> };

export type Shell = 'electron' | 'web' | 'cli';

export type CoreContext = {
  store: Store;
  shell: Shell;
  version: string;
  /** Prints the documents' PDFs; the desktop shell gives Electron's, others use Chromium via playwright-core. */
  printer?: PdfPrinter | undefined;
  /** Opens files in their own program; only the desktop shell has one, the others download instead. */
  opener?: FileOpener | undefined;
  /** Who is making the changes, named in each change-log entry (`referent serve` sets the account); none on the desktop. */
  author?: string | null | undefined;
};
