// Runs the `referent` command in-process with its output captured, on a real store.
import path from 'node:path';
import { runCli } from '../../src-main/cli/run';
import { reopenTestStore } from './store';

export type CliRun = { code: number; out: string; err: string };

/** Without --db the store is `default.sqlite` in `cwd`, never the user's own file; `keyFile` signs the change log as the real command's key does. */
export async function cli(args: string[], cwd = process.cwd(), options: { keyFile?: string } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    dbFile: (db) => db ?? path.join(cwd, 'default.sqlite'),
    open: async (db, mode) => ({ store: await reopenTestStore(db ?? path.join(cwd, 'default.sqlite'), { readOnly: mode?.readOnly === true, appVersion: 'test', keyFile: options.keyFile }), shell: 'cli', version: 'test' }),
    keyFile: options.keyFile,
    cwd,
  });
  return { code, out, err };
}
