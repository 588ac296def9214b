// Each test gets its own browser shell: a fresh database in a temp folder, the built renderer,
// and a page already opened with the per-launch token.
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { openStore, type Store } from '../../src-main/core/store/open';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import type { CoreContext } from '../../src-main/core/context';
import { inProcessHost } from '../../src-main/host/api-host';
import { tempDir } from '../helpers/store';

export type App = { server: WebServer; store: Store; ctx: CoreContext; dbFile: string; open: (page: Page) => Promise<void>; restart: () => Promise<void> };

export const test = base.extend<{ app: App }>({
  app: async ({}, use) => {
    const dir = tempDir('referent-e2e-');
    const dbFile = path.join(dir, 'referent.sqlite');
    const staticDir = path.resolve(import.meta.dirname, '../../dist-web');
    let store = openStore(dbFile);
    let ctx: CoreContext = { store, shell: 'web', version: 'e2e' };
    let server = await startWebServer({ host: inProcessHost(ctx), staticDir });
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
        await store.close();
        store = openStore(dbFile);
        ctx = { store, shell: 'web', version: 'e2e' };
        server = await startWebServer({ host: inProcessHost(ctx), staticDir, port: server.port, token: server.token });
      },
    };
    await use(app);
    await server.close();
    await store.close();
  },
});

export { expect } from '@playwright/test';
