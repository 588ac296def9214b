// Each test gets its own browser shell, arranged as `npm run web` arranges it: the HTTP server on
// this thread and the store with every operation in the core's worker (src-main/host/worker-host.ts),
// over a fresh database in a temp folder and the built renderer. `store`/`ctx` are the test's own
// connection to the same file, for seeding and checking what was kept.
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { openSqliteStore, type Store } from '../../src-main/core/store/open';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import type { CoreContext } from '../../src-main/core/context';
import type { ApiHost } from '../../src-main/host/api-host';
import { startWorkerHost } from '../../src-main/host/worker-host';
import { WORKER_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import { tempDir } from '../helpers/store';

/** Fails with `message` instead of waiting out the test's whole timeout when `closing` never ends. */
async function stops(closing: Promise<void>, message: string, ms = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  try {
    await Promise.race([closing, late]);
  } finally {
    clearTimeout(timer);
  }
}

export type App = { server: WebServer; store: Store; ctx: CoreContext; dbFile: string; open: (page: Page) => Promise<void>; restart: () => Promise<void> };

export const test = base.extend<{ app: App; shell: 'web' | 'electron' }>({
  // The shell the core believes it serves. 'electron' lets a test drive the desktop app's paths
  // (writing into a folder) through this server, with the page's window.referent stood in for.
  shell: ['web', { option: true }],
  app: async ({ shell }, use) => {
    const dir = tempDir('referent-e2e-');
    const dbFile = path.join(dir, 'referent.sqlite');
    const staticDir = path.resolve(import.meta.dirname, '../../dist-web');
    let store = openSqliteStore(dbFile);
    let ctx: CoreContext = { store, shell, version: 'e2e' };
    // The bundled worker, as `npm start` runs it (built from the sources by tests/setup/cli-bundle.ts).
    const workerFile = path.resolve(import.meta.dirname, '../..', WORKER_BUNDLE);
    const startHost = (): Promise<ApiHost> => startWorkerHost({ dbFile, shell, version: 'e2e', workerFile });
    let host = await startHost();
    let server = await startWebServer({ host, staticDir });
    const app: App = {
      get server() {
        return server;
      },
      get store() {
        return store;
      },
      get ctx() {
        return ctx;
      },
      dbFile,
      open: async (page) => {
        await page.goto(server.url);
      },
      /** Closes and reopens the database and server: what survives is what was stored. */
      restart: async () => {
        await server.close();
        await host.close();
        await store.close();
        store = openSqliteStore(dbFile);
        ctx = { store, shell, version: 'e2e' };
        host = await startHost();
        server = await startWebServer({ host, staticDir, port: server.port, token: server.token });
      },
    };
    await use(app);
    await server.close();
    await stops(host.close(), 'The core’s worker thread did not stop within 60 s of closing: something it started (a Chromium, a timer, a file) is still open.');
    await store.close();
  },
});

export { expect } from '@playwright/test';
