// Someone else changes the item this page has open: the next autosave from the page is refused,
// the page says who changed what and when, shows the item as it now is, and edits again from there.
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { oneMeeting as document } from './one-meeting';

test('an edit made from an item changed meanwhile is refused with who and when, and the item is reloaded', async ({ page, app }) => {
  test.setTimeout(90_000);
  await call(app.ctx, 'exchange.import', { document });
  const [committee] = await call(app.ctx, 'committees.list', {});
  const [meeting] = await call(app.ctx, 'meetings.list', { committeeId: committee!.id });
  const itemId = (await call(app.ctx, 'agenda.get', { meetingId: meeting!.id })).items[1]!.id;

  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open(page);
  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), meeting!.id);
  await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning/ }).click();
  await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Budgetopfølgning');

  // Another secretary renames the item while this page has it open.
  await call({ ...app.ctx, author: 'Anne Holm' }, 'agenda.updateItem', { itemId, title: 'Budgetopfølgning 2. kvartal' });

  await page.getByRole('textbox', { name: 'Sagsnummer' }).fill('26/4881');
  const alert = page.getByRole('alert').filter({ hasText: 'blev ændret' });
  await expect(alert).toHaveText(/^Punkt 2 \(Budgetopfølgning 2\. kvartal\) blev ændret af Anne Holm kl\. \d\d:\d\d den \d\d-\d\d-\d{4} \(titel\), efter du åbnede det; indlæs det igen for at se ændringen, og ret så igen\.$/);
  // The item as it now is: her title, and the refused case number is not in the field.
  await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Budgetopfølgning 2. kvartal');
  await expect(page.getByRole('textbox', { name: 'Sagsnummer' })).toHaveValue('');
  await expect(page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning 2\. kvartal/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/stale-edit-1440.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(alert).toBeVisible();
  await page.screenshot({ path: 'test-results/stale-edit-1024.png' });
  let stored = await call(app.ctx, 'agenda.getItem', { itemId });
  expect([stored.title, stored.caseNumber]).toEqual(['Budgetopfølgning 2. kvartal', null]);

  // Edited again from the reloaded item, the change is stored and her title kept.
  await page.getByRole('textbox', { name: 'Sagsnummer' }).fill('26/4881');
  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  stored = await call(app.ctx, 'agenda.getItem', { itemId });
  expect([stored.title, stored.caseNumber]).toEqual(['Budgetopfølgning 2. kvartal', '26/4881']);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Sagsnummer' })).toHaveValue('26/4881');
});
