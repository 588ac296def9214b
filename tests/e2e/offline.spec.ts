// Taking a meeting offline from the app (issue 14 §4): a laptop (the browser shell over its own
// file, connected to a served archive as Anne) takes the meeting offline with "Tag med offline",
// works on the copy with the server stopped, hands it in ("Aflever") while the server is still out
// of reach (refused, the copy kept), and again once it is back: the result says what was merged,
// the server shows the edit and `referent verify` passes. A hand-in the server refuses shows its
// sentence and changes nothing on either side.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLI_BUNDLE } from '../../scripts/lib/cli-bundle.mjs';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { expect, test } from './laptop-fixture';
import { oneMeeting as document } from './one-meeting';
import { keyFileOf } from './serve-fixture';
import { screenshots } from './screens';

const ROOT = path.resolve(import.meta.dirname, '../..');
const accounts = [
  { login: 'anne', displayName: 'Anne Holm', roles: [{ committee: 'Økonomiudvalget', role: 'secretary' as const }] },
  { login: 'bo', displayName: 'Bo Jensen', roles: [{ committee: 'Økonomiudvalget', role: 'secretary' as const }] },
];

async function theMeeting(ctx: CoreContext): Promise<string> {
  const [committee] = await call(ctx, 'committees.list', {});
  return (await call(ctx, 'meetings.list', { committeeId: committee!.id }))[0]!.id;
}
const titles = async (ctx: CoreContext, meetingId: string) => (await call(ctx, 'agenda.get', { meetingId })).items.map((i) => i.title);

/** Both sizes of each new state, looked at; the test goes on at the larger. */

async function takeOffline(page: Page, meetingId: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), meetingId);
  await page.getByRole('button', { name: 'Tag med offline…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag mødet med offline?' });
  await expect(dialog).toContainText('Mødet låses på serveren, så de andre kun kan læse det, og en kopi gemmes på denne computer.');
  await dialog.getByRole('button', { name: 'Tag med offline' }).click();
  await expect(page.getByRole('dialog', { name: 'Mødet er taget med offline' })).toContainText('Kopien ligger nu på denne computer');
}

