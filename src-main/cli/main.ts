// Entry point of `npm run referent -- …`.
import { openStore } from '../core/store/open';
import { resolveDbFile } from '../core/paths';
import { VERSION } from '../core/version';
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  open: (db) => ({ store: openStore(resolveDbFile(db)), shell: 'cli', version: VERSION }),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exitCode = code;
