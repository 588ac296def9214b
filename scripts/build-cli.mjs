// `npm run build:cli`: bundles the `referent` command into out/cli/referent.mjs (the package's
// bin). `--if-stale` builds only when a source changed since the last build.
import path from 'node:path';
import { buildCli, ensureCliBundle } from './lib/cli-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (process.argv.includes('--if-stale')) await ensureCliBundle(root);
else await buildCli(root);
