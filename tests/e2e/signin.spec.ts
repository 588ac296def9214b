// The desktop app against a `referent serve` (issue 14 §4), through the browser shell (the same
// renderer; the shell's process stands in for Electron's main process and holds the session):
// Indstillinger → Forbind til server tries the address and switches; the sign-in screen refuses a
// wrong password with one sentence and signs her in; when the session ends while she types, the
// screen comes back over the app with a sentence, and what she typed is saved once she signs in.
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { createConnection, type Connection } from '../../src-main/host/connection';
import { startWorkerHost } from '../../src-main/host/worker-host';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { WORKER_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import { tempDir } from '../helpers/store';
import { oneMeeting as document } from './one-meeting';
import { expect, test } from './serve-fixture';
import { LAPTOP_AND_DESKTOP, screenshots } from './screens';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The single user's app on this machine, as `npm run web` starts it, over a file of its own. */
async function startLaptop(): Promise<{ shell: WebServer; connection: Connection }> {
  const dir = tempDir('referent-laptop-');
  const dbFile = path.join(dir, 'referent.sqlite');
  const connection = createConnection({
    dataDir: dir,
    env: {},
    startLocal: () => startWorkerHost({ dbFile, shell: 'web', version: 'e2e', workerFile: path.join(ROOT, WORKER_BUNDLE) }),
  });
  await connection.local();
  const shell = await startWebServer({ host: connection.host, connection, staticDir: path.join(ROOT, 'dist-web') });
  return { shell, connection };
}

/** Desktop first, so that the steps after the shots run at the small laptop size. */
const DESKTOP_THEN_LAPTOP = [...LAPTOP_AND_DESKTOP].reverse();

test('she connects the app to the server from Indstillinger, signs in, and a wrong password is one sentence', async ({ page, serve }) => {
  test.setTimeout(150_000);
  const served = await serve({ document, accounts: [{ login: 'anne', displayName: 'Anne Holm', roles: [{ committee: 'Økonomiudvalget', role: 'secretary' }] }] });
  await call(served.ctx, 'settings.update', { name: 'Esbjerg Kommune' });
  const server = served.url.replace(/\/$/, '');
  const { shell, connection } = await startLaptop();
  try {
    await page.goto(shell.url);
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    const panel = page.getByRole('region', { name: 'Forbind til server' });
    await expect(panel.getByRole('status').first()).toHaveText('Du arbejder i din egen fil på denne computer.');
    await panel.getByRole('textbox', { name: 'Serverens adresse' }).fill(served.url);
    await panel.getByRole('button', { name: 'Prøv forbindelsen' }).click();
    await expect(panel.getByText(/^Serveren svarer: Esbjerg Kommune, Referent \d+\.\d+\.\d+/)).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await screenshots(page, 'signin-settings', DESKTOP_THEN_LAPTOP);

    await panel.getByRole('button', { name: 'Arbejd mod serveren' }).click();
    // The app starts afresh against the server: first the sign-in screen.
    const screen = page.getByRole('main', { name: 'Log ind' });
    await expect(screen.getByText(server)).toBeVisible();
    await screen.getByRole('textbox', { name: 'Brugernavn' }).fill('anne');
    await screen.getByRole('textbox', { name: 'Adgangskode' }).fill('forkert forkert');
    await screen.getByRole('button', { name: 'Log ind' }).click();
    await expect(screen.getByRole('alert')).toHaveText('Brugernavnet eller adgangskoden er forkert.');
    await expect(screen.getByRole('textbox', { name: 'Adgangskode' })).toHaveValue('');
    await screenshots(page, 'signin-wrong-password', DESKTOP_THEN_LAPTOP);

    await screen.getByRole('textbox', { name: 'Adgangskode' }).fill(served.passwordOf('anne'));
    await screen.getByRole('button', { name: 'Log ind' }).click();
    // The server's archive, as her account: her committee, her name, and the way out.
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Økonomiudvalget' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Logget ind som Anne Holm' })).toBeVisible();
    // Never the session: the page holds no cookie of the server's, and the shell's own is HttpOnly.
    expect(await page.evaluate(() => window.document.cookie)).toBe('');

    await page.getByRole('group', { name: 'Logget ind som Anne Holm' }).getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('main', { name: 'Log ind' })).toBeVisible();
    await expect(page.getByRole('main', { name: 'Log ind' }).getByRole('textbox', { name: 'Brugernavn' })).toHaveValue('anne');
    expect(await served.ctx.store.db.selectFrom('sessions').select('account_id').execute()).toHaveLength(0);
  } finally {
    await shell.close();
    await connection.close();
  }
});

test('when the session ends while she types, the sign-in screen comes over the app with a sentence, and her text is saved after', async ({ page, serve }) => {
  test.setTimeout(150_000);
  const served = await serve({ document, accounts: [{ login: 'anne', displayName: 'Anne Holm', roles: [{ committee: 'Økonomiudvalget', role: 'secretary' }] }] });
  const [committee] = await call(served.ctx, 'committees.list', {});
  const [meeting] = await call(served.ctx, 'meetings.list', { committeeId: committee!.id });
  const itemId = (await call(served.ctx, 'agenda.get', { meetingId: meeting!.id })).items[1]!.id;
  const { shell, connection } = await startLaptop();
  try {
    await connection.call('connection.use', { mode: 'server', url: served.url });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(shell.url);
    const screen = page.getByRole('main', { name: 'Log ind' });
    await screen.getByRole('textbox', { name: 'Brugernavn' }).fill('anne');
    await screen.getByRole('textbox', { name: 'Adgangskode' }).fill(served.passwordOf('anne'));
    await screen.getByRole('button', { name: 'Log ind' }).click();
    await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), meeting!.id);
    await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning/ }).click();
    await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Budgetopfølgning');

    // Twelve hours pass (the server's clock): the session is over.
    await served.ctx.store.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    await page.getByRole('textbox', { name: 'Sagsnummer' }).fill('26/4881');
    const again = page.getByRole('main', { name: 'Log ind' });
    await expect(again.getByRole('status')).toHaveText(
      'Din session på serveren er slut (den er udløbet, eller serveren har afsluttet den); log ind igen. Det, du ikke nåede at gemme, gemmes, når du er logget ind.',
    );
    await screenshots(page, 'signin-session-ended', DESKTOP_THEN_LAPTOP);
    expect((await call(served.ctx, 'agenda.getItem', { itemId })).caseNumber).toBeNull();

    await again.getByRole('textbox', { name: 'Adgangskode' }).fill(served.passwordOf('anne'));
    await again.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('main', { name: 'Log ind' })).toBeHidden();
    // The same item, with what she typed, now stored on the server under her name.
    await expect(page.getByRole('textbox', { name: 'Sagsnummer' })).toHaveValue('26/4881');
    await expect.poll(async () => (await call(served.ctx, 'agenda.getItem', { itemId })).caseNumber).toBe('26/4881');
  } finally {
    await shell.close();
    await connection.close();
  }
});
