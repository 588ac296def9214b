// `npm start`: build the app and open it. The desktop app when the Electron binary can be had
// (the first start downloads it); otherwise one line says so and the browser shell serves the app.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureCliBundle, WORKER_BUNDLE } from './lib/cli-bundle.mjs';
import { chooseShell, electronBinaryPath, shouldTryElectronDownload, WEB_FALLBACK_NOTICE } from './lib/start-plan.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

/** Runs a build step, quietly unless it fails; exits with its code when it does. */
function step(command, args, label) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`npm start: ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

const nodeBin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

async function findElectron() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const find = () => electronBinaryPath({ electronDir, env: process.env, exists: fs.existsSync, readText: (f) => fs.readFileSync(f, 'utf8') });
  const found = find();
  if (found || !shouldTryElectronDownload(process.env)) return found;
  // Electron 42+ fetches its binary on first use. Say so only if it takes a while: where there is
  // no network it fails at once and the single fallback line below is all the user sees.
  const slow = setTimeout(() => console.log('Fetching the Electron binary (first start only)…'), 2000);
  const installed = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
  clearTimeout(slow);
  return installed ? find() : null;
}

/** Runs a long-lived child in the foreground and leaves with its exit code; Ctrl+C reaches it too. */
function foreground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

step(process.execPath, [nodeBin('electron-vite', 'bin/electron-vite.js'), 'build', '--logLevel', 'warn'], 'electron-vite build');
const electron = await findElectron();

if (chooseShell({ electronBinaryExists: electron !== null, env: process.env }) === 'electron' && electron) {
  const native = spawnSync(process.execPath, [path.join(import.meta.dirname, 'build-electron-native.mjs')], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) process.exit(native.status ?? 1);
  // ELECTRON_RUN_AS_NODE left over from a parent tool would start Node instead of the app.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  foreground(electron, ['.', ...passThrough], env);
} else {
  console.log(WEB_FALLBACK_NOTICE);
  step(process.execPath, [nodeBin('vite', 'bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], 'the web renderer build');
  // The core's worker, bundled (built only when a source changed): it starts much faster than from the sources.
  await ensureCliBundle(root);
  foreground(process.execPath, [nodeBin('tsx', 'dist/cli.mjs'), 'src-main/web/main.ts', '--worker', path.join(root, WORKER_BUNDLE), ...passThrough]);
}
