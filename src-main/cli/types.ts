// The shape of one `referent` subcommand; each lives in commands/<name>.ts.
import type { CoreContext } from '../core/context';

export type CliIO = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Opens the store named by --db / $REFERENT_DB / the app's own file (the command loads the store only then). */
  open: (dbFlag: string | undefined) => CoreContext | Promise<CoreContext>;
  cwd: string;
};

/** Runs `fn` on the store named by --db (see CliIO.open), and closes the store however it ends. */
export async function withContext<T>(io: CliIO, dbFlag: string | undefined, fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  const ctx = await io.open(dbFlag);
  try {
    return await fn(ctx);
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
