// Another process holds the database file for longer than one write waits (a CLI import, say):
// the UI makes the refused write again by itself, and when even that is not enough it says so in
// one sentence and offers to try again.
import { spawn } from 'node:child_process';
import { call } from '../../src-main/core/dispatch';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Lock = { released: Promise<void>; release: () => void };

/** A second process that takes the write lock, says "locked", and lets go after `ms` or when released. */
function holdWriteLock(file: string, ms: number): Promise<Lock> {
  const code = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE');
    const done = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
    process.stdout.write('locked\\n'); setTimeout(done, Number(process.argv[2])); process.stdin.once('data', done);`;
  const child = spawn(process.execPath, ['-e', code, file, String(ms)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const release = (): void => void child.stdin.write('go\n');
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ released, release })));
}

async function typeOrganisationName(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: 'Indstillinger' }).click();
  await page.getByRole('textbox', { name: 'Kommunens navn' }).fill(name);
}

test('a write refused as busy is retried by the UI until it lands', async ({ page, app }) => {
  test.setTimeout(90_000);
  await app.open(page);
  await typeOrganisationName(page, 'Haderslev Kommune');

  // Held past the core's own wait (5 s): the first try is refused as Busy, a later one lands.
  const lock = await holdWriteLock(app.dbFile, 6_500);
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible({ timeout: 30_000 });
  await lock.released;
  await expect(page.getByText(/optaget/)).toHaveCount(0);
  expect((await call(app.ctx, 'settings.get', {})).name).toBe('Haderslev Kommune');
});

test('a write still busy after the automatic tries is explained in one sentence and made again when the user says so', async ({ page, app }) => {
  // The automatic tries take about 26 s (four waits of 5 s in the core, pauses between them).
  test.setTimeout(150_000);
  await app.open(page);
  await typeOrganisationName(page, 'Haderslev Kommune');
  const saves: string[] = [];
  page.on('request', (r) => void (r.url().endsWith('/api/settings.update') && saves.push(r.url())));
  const lock = await holdWriteLock(app.dbFile, 120_000);
  await page.getByRole('button', { name: 'Gem', exact: true }).click();

  const prompt = page.getByRole('alertdialog', { name: 'Databasen er optaget' });
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await expect(prompt).toContainText(`Databasen ${app.dbFile} er optaget af en anden ændring (et andet Referent-vindue eller en referent-kommando skriver i den); intet blev ændret.`);
  await expect(prompt).toContainText('Din ændring er ikke gemt endnu.');
  // Four automatic tries before the question.
  expect(saves).toHaveLength(4);
  expect((await call(app.ctx, 'settings.get', {})).name).not.toBe('Haderslev Kommune');
  await page.screenshot({ path: test.info().outputPath('busy-prompt.png') });

  // "Prøv igen" while the other process still writes: one more try, refused, and the question again.
  // (The core runs in this test's process here, so while it waits the page cannot be watched: the
  // try is counted from the page's requests instead.)
  const tries = saves.length;
  await prompt.getByRole('button', { name: 'Prøv igen' }).click();
  await expect.poll(() => saves.length, { timeout: 20_000 }).toBe(tries + 1);
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await expect(prompt).toContainText('er optaget af en anden ændring');

  // The other process finishes; this time the change lands, and nothing is left on screen.
  lock.release();
  await lock.released;
  await prompt.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible({ timeout: 20_000 });
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await call(app.ctx, 'settings.get', {})).name).toBe('Haderslev Kommune');
});

test('"Annuller" leaves the change unsaved, with the sentence beside the form', async ({ page, app }) => {
  test.setTimeout(120_000);
  await app.open(page);
  await typeOrganisationName(page, 'Haderslev Kommune');
  const lock = await holdWriteLock(app.dbFile, 90_000);
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  const prompt = page.getByRole('alertdialog', { name: 'Databasen er optaget' });
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await prompt.getByRole('button', { name: 'Annuller' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'er optaget af en anden ændring' })).toBeVisible();
  lock.release();
  await lock.released;
  expect((await call(app.ctx, 'settings.get', {})).name).not.toBe('Haderslev Kommune');
});
