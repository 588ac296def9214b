// The decisions of `npm start` and of the Electron-ABI SQLite build, as pure functions (typed in
// start-plan.d.mts, tested in tests/integration/start-script.test.ts): what runs where, and why.
import path from 'node:path';

/** The one line `npm start` prints where the desktop app cannot run. */
export const WEB_FALLBACK_NOTICE = 'The Electron binary is not available on this machine, so Referent is served in the browser instead.';

/**
 * Where the Electron binary is, found the way node_modules/electron/index.js finds it but without
 * its side effect (requiring that file starts a download when the binary is missing). Null when absent.
 */
export function electronBinaryPath({ electronDir, env, exists, readText }) {
  const pathTxt = path.join(electronDir, 'path.txt');
  const relative = exists(pathTxt) ? readText(pathTxt).trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return exists(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = path.join(electronDir, 'dist', relative);
  return exists(candidate) ? candidate : null;
}

/** Electron 42+ downloads its binary on first use, not at install: try that once, unless told not to. */
export function shouldTryElectronDownload(env) {
  return !env.ELECTRON_SKIP_BINARY_DOWNLOAD && env.REFERENT_SHELL !== 'web';
}

/** The desktop shell when its binary is there; otherwise the browser shell serves the same app. */
export function chooseShell({ electronBinaryExists, env = {} }) {
  if (env.REFERENT_SHELL === 'web') return 'web';
  return electronBinaryExists ? 'electron' : 'web';
}

/** What the Electron-ABI build of better-sqlite3 was made for; a different stamp means rebuild. */
export function nativeStamp({ electronVersion, betterSqliteVersion, platform, arch }) {
  return `electron ${electronVersion} better-sqlite3 ${betterSqliteVersion} ${platform}-${arch}`;
}

export function nativeBuildNeeded({ bindingExists, stampText, wantedStamp }) {
  return !bindingExists || (stampText ?? '').trim() !== wantedStamp;
}

/**
 * First choice: better-sqlite3's own prebuilt binary for this Electron (published on its GitHub
 * releases), fetched by prebuild-install, so that no C++ compiler is needed. Null when that must
 * not be tried: building offline from local headers, or asked to build from source.
 */
export function prebuildArgs({ electronVersion, arch, headersDir, fromSource }) {
  if (headersDir || fromSource) return null;
  return ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`];
}

/**
 * Otherwise: node-gyp against Electron's headers (their ABI differs from Node's), never Node's own: fetched
 * from electronjs.org, or taken from an unpacked headers folder (`headersDir`) on an offline machine.
 */
export function nodeGypArgs({ electronVersion, arch, headersDir }) {
  const headers = headersDir ? `--nodedir=${headersDir}` : '--dist-url=https://electronjs.org/headers';
  return ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, headers];
}

/**
 * The environment for node-gyp: npm passes its config down as npm_config_*, and a `nodedir`,
 * `target` or `runtime` from an .npmrc would silently build against Node instead of Electron.
 */
export function nativeBuildEnv(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) continue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The files of the better-sqlite3 package a build needs: its sources, not its Node build. */
export function copiedForBuild(relativePath) {
  const first = relativePath.split(/[\\/]/)[0];
  return first !== 'build' && first !== 'node_modules';
}
