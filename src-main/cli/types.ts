// The shape of one `referent` subcommand; each lives in commands/<name>.ts.
import type { CoreContext } from '../core/context';

export type CliIO = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The database file named by --db / $REFERENT_DB / the app's own file (default: resolveDbFile). */
  dbFile?: (dbFlag: string | undefined) => string;
  /** Opens that file's store (the command loads the store only then); `readOnly` for commands that only read (the file must exist). */
  open: (dbFlag: string | undefined, mode?: OpenMode) => CoreContext | Promise<CoreContext>;
  /** The key that signs the change log (default: none): `backup restore` signs the restore's entry with it. */
  keyFile?: string | undefined;
  cwd: string;
  /** What was piped into the command (`referent user … --password-stdin`); default: process.stdin. */
  stdin?: () => Promise<string>;
};

export type OpenMode = { readOnly?: boolean };

/** Runs `fn` on the store named by --db (see CliIO.open), and closes the store however it ends. */
export async function withContext<T>(io: CliIO, dbFlag: string | undefined, fn: (ctx: CoreContext) => Promise<T>, mode: OpenMode = {}): Promise<T> {
  const ctx = await io.open(dbFlag, mode);
  try {
    return await fn(ctx);
  } catch (e) {
    // The database's own failures from raw handles too (integrity check, backups): one sentence naming it.
    throw ctx.store.features.mapError(e) ?? e;
  } finally {
    await ctx.store.close();
  }
}

/** A command's implementation; its name and one-line summary for the help are in run.ts. */
export type CliCommand = {
  name: string;
  usage: string;
  run: (args: string[], io: CliIO) => Promise<number>;
};

/** Exit codes (DESIGN.md): 0 success, 2 bad input, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;
