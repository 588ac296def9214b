// What every handler gets: the store and which shell it runs in.
import type { Store } from './store/open';
import type { PdfPrinter } from './documents/pdf';
import type { AccountSummary } from '../../src-shared/api/accounts';

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
  /** The signed-in account under `referent serve`: every operation is checked against its roles (access/authorize.ts). None on the desktop and in the CLI. */
  account?: AccountSummary | undefined;
};

/** How a change-log entry names an account: the name people know, and the login that tells two of that name apart. */
export const authorName = (account: Pick<AccountSummary, 'displayName' | 'login'>): string => `${account.displayName} (${account.login})`;

/** The context of one call made by a signed-in account: checked against its roles, its changes signed with its name. */
export const asAccount = (ctx: CoreContext, account: AccountSummary | undefined): CoreContext => (account ? { ...ctx, account, author: authorName(account) } : ctx);
