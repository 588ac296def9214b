// The browser shell's access token survives what a user does with tabs: a second tab, a bookmark
// of the bare address, a restarted server; a tab without it says in Danish what to do.
import { expect, test } from './fixtures';

test('a second tab, a bookmark and a restart keep working; a browser without the token is told what to do', async ({ page, app, browser }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'Velkommen til Referent' })).toBeVisible();
  // The token left the address bar.
  expect(page.url()).toBe(`http://127.0.0.1:${app.server.port}/`);

  const bookmark = `http://127.0.0.1:${app.server.port}/#/calendar`;
  const second = await page.context().newPage();
  await second.goto(bookmark);
  await expect(second.getByRole('heading', { level: 1, name: 'Mødekalender' })).toBeVisible();

  await app.restart();
  await second.reload();
  await expect(second.getByRole('heading', { level: 1, name: 'Mødekalender' })).toBeVisible();
  await second.getByRole('button', { name: '+ Nyt udvalg' }).click();
  await second.getByRole('dialog').getByRole('textbox', { name: 'Udvalgets navn' }).fill('Børne- og Skoleudvalget');
  await second.getByRole('dialog').getByRole('button', { name: 'Opret' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Børne- og Skoleudvalget' })).toBeVisible();

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(bookmark);
  await expect(other.getByRole('heading', { name: 'Referent kan ikke åbnes i denne fane' })).toBeVisible();
  await expect(other.getByText(`http://127.0.0.1:${app.server.port}/?token=`).first()).toBeVisible();
  await other.goto(app.server.url);
  await expect(other.getByRole('heading', { level: 1, name: 'Mødekalender' }).or(other.getByRole('heading', { name: 'Velkommen til Referent' }))).toBeVisible();
  await stranger.close();
});