test('a meeting taken offline from the app is edited with the server stopped, handed in, and merged', async ({ page, serve, laptop }) => {
  test.setTimeout(240_000);
  const server = await serve({ document, accounts });
  const meetingId = await theMeeting(server.ctx);
  const pc = await laptop(server, 'anne');
  const host = new URL(server.url).host;

  await page.setViewportSize({ width: 1440, height: 900 });
  await pc.open(page);
  await expect(page.getByRole('region', { name: 'Forbundet til serveren' })).toHaveText(`Du arbejder på serveren ${host}.`);
  await takeOffline(page, meetingId);
  await screenshots(page, 'offline-taken');

  // Held on the server, by her account; the copy is in the laptop's file.
  const held = await call(server.ctx, 'checkout.status', { meetingId });
  expect([held?.role, held?.holder]).toEqual(['server', 'Anne Holm (anne)']);
  expect((await call(pc.ctx, 'checkout.copies', {})).map((c) => [c.meetingId, c.holder])).toEqual([[meetingId, 'Anne Holm (anne)']]);

  // To the copy: the bar says she works offline, the banner on the copy since when.
  await page.getByRole('button', { name: 'Arbejd på kopien' }).click();
  const bar = page.getByRole('region', { name: 'Offline på denne computer' });
  await expect(bar).toContainText('Offline. Du arbejder på denne computers kopi, ikke på serveren');
  const copy = page.getByRole('region', { name: 'Kopi taget med offline' });
  await expect(copy).toContainText(/^Offline-kopi\. Du arbejder offline på en kopi af mødet, taget med offline af Anne Holm \(anne\) den \d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d\./);

  // The network is gone: she edits the copy all the same.
  await server.stop();
  await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning/ }).click();
  await page.getByRole('textbox', { name: 'Titel' }).fill('Budgetopfølgning 2. kvartal');
  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  expect(await titles(pc.ctx, meetingId)).toEqual(['Godkendelse af dagsorden', 'Budgetopfølgning 2. kvartal']);
  await screenshots(page, 'offline-copy');

  // Handed in while the server is out of reach: refused in one sentence, the copy kept as it is.
  await copy.getByRole('button', { name: 'Aflever…' }).click();
  await expect(page.getByRole('dialog', { name: 'Aflever mødet til serveren?' })).toContainText('Lykkes det ikke, bliver kopien på denne computer, som den er.');
  await page.getByRole('button', { name: 'Aflever', exact: true }).click();
  const refused = page.getByRole('dialog', { name: 'Mødet er ikke afleveret' });
  await expect(refused.getByRole('alert')).toHaveText(new RegExp(`^Serveren http://${host.replace(/\./g, '\\.')} kan ikke nås \\(intet svarer på adressen\\); intet blev ændret\\. Kontrollér netværket, og prøv igen\\.$`));
  await expect(refused).toContainText('Kopien bliver på denne computer med alle dine ændringer. Prøv igen, når der er forbindelse til serveren.');
  await screenshots(page, 'offline-unreachable');
  expect((await call(pc.ctx, 'checkout.copies', {})).length).toBe(1);
  expect(await titles(pc.ctx, meetingId)).toEqual(['Godkendelse af dagsorden', 'Budgetopfølgning 2. kvartal']);

  // The server is back: "Prøv igen" hands it in, and the result says what the server took.
  await server.restart();
  await refused.getByRole('button', { name: 'Prøv igen' }).click();
  const done = page.getByRole('dialog', { name: 'Mødet er afleveret' });
  await expect(done.getByRole('listitem')).toHaveText(['1 ændring gjort offline', '1 punkt tilføjet, fjernet eller ændret', '0 nye bilag']);
  await expect(done).toContainText('Mødet kan redigeres på serveren igen.');
  await screenshots(page, 'offline-handed-in');
  expect(await titles(server.ctx, meetingId)).toEqual(['Godkendelse af dagsorden', 'Budgetopfølgning 2. kvartal']);
  expect(await call(server.ctx, 'checkout.status', { meetingId })).toBeNull();
  expect(await call(pc.ctx, 'checkout.copies', {})).toEqual([]);

  // Back on the server, the meeting shows the edit and can be edited again.
  await done.getByRole('button', { name: 'Åbn mødet på serveren' }).click();
  await expect(page.getByRole('region', { name: 'Forbundet til serveren' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning 2\. kvartal/ }).click();
  await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Budgetopfølgning 2. kvartal');
  await expect(page.getByRole('textbox', { name: 'Titel' })).toBeEditable();
  const verify = spawnSync(process.execPath, [path.join(ROOT, CLI_BUNDLE), 'verify', '--db', server.dbFile], {
    cwd: ROOT,
    env: { ...process.env, REFERENT_KEY_FILE: keyFileOf(server.dbFile) },
    encoding: 'utf8',
  });
  expect(verify.stderr).toBe('');
  expect(verify.status).toBe(0);
});

test('a hand-in the server refuses shows its sentence and changes nothing on either side', async ({ page, serve, laptop }) => {
  test.setTimeout(180_000);
  const server = await serve({ document, accounts });
  const meetingId = await theMeeting(server.ctx);
  const pc = await laptop(server, 'anne');
  await page.setViewportSize({ width: 1440, height: 900 });
  await pc.open(page);
  await takeOffline(page, meetingId);
  await page.getByRole('button', { name: 'Arbejd på kopien' }).click();
  await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning/ }).click();
  await page.getByRole('textbox', { name: 'Titel' }).fill('Budgetopfølgning 2. kvartal');
  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();

  // Meanwhile the secretariat frees the meeting on the server: the copy's checkout is no longer open.
  await call({ ...server.ctx, author: 'Bo Jensen' }, 'checkout.release', { meetingId, force: true });
  const serverBefore = await call(server.ctx, 'exchange.export', {});

  await page.getByRole('region', { name: 'Kopi taget med offline' }).getByRole('button', { name: 'Aflever…' }).click();
  await page.getByRole('button', { name: 'Aflever', exact: true }).click();
  const refused = page.getByRole('dialog', { name: 'Mødet er ikke afleveret' });
  await expect(refused.getByRole('alert')).toHaveText(
    /^Denne kopi af mødet i Økonomiudvalget den 02-06-2026 stammer fra en udtagning, der ikke længere er åben \(mødet er frigivet siden eller allerede afleveret\), så intet blev ændret; eksportér kopien, og før ændringerne ind på serveren i hånden\.$/,
  );
  await expect(refused).toContainText('Intet blev ændret, hverken på serveren eller i kopien på denne computer.');
  await screenshots(page, 'offline-refused');
  expect(await call(server.ctx, 'exchange.export', {})).toEqual(serverBefore);
  expect((await call(pc.ctx, 'checkout.copies', {})).map((c) => c.meetingId)).toEqual([meetingId]);
  expect(await titles(pc.ctx, meetingId)).toEqual(['Godkendelse af dagsorden', 'Budgetopfølgning 2. kvartal']);
});
