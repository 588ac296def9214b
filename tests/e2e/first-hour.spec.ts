// The first hour (issue 11): a first run that asks for what documents need, warnings where a choice
// was silently accepted, feedback after creating, and one toolbar and one focus ring on screen.
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { fillDate, fillTime } from './fields';

const RICH = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');
/** A 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a first run asks for the municipality and its logo, then offers three ways to the first committee', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen til Referent' })).toBeVisible();
  // Not "choose a committee in the list" while the list is empty.
  await expect(page.getByText('Vælg et udvalg i listen til venstre')).toHaveCount(0);
  await expect(page.getByText('To trin, så er du klar: kommunens navn og logo, og derefter det første udvalg.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Kommunens navn' }).fill('Haderslev Kommune');
  const [logo] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Vælg logo …' }).click()]);
  await logo.setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('img', { name: 'Kommunens logo' })).toBeVisible();
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible();
  const settings = await call(app.ctx, 'settings.get', {});
  expect({ name: settings.name, logo: settings.logo?.mime }).toEqual({ name: 'Haderslev Kommune', logo: 'image/png' });
  await page.screenshot({ path: 'test-results/screens/first-run-1024x768.png' });

  await expect(page.getByRole('button', { name: 'Opret udvalg' })).toBeVisible();
  await page.getByRole('button', { name: 'Indlæs mødekalender …' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mødekalender' })).toBeVisible();
  await page.goBack();

  // A file that is no exchange file is named in one sentence; a real one brings its committees in.
  const exchange = page.getByRole('button', { name: 'Hent fra udvekslingsfil …' });
  const [wrong] = await Promise.all([page.waitForEvent('filechooser'), exchange.click()]);
  await wrong.setFiles({ name: 'noter.json', mimeType: 'application/json', buffer: Buffer.from('Mødet flyttes') });
  await expect(page.getByRole('alert')).toHaveText('noter.json er ikke en udvekslingsfil: den kan ikke læses som JSON.');
  const [right] = await Promise.all([page.waitForEvent('filechooser'), exchange.click()]);
  await right.setFiles({ name: 'rich.referent.json', mimeType: 'application/json', buffer: fs.readFileSync(RICH) });
  await expect.poll(async () => (await call(app.ctx, 'committees.list', {})).length).toBeGreaterThan(0);
  const first = (await call(app.ctx, 'committees.list', {}))[0]!;
  await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  await page.evaluate(() => (location.hash = '#/'));
  await expect(page.getByText('Vælg et udvalg i listen til venstre, eller søg med Ctrl+K.')).toBeVisible();
});

test('a meeting on a holiday or in the past is created with a warning, and creating it says what was made', async ({ page, app }) => {
  test.setTimeout(120_000);
  const committee = await call(app.ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' });
  await app.open(page);
  await page.evaluate((id) => (location.hash = `#/committee/${id}`), committee.id);
  // The empty list says what to do and offers the button.
  await page.getByRole('tabpanel').getByRole('button', { name: '+ Opret årets første møde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret møde' });
  await fillDate(dialog, 'Dato', '2020-03-03');
  await expect(dialog.getByText('Bemærk: tirsdag den 3. marts 2020 er allerede passeret.')).toBeVisible();
  await fillDate(dialog, 'Dato', '2027-12-24');
  await expect(dialog.getByText('Bemærk: juleaftensdag er helligdag. Mødet kan oprettes alligevel.')).toBeVisible();
  await expect(dialog.getByText(/allerede passeret/)).toHaveCount(0);
  await fillTime(dialog, 'Starttid', '14:30');
  await dialog.getByRole('button', { name: 'Opret' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Mødet fredag den 24\. december 2027 kl\. 14\.30 er oprettet/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Fredag den 24\. december 2027 kl\. 14\.30/ })).toBeVisible();
  expect((await call(app.ctx, 'meetings.list', { committeeId: committee.id })).map((m) => m.start)).toEqual(['2027-12-24T14:30']);
});

test('adding to a published agenda needs no unlocking, a locked one says why nothing can be added, and the checksum is explained', async ({ page, app }) => {
  test.setTimeout(150_000);
  await call(app.ctx, 'exchange.import', { document: JSON.parse(fs.readFileSync(RICH, 'utf8')) as unknown });
  const obu = (await call(app.ctx, 'committees.list', {})).find((c) => c.shortName === 'OBU')!;
  const meetings = await call(app.ctx, 'meetings.list', { committeeId: obu.id, year: 2026 });
  const april = meetings.find((m) => m.start.startsWith('2026-04-07'))!;
  const june = meetings.find((m) => m.start.startsWith('2026-06-02'))!;
  await call(app.ctx, 'meetings.setStatus', { id: june.id, status: 'agenda-published' });
  await app.open(page);

  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), april.id);
  const add = page.getByRole('button', { name: '+ Tillægspunkt' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription('Referatet er godkendt: der kan ikke komme flere punkter på.');
  await expect(page.getByText('Referatet er godkendt: der kan ikke komme flere punkter på.')).toBeVisible();

  await page.evaluate((id) => (location.hash = `#/meeting/${id}/meetingday`), april.id);
  await expect(page.getByText('Referatet er godkendt og låst')).toBeVisible();
  await expect(page.getByText(/^Kontrolsummen (er referatets fingeraftryk|dækker referatet og dets)/)).toBeVisible();

  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), june.id);
  await expect(page.getByRole('button', { name: '+ Tillægspunkt' })).toBeEnabled();
  await page.getByRole('button', { name: '+ Tillægspunkt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nyt tillægspunkt' });
  await dialog.getByRole('textbox', { name: 'Titel' }).fill('Beredskabets sommerberedskab');
  await dialog.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(dialog).toBeHidden();
  // The new item opens ready to write in.
  await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Beredskabets sommerberedskab');
  await expect(page.getByRole('textbox', { name: 'Titel' })).not.toHaveAttribute('readonly', '');
});

test('one formatting toolbar on screen, one focus ring, and the roll call names each member once', async ({ page, app }) => {
  test.setTimeout(150_000);
  await call(app.ctx, 'exchange.import', { document: JSON.parse(fs.readFileSync(RICH, 'utf8')) as unknown });
  const obu = (await call(app.ctx, 'committees.list', {})).find((c) => c.shortName === 'OBU')!;
  const june = (await call(app.ctx, 'meetings.list', { committeeId: obu.id, year: 2026 })).find((m) => m.start.startsWith('2026-06-02'))!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open(page);
  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), june.id);
  await expect(page.getByRole('textbox', { name: 'Titel' })).toBeVisible();

  const shownToolbars = (): Promise<number> => page.locator('.rte-toolbar').evaluateAll((els) => els.filter((e) => getComputedStyle(e).opacity !== '0').length);
  expect(await page.locator('.rte-toolbar').count()).toBeGreaterThan(1);
  expect(await shownToolbars()).toBe(0);
  await page.getByRole('textbox', { name: 'Sagsfremstilling' }).click();
  await expect.poll(shownToolbars).toBe(1);
  await expect(page.getByRole('toolbar', { name: 'Formatering: Sagsfremstilling' }).getByRole('button', { name: 'Fed' })).toBeVisible();
  // Focus arriving moves nothing on the page.
  const before = await page.getByRole('textbox', { name: 'Sagsresume' }).boundingBox();
  await page.getByRole('textbox', { name: 'Sagsresume' }).click();
  expect(await page.getByRole('textbox', { name: 'Sagsresume' }).boundingBox()).toEqual(before);

  // A dialog opened from the keyboard rings its first field, not the whole dialog.
  await page.getByRole('button', { name: '+ Nyt punkt' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Nyt punkt' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const rings = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => getComputedStyle(el).boxShadow.includes('122, 167, 224')).map((el) => el.getAttribute('role') ?? el.tagName.toLowerCase()));
  expect(rings).toEqual(['input']);
  await page.keyboard.press('Escape');

  await page.evaluate((id) => (location.hash = `#/meeting/${id}/meetingday`), june.id);
  await page.getByRole('tab', { name: 'Fremmøde' }).click();
  const seat = page.locator('.md-seat').first();
  const name = (await seat.locator('.md-seat-name strong').innerText()).trim();
  // What the eye sees: the labels kept for a screen reader and the hidden native selects left out.
  const seen = await seat.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.visually-hidden, [aria-hidden="true"][data-react-aria-prevent-focus], select, [data-testid="hidden-select-container"]').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
  expect(seen.split(name).length - 1).toBe(1);
  await expect(page.getByRole('button', { name: new RegExp(`Suppleant for ${name}`) })).toBeVisible();
});
