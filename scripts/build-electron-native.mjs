// Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node, from a copy of
// the package's sources, so node_modules keeps the Node build that vitest and the CLI load.
// better-sqlite3's prebuilt binary for this Electron is taken when it can be downloaded; else
// node-gyp compiles it. The desktop app passes the file to better-sqlite3 as `nativeBinding`.
//   node scripts/build-electron-native.mjs [--force] [--from-source] [--target VERSION] [--arch ARCH] [--headers DIR]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { copiedForBuild, nativeBuildEnv, nativeBuildNeeded, nativeStamp, nodeGypArgs, prebuildArgs } from './lib/start-plan.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: { force: { type: 'boolean' }, 'from-source': { type: 'boolean' }, target: { type: 'string' }, arch: { type: 'string' }, headers: { type: 'string' } },
});

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const electronVersion = values.target ?? readJson(require.resolve('electron/package.json')).version;
const arch = values.arch ?? process.arch;
const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const betterSqliteVersion = readJson(path.join(packageDir, 'package.json')).version;
const outDir = path.join(root, 'out', 'native');
const binding = path.join(outDir, 'better_sqlite3.node');
const stampFile = `${binding}.stamp`;
const wantedStamp = nativeStamp({ electronVersion, betterSqliteVersion, platform: process.platform, arch });

const needed = nativeBuildNeeded({
  bindingExists: fs.existsSync(binding),
  stampText: fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : null,
  wantedStamp,
});
if (!values.force && !needed) {
  console.log(`better-sqlite3 ${betterSqliteVersion} for Electron ${electronVersion} is already built (${path.relative(root, binding)}).`);
  process.exit(0);
}

console.log(`Making better-sqlite3 ${betterSqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-native-'));
let built;
try {
  built = buildIn(work);
  if (built) {
    fs.mkdirSync(outDir, { recursive: true });
    // Copy then rename, so a half-copied module is never taken for a finished one.
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), `${binding}.tmp`);
    fs.renameSync(`${binding}.tmp`, binding);
    fs.writeFileSync(stampFile, `${wantedStamp}\n`);
    console.log(`Built ${path.relative(root, binding)}.`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (!built) {
  console.error("Building better-sqlite3 for Electron failed (node-gyp needs Python 3, a C++ compiler and, without --headers, internet access for Electron's headers).");
  process.exitCode = 1;
}

/** The package's sources copied into `dir`, then the prebuilt binary fetched or the module compiled there. */
function buildIn(dir) {
  fs.cpSync(packageDir, dir, { recursive: true, filter: (src) => copiedForBuild(path.relative(packageDir, src)) });
  const env = nativeBuildEnv(process.env);
  const headersDir = values.headers ? path.resolve(values.headers) : undefined;
  const prebuild = prebuildArgs({ electronVersion, arch, headersDir, fromSource: values['from-source'] });
  if (prebuild) {
    const bin = createRequire(path.join(packageDir, 'package.json')).resolve('prebuild-install/bin.js');
    const fetched = spawnSync(process.execPath, [bin, ...prebuild], { cwd: dir, stdio: 'ignore', env, timeout: 120_000 });
    if (fetched.status === 0) {
      console.log("Took better-sqlite3's prebuilt binary for this Electron.");
      return true;
    }
    console.log('No prebuilt binary could be fetched; compiling with node-gyp (about a minute and a half)…');
  }
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  return spawnSync(process.execPath, [nodeGyp, ...nodeGypArgs({ electronVersion, arch, headersDir })], { cwd: dir, stdio: 'inherit', env }).status === 0;
}
