// Work a shell asks of the core besides the Api's operations: whole exchange files for the desktop
// menu (Filer > Importér…, Eksportér JSON…). It runs where the core runs, in the worker, so that a
// large file is read, unzipped, parsed, imported or serialised off the main thread.
import type { ImportReport } from '../../src-shared/api/exchange';
import type { CoreContext } from '../core/context';
import path from 'node:path';
import { authorize } from '../core/access/authorize';
import { AppError } from '../core/errors';
import { isBundle, writeExchangeFile } from './exchange-file';
import { readPicked, streamPicked } from './read-picked';
import { readBundleStream, writeBundleStream } from '../core/exchange/bundle';
import { writeExportFile } from '../core/exchange/export-stream';
import { importDocumentStream } from '../core/exchange/import';
import { documentEvents, JsonStreamError } from '../core/exchange/json-stream';
import { sessionAccount, signIn, signInOidc, signOut, type Session } from '../core/accounts/sessions';
import type { AccountSummary } from '../../src-shared/api/accounts';


export const TASKS = {
  /**
   * Imports the exchange document or bundle the user picked; its name decides which. The file is read
   * here, where the core runs: its bytes never pass through the shell's thread (a 44,000-item archive
   * is 96 MB, and copying it into a message held the main thread 0.3-0.5 s).
   * `adoptOrganization`: take the file's organisation settings instead of keeping ours (the user chose so).
   */
  'exchange.importFile': async (ctx: CoreContext, input: { filePath: string; adoptOrganization?: boolean }): Promise<ImportReport> => {
    const name = path.basename(input.filePath);
    const adoptOrganization = input.adoptOrganization === true;
    if (ctx.account) await authorize(ctx.store.db, ctx.account, 'exchange.import', {});
    if (isBundle(name)) {
      // Its referent.json is read a meeting at a time too (its files come whole, checked against the bundle's limits).
      const { events, files } = readBundleStream(await readPicked(input.filePath), name);
      return importDocumentStream(ctx.store, events, { files, adoptOrganization });
    }
    // JSON is read a meeting at a time, as `referent import` reads it: an archive of 250,000 items is
    // 550 MB, longer than a JavaScript string may be, and parsed whole it would need gigabytes.
    try {
      return await importDocumentStream(ctx.store, documentEvents(await streamPicked(input.filePath)), { adoptOrganization });
    } catch (e) {
      if (!(e instanceof JsonStreamError)) throw e;
      throw new AppError('Invalid', `${name} is not valid JSON (${e.message} at byte ${e.offset}).`, `${name} er ikke gyldig JSON (${e.message} ved byte ${e.offset}).`);
    }
  },
  /**
   * Writes the whole archive where the user chose, as an exchange document, or as a bundle with the
   * attachment files when the name ends in .zip. Written here, where the core runs: the file's bytes
   * never pass through the shell's thread (the import reads its file here for the same reason).
   */
  'exchange.exportFile': async (ctx: CoreContext, input: { filePath: string; as?: AccountSummary }): Promise<{ filePath: string; size: number }> => {
    const db = ctx.store.db;
    // `as`: the signed-in account a server writes the export for (web/server.ts), checked as the Api's exchange.export is.
    const account = input.as ?? ctx.account;
    if (account) await authorize(db, account, 'exchange.export', {});
    // A batch of meetings at a time, as `referent export-json --out` writes (memory bounded at any
    // size); a bundle with a missing or altered file is refused whole (it names each), never written without it.
    return writeExchangeFile(input.filePath, {
      json: (write) => writeExportFile(db, {}, write),
      bundle: async (write) => void (await writeBundleStream(db, {}, ctx.store.files, write)),
    });
  },
  // `referent serve`'s sign-in: the server's thread holds no store, so sessions are made and looked up here.
  'auth.signIn': (ctx: CoreContext, input: { login: string; password: string; previous?: string | undefined }): Promise<Session> =>
    ctx.store.write((db) => signIn(db, input.login, input.password, input.previous)),
  'auth.signInOidc': (ctx: CoreContext, input: { issuer: string; subject: string; previous?: string | undefined }): Promise<Session> =>
    ctx.store.write((db) => signInOidc(db, input.issuer, input.subject, input.previous)),
  'auth.session': (ctx: CoreContext, input: { token: string }): Promise<AccountSummary | null> => sessionAccount(ctx.store.db, input.token),
  'auth.signOut': (ctx: CoreContext, input: { token: string }): Promise<void> => ctx.store.write((db) => signOut(db, input.token)),
} satisfies Record<string, (ctx: CoreContext, input: never) => Promise<unknown>>;

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[1];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

export const isTaskName = (name: string): name is TaskName => Object.hasOwn(TASKS, name);

export function runTask(ctx: CoreContext, name: string, input: unknown): Promise<unknown> {
  if (!isTaskName(name)) return Promise.reject(new AppError('NotFound', `There is no host task called "${name}".`, `Der findes ingen opgave ved navn "${name}".`));
  return (TASKS[name] as (ctx: CoreContext, input: unknown) => Promise<unknown>)(ctx, input);
}
