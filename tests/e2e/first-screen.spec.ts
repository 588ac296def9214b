import { expect, test } from './fixtures';
import { fillDate, fillTime } from './fields';

test('create a committee and a meeting; both are still listed after a reload', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'Velkommen til Referent' })).toBeVisible();

  await page.getByRole('button', { name: '+ Nyt udvalg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret udvalg' });
  await dialog.getByRole('textbox', { name: 'Udvalgets navn' }).fill('Organisations- og Beredskabsudvalget');
  await dialog.getByRole('textbox', { name: 'Forkortelse' }).fill('OBU');
  await dialog.getByRole('button', { name: /Nummerering af punkter/ }).click();
  await page.getByRole('option', { name: /Løbende over året/ }).click();
  await dialog.getByRole('textbox', { name: 'Fast mødested' }).fill('Rådhuset, Indg. A, 3. sal, lokale Nørre Vilstrup');
  await dialog.getByRole('button', { name: 'Opret' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Organisations- og Beredskabsudvalget' })).toBeVisible();
  await page.getByRole('button', { name: '+ Nyt møde' }).click();
  const meetingDialog = page.getByRole('dialog', { name: 'Opret møde' });
  await fillDate(meetingDialog, 'Dato', '2026-06-02');
  await fillTime(meetingDialog, 'Starttid', '14:30');
  await meetingDialog.getByRole('button', { name: 'Opret' }).click();
  await expect(meetingDialog).toBeHidden();
  await expect(page.getByRole('link', { name: /Tirsdag den 2\. juni 2026 kl\. 14\.30/ })).toBeVisible();

  await page.reload();
  await app.restart();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: /Organisations- og Beredskabsudvalget/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'År' }).or(page.getByRole('button', { name: /År/ })).first().click();
  await page.getByRole('option', { name: '2026' }).click();
  const meeting = page.getByRole('link', { name: /Tirsdag den 2\. juni 2026 kl\. 14\.30/ });
  await expect(meeting).toBeVisible();
  await expect(page.getByText('Rådhuset, Indg. A, 3. sal, lokale Nørre Vilstrup')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/committee.png' });
});
