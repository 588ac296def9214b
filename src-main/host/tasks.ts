// Work a shell asks of the core besides the Api's operations: whole exchange files for the desktop
// menu (Filer > Importér…, Eksportér JSON…). It runs where the core runs, in the worker, so that a
// large file is read, unzipped, parsed, imported or serialised off the main thread.
import path from 'node:path';
import type { ImportReport } from '../../src-shared/api/exchange';
import type { CoreContext } from '../core/context';
import { call } from '../core/dispatch';
import { AppError } from '../core/errors';
import { isBundle, readPicked } from './read-picked';
import { writeFileAtomic } from '../core/util/write-file';
import { readBundle, writeBundle } from '../core/exchange/bundle';
import { importDocument } from '../core/exchange/import';
import { sessionAccount, signIn, signInOidc, signOut, type Session } from '../core/accounts/sessions';
import type { AccountSummary } from '../../src-shared/api/accounts';


/** The exchange document (and attachment files) in what the user picked: a bundle, or JSON that must parse. */
function readExchangeFile(fileName: string, bytes: Uint8Array): { document: unknown; files: Map<string, Uint8Array> } {
  if (isBundle(fileName)) return readBundle(bytes, fileName);
  try {
    return { document: JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')), files: new Map() };
  } catch (e) {
    const detail = (e as Error).message;
    throw new AppError('Invalid', `${fileName} is not valid JSON (${detail}).`, `${fileName} er ikke gyldig JSON (${detail}).`);
  }
}

export const TASKS = {
  /**
   * Imports the exchange document or bundle the user picked; its name decides which. The file is read
   * here, where the core runs: its bytes never pass through the shell's thread (a 44,000-item archive
   * is 96 MB, and copying it into a message held the main thread 0.3-0.5 s).
   * `adoptOrganization`: take the file's organisation settings instead of keeping ours (the user chose so).
   */
  'exchange.importFile': async (ctx: CoreContext, input: { filePath: string; adoptOrganization?: boolean }): Promise<ImportReport> => {
    const name = path.basename(input.filePath);
    const { document, files } = readExchangeFile(name, await readPicked(input.filePath));
    return importDocument(ctx.store, document, { files, adoptOrganization: input.adoptOrganization === true });
  },
  /**
   * Writes the whole archive where the user chose, as an exchange document, or as a bundle with the
   * attachment files when the name ends in .zip. Written here, where the core runs: the file's bytes
   * never pass through the shell's thread (the import reads its file here for the same reason).
   */
  'exchange.exportFile': async (ctx: CoreContext, input: { filePath: string }): Promise<{ filePath: string; size: number }> => {
    const doc = await call(ctx, 'exchange.export', {});
    // A bundle with a missing or altered file is refused whole (it names each), never written without it.
    const bytes = isBundle(input.filePath) ? await writeBundle(ctx.store.db, doc, ctx.store.files) : Buffer.from(`${JSON.stringify(doc, null, 2)}\n`);
    writeFileAtomic(input.filePath, bytes);
    return { filePath: input.filePath, size: bytes.byteLength };
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
