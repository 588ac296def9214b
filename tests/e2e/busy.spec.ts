// Another process holds the database file for longer than one write waits (a CLI import, say):
// the UI makes the refused write again by itself, and it lands without the user seeing an error.
import { spawn } from 'node:child_process';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

/** A second process that takes the write lock, says "locked", and lets go after `ms`. */
function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const code = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', code, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ released })));
}

test('a write refused as busy is retried by the UI until it lands', async ({ page, app }) => {
  test.setTimeout(90_000);
  await app.open(page);
  await page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: 'Indstillinger' }).click();
  await page.getByRole('textbox', { name: 'Kommunens navn' }).fill('Haderslev Kommune');

  // Held past the core's own wait (5 s): the first try is refused as Busy, a later one lands.
  const lock = await holdWriteLock(app.dbFile, 6_500);
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible({ timeout: 30_000 });
  await lock.released;
  await expect(page.getByText(/optaget/)).toHaveCount(0);
  expect((await call(app.ctx, 'settings.get', {})).name).toBe('Haderslev Kommune');
});
