// The desktop build: main process, preload and renderer (electron-vite), into out/.
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { metaCsp } from './src-main/electron/csp';

/** The CSP also as a <meta> tag: a file:// page gets it even where header delivery falls short. */
function cspMeta(): Plugin {
  let dev = false;
  return {
    name: 'referent-csp-meta',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaCsp({ dev }) }, injectTo: 'head-prepend' }],
  };
}

/** The sandboxed preload; exported so a test can build exactly this and run it as Electron would. */
export function preloadConfig(root: string) {
  return {
    build: {
      // A sandboxed preload can require nothing but electron, so everything it uses is bundled in.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(root, 'src-main/electron/preload.ts') }, output: { format: 'cjs' as const, entryFileNames: '[name].cjs' } },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Dependencies stay in node_modules (better-sqlite3 must: it loads a native module).
      externalizeDeps: true,
      // The core's worker thread (src-main/host/worker-entry.ts) is built beside the main process as worker.js.
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-main/electron/main.ts'), worker: resolve(import.meta.dirname, 'src-main/host/worker-entry.ts') } },
    },
  },
  preload: preloadConfig(import.meta.dirname),
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    plugins: [react(), cspMeta()],
    build: { rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } }, chunkSizeWarningLimit: 4000 },
  },
});
