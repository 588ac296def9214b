// The bundled `referent` command, out/cli/referent.mjs (the package's bin), and beside it the
// core's worker thread for the browser shell (out/cli/worker.mjs, sharing its chunks): how they
// are built with esbuild, and whether they are stale. Used by `npm run build:cli`, `npm run
// referent`, `npm start`'s browser shell, the tests and the bench (typed in cli-bundle.d.mts).
import fs from 'node:fs';
import path from 'node:path';

export const CLI_ENTRY = 'src-main/cli/main.ts';
export const CLI_OUT_DIR = 'out/cli';
export const CLI_BUNDLE = 'out/cli/referent.mjs';
/** The core's worker (src-main/host/worker-entry.ts), bundled: it starts several times faster than from the sources through tsx. */
export const WORKER_ENTRY = 'src-main/host/worker-entry.ts';
export const WORKER_BUNDLE = 'out/cli/worker.mjs';
/** The sources the last build read, to tell when it is stale. */
const INPUTS_FILE = 'out/cli/inputs.json';

/**
 * Packages left out of the bundle and loaded from node_modules only by the command that uses them:
 * the native SQLite module (it cannot be bundled), Chromium's driver (it finds its own files), and
 * the large libraries a quick command never needs.
 */
export const CLI_EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'playwright-core', '@cantoo/pdf-lib', 'exceljs', 'date-holidays', 'docx'];

/** Besides the sources themselves, a change to these makes the bundle stale. */
const ALWAYS_INPUTS = ['package.json', 'package-lock.json', 'scripts/lib/cli-bundle.mjs'];

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

/** True when the bundle is missing, or any file it was built from (or the build itself) changed since. */
export function cliBundleStale(root) {
  const built = mtime(path.join(root, CLI_BUNDLE));
  if (built === null) return true;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(root, INPUTS_FILE), 'utf8'));
  } catch {
    return true;
  }
  return [...inputs, ...ALWAYS_INPUTS].some((rel) => {
    const m = mtime(path.join(root, rel));
    return m === null || m > built;
  });
}

/** Builds out/cli: the entries plus chunks that each command loads when it runs. */
export async function buildCli(root) {
  const { build } = await import('esbuild');
  const outdir = path.join(root, CLI_OUT_DIR);
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { referent: CLI_ENTRY, worker: WORKER_ENTRY },
    outdir,
    bundle: true,
    // Each command's code (and the core behind it) in its own chunk, loaded by its dynamic import.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    external: CLI_EXTERNAL,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS calls require(); an ES module has none unless it is made.
    banner: { js: "import { createRequire as __referentRequire } from 'node:module';\nconst require = __referentRequire(import.meta.url);" },
  });
  const bundle = path.join(root, CLI_BUNDLE);
  fs.writeFileSync(bundle, `#!/usr/bin/env node\n${fs.readFileSync(bundle, 'utf8')}`);
  fs.chmodSync(bundle, 0o755);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  fs.writeFileSync(path.join(root, INPUTS_FILE), `${JSON.stringify(inputs, null, 1)}\n`);
  return { bundle, inputs: inputs.length };
}

/** Builds the bundle only when it is stale; true when it built. */
export async function ensureCliBundle(root) {
  if (!cliBundleStale(root)) return false;
  await buildCli(root);
  return true;
}
