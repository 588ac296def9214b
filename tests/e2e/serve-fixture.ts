// A served archive for Playwright: `referent serve` started as a user starts it (the bundled
// command, its own process), over a fresh database seeded with a document and with accounts, each
// with a role in a committee. `signIn` opens a browser context of its own per account (its own
// cookies), as two people at two computers. `ctx` is the test's own connection to the same file,
// for seeding and for checking what was kept. Reused by other specs (flow's hand-over between
// two secretaries): import { test, expect } from './serve-fixture'.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { AccountRole } from '../../src-shared/api/accounts';
import { CLI_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import type { CoreContext } from '../../src-main/core/context';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore, type Store } from '../../src-main/core/store/open';
import { tempDir } from '../helpers/store';

export type ServedAccount = {
  login: string;
  displayName: string;
  /** Default: "adgangskode-<login>". */
  password?: string;
  admin?: boolean;
  /** Roles by committee name (or short name). */
  roles?: { committee: string; role: AccountRole; memberKey?: string }[];
};

export type ServeOptions = { document?: unknown; accounts: ServedAccount[] };

export type Served = {
  /** The address users open, e.g. http://127.0.0.1:PORT/. */
  url: string;
  dbFile: string;
  store: Store;
  ctx: CoreContext;
  passwordOf: (login: string) => string;
  /** A new browser context (its own cookies), signed in through the sign-in page as `login`; its page shows the app. */
  signIn: (browser: Browser, login: string) => Promise<{ context: BrowserContext; page: Page }>;
  /** Signs `page` in through the sign-in page. */
  signInOn: (page: Page, login: string) => Promise<void>;
  /** Stops the server process (the network gone, as a laptop sees it); `restart` starts it again at the same address. */
  stop: () => Promise<void>;
  restart: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The served archive's change-log key, beside it (as REFERENT_KEY_FILE names it for the server). */
export const keyFileOf = (dbFile: string): string => path.join(path.dirname(dbFile), 'referent.key');

async function seed(ctx: CoreContext, options: ServeOptions): Promise<void> {
  if (options.document) await call(ctx, 'exchange.import', { document: options.document });
  const committees = await call(ctx, 'committees.list', {});
  for (const a of options.accounts) {
    await call(ctx, 'accounts.add', { login: a.login, displayName: a.displayName, password: a.password ?? `adgangskode-${a.login}`, admin: a.admin === true });
    for (const r of a.roles ?? []) {
      const c = committees.find((x) => x.name === r.committee || x.shortName === r.committee);
      if (!c) throw new Error(`serve-fixture: no committee "${r.committee}" in the seeded document`);
      await call(ctx, 'accounts.setRole', { login: a.login, committeeId: c.id, role: r.role, memberKey: r.memberKey ?? null });
    }
  }
}

/** Starts `referent serve` on a free port and waits for the line that names its address. */
function startServe(dbFile: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, CLI_BUNDLE), 'serve', '--db', dbFile, '--port', String(port), '--static', path.join(ROOT, 'dist-web')], {
    cwd: ROOT,
    env: { ...process.env, REFERENT_KEY_FILE: keyFileOf(dbFile) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`referent serve did not start within 90 s:\n${out}`)), 90_000);
    const read = (chunk: string): void => {
      out += chunk;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    // Decoded as a stream: a letter split between two chunks stays one letter.
    child.stdout!.setEncoding('utf8').on('data', read);
    child.stderr!.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`referent serve stopped (exit code ${code}):\n${out}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const late = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(late);
}

export const test = base.extend<{ serve: (options: ServeOptions) => Promise<Served> }>({
  serve: async ({}, use) => {
    const started: { child: ChildProcess; store: Store; contexts: BrowserContext[] }[] = [];
    await use(async (options) => {
      const dbFile = path.join(tempDir('referent-serve-e2e-'), 'referent.sqlite');
      // Signed with the key the server signs with, so that what the seed wrote passes `referent verify` too.
      const store = openSqliteStore(dbFile, { keyFile: keyFileOf(dbFile) });
      const ctx: CoreContext = { store, shell: 'cli', version: 'e2e' };
      await seed(ctx, options);
      const { child, url } = await startServe(dbFile);
      const entry = { child, store, contexts: [] as BrowserContext[] };
      started.push(entry);
      const passwordOf = (login: string): string => options.accounts.find((a) => a.login === login)?.password ?? `adgangskode-${login}`;
      const signInOn = async (page: Page, login: string): Promise<void> => {
        await page.goto(url);
        await page.waitForURL(/\/login$/);
        await page.getByLabel('Brugernavn').fill(login);
        await page.getByLabel('Adgangskode').fill(passwordOf(login));
        await page.getByRole('button', { name: 'Log ind' }).click();
        await page.waitForURL((u) => u.pathname === '/');
      };
      return {
        url,
        dbFile,
        store,
        ctx,
        passwordOf,
        signInOn,
        stop: () => stop(entry.child),
        restart: async () => {
          await stop(entry.child);
          entry.child = (await startServe(dbFile, Number(new URL(url).port))).child;
        },
        signIn: async (browser, login) => {
          const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1360, height: 860 } });
          entry.contexts.push(context);
          const page = await context.newPage();
          await signInOn(page, login);
          return { context, page };
        },
      };
    });
    for (const s of started) {
      for (const c of s.contexts) await c.close();
      await stop(s.child);
      await s.store.close();
    }
  },
});

export { expect } from '@playwright/test';
