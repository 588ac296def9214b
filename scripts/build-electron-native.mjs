// Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node, from a copy of
// the package's sources, so node_modules keeps the Node build that vitest and the CLI load.
// The desktop app passes the file to better-sqlite3 as `nativeBinding`; electron-builder ships it.
//   node scripts/build-electron-native.mjs [--force] [--target ELECTRON_VERSION] [--arch ARCH] [--headers DIR]
/* global process, console */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { copiedForBuild, nativeBuildEnv, nativeBuildNeeded, nativeStamp, nodeGypArgs } from './lib/start-plan.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: { force: { type: 'boolean' }, target: { type: 'string' }, arch: { type: 'string' }, headers: { type: 'string' } },
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

console.log(`Building better-sqlite3 ${betterSqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-native-'));
try {
  fs.cpSync(packageDir, work, { recursive: true, filter: (src) => copiedForBuild(path.relative(packageDir, src)) });
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const args = nodeGypArgs({ electronVersion, arch, ...(values.headers ? { headersDir: path.resolve(values.headers) } : {}) });
  const result = spawnSync(process.execPath, [nodeGyp, ...args], { cwd: work, stdio: 'inherit', env: nativeBuildEnv(process.env) });
  if (result.status !== 0) {
    console.error('Building better-sqlite3 for Electron failed (node-gyp needs Python 3, a C++ compiler and, without --headers, internet access for Electron\'s headers).');
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  // Copy then rename, so a half-copied module is never taken for a finished one.
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), `${binding}.tmp`);
  fs.renameSync(`${binding}.tmp`, binding);
  fs.writeFileSync(stampFile, `${wantedStamp}\n`);
  console.log(`Built ${path.relative(root, binding)}.`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
