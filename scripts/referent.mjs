// `npm run referent -- <command>`: runs the bundled command, building it first if it is missing
// or older than its sources (a fresh bundle costs only a look at the files' times).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, ensureCliBundle } from './lib/cli-bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
await ensureCliBundle(root);
// The bundle reads process.argv.slice(2), which is already the command and its arguments.
await import(pathToFileURL(path.join(root, CLI_BUNDLE)).href);
