// A laptop connected to a served archive, for Playwright (issue 14 §4): the browser shell over its
// own file (the core in its worker, as `npm run web` runs it) holding the server too, signed in as
// one of the served accounts (signIn from remote-host.ts), wired as src-main/web/main.ts wires it
// (host/laptop-hosts.ts). `ctx` is the test's own connection to the laptop's file, for checking
// what the copy holds. Builds on serve-fixture.ts: import { test, expect } from './laptop-fixture'.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { WORKER_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import type { CoreContext } from '../../src-main/core/context';
import { openSqliteStore, type Store } from '../../src-main/core/store/open';
import { laptopHosts } from '../../src-main/host/laptop-hosts';
import { remoteApiHost, signIn } from '../../src-main/host/remote-host';
import { startWorkerHost } from '../../src-main/host/worker-host';
import { startWebServer } from '../../src-main/web/server';
import { tempDir } from '../helpers/store';
import { test as served, type Served } from './serve-fixture';

export type Laptop = { dbFile: string; store: Store; ctx: CoreContext; open: (page: Page) => Promise<void> };

const ROOT = path.resolve(import.meta.dirname, '../..');

export const test = served.extend<{ laptop: (server: Served, login: string) => Promise<Laptop> }>({
  laptop: async ({}, use) => {
    const closing: (() => Promise<void>)[] = [];
    await use(async (server, login) => {
      const dbFile = path.join(tempDir('referent-laptop-e2e-'), 'laptop.sqlite');
      const local = await startWorkerHost({ dbFile, shell: 'web', version: 'e2e', workerFile: path.join(ROOT, WORKER_BUNDLE) });
      const cookie = await signIn(server.url, login, server.passwordOf(login));
      const remote = remoteApiHost({ url: server.url, headers: () => ({ Cookie: cookie }) });
      const both = await laptopHosts({ laptop: async () => local, server: () => ({ url: server.url.replace(/\/$/, ''), host: remote }), holder: 'laptop', close: () => local.close() });
      const web = await startWebServer({ host: both.host, staticDir: path.join(ROOT, 'dist-web'), offline: both.offline });
      const store = openSqliteStore(dbFile);
      closing.push(async () => {
        await web.close();
        await both.host.close();
        await store.close();
      });
      return { dbFile, store, ctx: { store, shell: 'cli', version: 'e2e' }, open: async (page) => void (await page.goto(web.url)) };
    });
    for (const close of closing) await close();
  },
});

export { expect } from '@playwright/test';
