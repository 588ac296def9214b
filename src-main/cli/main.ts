// Entry point of the `referent` command (bundled as out/cli/referent.mjs, the package's bin). The
// store, and with it better-sqlite3 and kysely, is loaded only by a command that opens it.
import { resolveDbFile, resolveKeyFile } from '../core/paths';
import { VERSION } from '../core/version';
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  dbFile: (db) => resolveDbFile(db),
  open: async (db, mode) => {
    const { openStore } = await import('../core/store/open');
    return { store: await openStore(resolveDbFile(db), { readOnly: mode?.readOnly === true, appVersion: VERSION, keyFile: resolveKeyFile() }), shell: 'cli', version: VERSION };
  },
  keyFile: resolveKeyFile(),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exitCode = code;
