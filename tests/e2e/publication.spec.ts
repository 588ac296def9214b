// The house style's printing options with their live preview, the publication profile chosen when
// a committee is created, and a closed item's public title, reason and decision as the public
// version prints them.
import type { Locator } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

/** react-aria's switches, radios and checkboxes are hidden inputs under their labels: pressed with the keyboard. */
async function press(locator: Locator): Promise<void> {
  await locator.focus();
  await locator.page().keyboard.press('Space');
}

test('the template editor previews each printing option live, before saving, and keeps them', async ({ page, app }) => {
  test.setTimeout(120_000);
  const c = await call(app.ctx, 'committees.create', { name: 'Børne- og Familieudvalget', numbering: 'per-meeting' });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/committee/${id}`), c.id);
  await page.getByRole('tab', { name: 'Skabelon' }).click();
  const preview = page.frameLocator('iframe[title^="Eksempel"]');
  // Titles print by default; the substitute is in the header.
  await expect(preview.getByText(/Holger Hansen \(formand for udvalget\)/)).toBeVisible();
  await expect(preview.getByText(/Lise Holm \(suppleant for Peter Nielsen\)/)).toBeVisible();

  await press(page.getByRole('switch', { name: /Skriv medlemmernes titler/ }));
  await expect(preview.getByText(/Holger Hansen \(formand for udvalget\)/)).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Overskrift over sagens afsnit' }).fill('Sagsfremstilling');
  await expect(preview.getByRole('heading', { level: 2, name: 'Sagsfremstilling' })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3, name: 'Sagsresume' })).toBeVisible();
  await press(page.getByRole('switch', { name: /Nævn suppleanten i deltagerlisten/ }));
  await expect(preview.getByText('Suppleant Lise Holm deltog i stedet for Peter Nielsen').first()).toBeVisible();
  await press(page.getByRole('switch', { name: /Gentag »Afbud:«/ }));
  // The attendance lines under the decision and again after the attachments.
  await expect(preview.getByText('Suppleant Lise Holm deltog i stedet for Peter Nielsen')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/template-live-preview.png' });

  await page.getByRole('button', { name: 'Gem skabelon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible();
  expect((await call(app.ctx, 'committees.get', { id: c.id })).template).toMatchObject({
    memberTitles: false,
    sectionsHeading: 'Sagsfremstilling',
    substituteInHeader: false,
    attendanceAtEnd: true,
  });
});

test('a council-style committee publishes a closed item under its public title, with its reason and decision', async ({ page, app }) => {
  test.setTimeout(180_000);
  await app.open(page);
  // The profile is chosen when the committee is created.
  await page.getByRole('button', { name: '+ Nyt udvalg' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret udvalg' });
  await dialog.getByRole('textbox', { name: 'Udvalgets navn' }).fill('Kommunalbestyrelsen');
  await dialog.getByRole('button', { name: /Offentliggørelse af lukkede punkter/ }).click();
  await page.getByRole('option', { name: /Kommunalbestyrelse: titel, begrundelse og beslutning/ }).click();
  await dialog.getByRole('button', { name: 'Opret' }).click();
  await expect(dialog).toBeHidden();
  const [summary] = await call(app.ctx, 'committees.list', {});
  expect((await call(app.ctx, 'committees.get', { id: summary!.id })).publicationProfile).toBe('council');
  await page.getByRole('tab', { name: 'Indstillinger' }).click();
  await expect(page.getByRole('button', { name: /Offentliggørelse af lukkede punkter/ })).toContainText('Kommunalbestyrelse');

  const meeting = await call(app.ctx, 'meetings.create', { committeeId: summary!.id, start: '2026-06-23T17:00' });
  const item = await call(app.ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Køb af Storegade 5 fra Jens Hansen', caseNumber: '26/999', access: 'closed' });

  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), meeting.id);
  const panel = page.getByRole('region', { name: 'Offentlig udgave af det lukkede punkt' });
  await expect(panel.getByText(/Udvalget offentliggør som kommunalbestyrelsen/)).toBeVisible();
  // No decision yet: whether it is published is chosen once it is made.
  await expect(panel.getByText(/Punktet har endnu ingen beslutning/)).toBeVisible();
  await panel.getByRole('textbox', { name: 'Offentlig titel' }).fill('Køb af ejendom');
  await panel.getByRole('button', { name: /Begrundelse for at lukke punktet/ }).click();
  await page.getByRole('option', { name: 'Køb eller salg af fast ejendom' }).click();
  await panel.getByRole('textbox', { name: 'Uddybning af begrundelsen' }).fill('kommunestyrelseslovens § 10');
  await expect(page.getByText('Gemt', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/closed-item-public.png' });

  await expect
    .poll(async () => (await call(app.ctx, 'agenda.getItem', { itemId: item.id })).publication)
    .toEqual({ publicTitle: 'Køb af ejendom', closedReason: { kind: 'property', text: 'kommunestyrelseslovens § 10' }, hasDecision: false, decisionPublic: null });

  // After the meeting: the decision is published by default under this profile, then withheld here.
  await call(app.ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved', text: 'Købet godkendes.' });
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/documents`), meeting.id);
  await press(page.getByRole('radio', { name: 'Referat' }));
  await press(page.getByRole('checkbox', { name: /Offentlig udgave/ }));
  const doc = page.frameLocator('iframe[title^="Forhåndsvisning"]');
  await expect(doc.getByRole('heading', { name: 'Punkt 1: Køb af ejendom' })).toBeVisible();
  await expect(doc.getByText('Lukket af hensyn til køb eller salg af fast ejendom (kommunestyrelseslovens § 10).')).toBeVisible();
  await expect(doc.getByText('Købet godkendes.')).toBeVisible();
  await expect(doc.getByText(/Storegade|Jens Hansen|26\/999/)).toHaveCount(0);

  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), meeting.id);
  await panel.getByRole('button', { name: /Beslutningen i den offentlige udgave/ }).click();
  await page.getByRole('option', { name: 'Offentliggøres ikke' }).click();
  await expect.poll(async () => (await call(app.ctx, 'agenda.getItem', { itemId: item.id })).publication.decisionPublic).toBe(false);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/documents`), meeting.id);
  await press(page.getByRole('checkbox', { name: /Offentlig udgave/ }));
  await expect(doc.getByRole('heading', { name: 'Punkt 1: Køb af ejendom' })).toBeVisible();
  await expect(doc.getByText('Købet godkendes.')).toHaveCount(0);
});
