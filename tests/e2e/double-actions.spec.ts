// A double click never does a thing twice: each create button, pressed twice while its request is
// on its way, makes one row; a button that opens a dialog, double-clicked, leaves it open.
import type { Locator, Page } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { fillDate, fillTime } from './fields';

/** Creating operations answer slowly, so that the second click surely arrives while the first is on its way. */
async function slowCreates(page: Page): Promise<void> {
  await page.route(/\/api\/(committees\.create|committees\.addMember|meetings\.create|agenda\.addItem|agenda\.copyItem|meetingday\.addAddendum)$/, async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
}

/** Opens a dialog with a double click: it must still be open once the double click is over. */
async function openByDoubleClick(page: Page, button: Locator, dialogName: string): Promise<Locator> {
  await button.dblclick();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await page.waitForTimeout(700);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('double clicks on every create button make one committee, one member, one meeting, one item and one copy', async ({ page, app }) => {
  test.setTimeout(120_000);
  await slowCreates(page);
  await app.open(page);
  // The first screen has loaded (and the sidebar stopped moving) before the first double click.
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen til Referent' })).toBeVisible();

  const newCommittee = await openByDoubleClick(page, page.getByRole('button', { name: '+ Nyt udvalg' }), 'Opret udvalg');
  await newCommittee.getByRole('textbox', { name: 'Udvalgets navn' }).fill('Børne- og Skoleudvalget');
  await newCommittee.getByRole('button', { name: 'Opret' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Børne- og Skoleudvalget' })).toBeVisible();
  const committees = await call(app.ctx, 'committees.list', {});
  expect(committees.map((c) => c.name)).toEqual(['Børne- og Skoleudvalget']);
  const committeeId = committees[0]!.id;

  await page.getByRole('tab', { name: 'Medlemmer' }).click();
  const newMember = await openByDoubleClick(page, page.getByRole('button', { name: '+ Tilføj medlem' }), 'Tilføj medlem');
  await newMember.getByRole('textbox', { name: 'Navn' }).fill('Holger Mikkelsen');
  await newMember.getByRole('button', { name: 'Tilføj medlem' }).dblclick();
  await expect(newMember).toBeHidden();
  await expect(page.getByRole('row', { name: /Holger Mikkelsen/ })).toHaveCount(1);
  expect((await call(app.ctx, 'committees.get', { id: committeeId })).members.map((m) => m.name)).toEqual(['Holger Mikkelsen']);

  await page.getByRole('tab', { name: 'Møder' }).click();
  const newMeeting = await openByDoubleClick(page, page.getByRole('button', { name: '+ Nyt møde' }), 'Opret møde');
  await fillDate(newMeeting, 'Dato', '2027-02-02');
  await fillTime(newMeeting, 'Starttid', '14:30');
  await newMeeting.getByRole('button', { name: 'Opret' }).dblclick();
  await expect(newMeeting).toBeHidden();
  const meetings = await call(app.ctx, 'meetings.list', { committeeId });
  expect(meetings.map((m) => m.start)).toEqual(['2027-02-02T14:30']);
  const second = await call(app.ctx, 'meetings.create', { committeeId, start: '2027-03-02T14:30' });

  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), meetings[0]!.id);
  const newItem = await openByDoubleClick(page, page.getByRole('button', { name: '+ Nyt punkt' }), 'Nyt punkt');
  await newItem.getByRole('textbox', { name: 'Titel' }).fill('Specialklasser');
  await newItem.getByRole('button', { name: 'Tilføj punkt' }).dblclick();
  await expect(newItem).toBeHidden();
  await expect(page.getByRole('list', { name: 'Punkter på dagsordenen' }).getByRole('listitem')).toHaveCount(1);
  expect((await call(app.ctx, 'agenda.get', { meetingId: meetings[0]!.id })).items.map((i) => i.title)).toEqual(['Specialklasser']);

  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), second.id);
  const copy = await openByDoubleClick(page, page.getByRole('button', { name: 'Kopiér punkt fra tidligere møde' }), 'Kopiér punkt fra tidligere møde');
  await copy.getByRole('button', { name: /Fra mødet/ }).click();
  await page.getByRole('option').first().click();
  await copy.getByRole('option', { name: /Specialklasser/ }).click();
  await copy.getByRole('button', { name: 'Kopiér punktet' }).dblclick();
  await expect(copy).toBeHidden();
  expect((await call(app.ctx, 'agenda.get', { meetingId: second.id })).items.map((i) => i.title)).toEqual(['Specialklasser']);
});
