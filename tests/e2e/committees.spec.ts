import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { fillDate, fillTime } from './fields';

test('members, template and meetings of a committee are kept through the UI', async ({ page, app }) => {
  test.setTimeout(120_000);
  await call(app.ctx, 'committees.create', { name: 'Børne- og Familieudvalget', shortName: 'BFU', numbering: 'per-meeting', defaults: { location: 'Byrådssalen', start: '16:00' } });
  await app.open(page);
  await page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: /Børne- og Familieudvalget/ }).click();

  // Members: two added, one leaves and is kept apart.
  await page.getByRole('tab', { name: 'Medlemmer' }).click();
  for (const m of [
    { name: 'Holger Mikkelsen', role: 'Formand', party: 'V' },
    { name: 'Mette Baltersen Isen', role: 'Medlem', party: 'A' },
  ]) {
    await page.getByRole('button', { name: '+ Tilføj medlem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tilføj medlem' });
    await dialog.getByRole('textbox', { name: 'Navn' }).fill(m.name);
    await dialog.getByRole('button', { name: /Rolle/ }).click();
    await page.getByRole('option', { name: m.role, exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Parti' }).fill(m.party);
    await fillDate(dialog, 'Medlem fra', '2026-01-01');
    await dialog.getByRole('button', { name: 'Tilføj medlem' }).click();
    await expect(dialog).toBeHidden();
  }
  const current = page.getByRole('table', { name: 'Nuværende medlemmer' });
  await expect(current.getByRole('row', { name: /Holger Mikkelsen Formand/ })).toBeVisible();
  await page.getByRole('button', { name: 'Afslut medlemskabet for Mette Baltersen Isen' }).click();
  const end = page.getByRole('dialog', { name: 'Afslut medlemskab for Mette Baltersen Isen' });
  await fillDate(end, 'Sidste dag i udvalget', '2026-03-31');
  await end.getByRole('button', { name: 'Afslut medlemskab' }).click();
  await expect(page.getByRole('table', { name: 'Tidligere medlemmer' }).getByRole('row', { name: /Mette Baltersen Isen Medlem\s+A 01\.01\.2026 – 31\.03\.2026/ })).toBeVisible();
  await expect(current.getByRole('row', { name: /Mette/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/committee-members.png' });

  // Template: another municipality's house style, and the standard items every meeting starts with.
  await page.getByRole('tab', { name: 'Skabelon' }).click();
  await page.getByRole('textbox', { name: 'Overskrift for Sagsresume' }).fill('Resume og sagens baggrund');
  await page.getByRole('button', { name: /Beslutningens placering/ }).click();
  await page.getByRole('option', { name: 'Før sagens afsnit' }).click();
  await page.getByRole('textbox', { name: 'Overskrift over beslutningen' }).fill('Beslutning i {udvalg} den {dato} kl. {kl}');
  await expect(page.getByText('Beslutning i Børne- og Familieudvalget den 02-06-2026 kl. 14:30')).toBeVisible();
  await page.getByRole('switch', { name: 'Skriv »Afbud:« og »Fraværende:« under hvert punkt' }).focus();
  await page.keyboard.press('Space');
  for (const [i, s] of [
    { title: 'Godkendelse af dagsorden', role: 'Godkendelse af dagsorden', position: 'Først' },
    { title: 'Underskriftsside', role: 'Underskriftsside', position: 'Sidst' },
  ].entries()) {
    await page.getByRole('button', { name: '+ Tilføj fast punkt' }).click();
    await page.getByRole('textbox', { name: `Titel på fast punkt ${i + 1}` }).fill(s.title);
    await page.getByRole('button', { name: new RegExp(`Rolle for fast punkt ${i + 1}`) }).click();
    await page.getByRole('option', { name: s.role }).click();
    await page.getByRole('button', { name: new RegExp(`Placering af fast punkt ${i + 1}`) }).click();
    await page.getByRole('option', { name: s.position }).click();
  }
  await page.getByRole('button', { name: 'Gem skabelon' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gemt.' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/committee-template.png', fullPage: true });
  const [summary] = await call(app.ctx, 'committees.list', {});
  const stored = await call(app.ctx, 'committees.get', { id: summary!.id });
  expect(stored.template).toMatchObject({
    headings: { summary: 'Resume og sagens baggrund' },
    decisionFirst: true,
    decisionHeading: 'Beslutning i {udvalg} den {dato} kl. {kl}',
    attendanceUnderItems: true,
    standardItems: [
      { title: 'Godkendelse af dagsorden', role: 'agenda-approval', position: 'first' },
      { title: 'Underskriftsside', role: 'signature', position: 'last' },
    ],
  });
  expect(stored.members.map((m) => `${m.name} ${m.until ?? ''}`)).toEqual(['Holger Mikkelsen ', 'Mette Baltersen Isen 2026-03-31']);

  // Meetings: a new one starts with the standard items; edit its time; cancel only once it is empty.
  await page.getByRole('tab', { name: 'Møder' }).click();
  await page.getByRole('button', { name: /År/ }).first().click();
  await page.getByRole('option', { name: '2026' }).click();
  await page.getByRole('button', { name: '+ Nyt møde' }).click();
  const create = page.getByRole('dialog', { name: 'Opret møde' });
  await fillDate(create, 'Dato', '2026-09-08');
  await create.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByRole('link', { name: /Tirsdag den 8\. september 2026 kl\. 16\.00/ })).toBeVisible();
  await page.getByRole('button', { name: 'Rediger mødet tirsdag den 8. september 2026 kl. 16.00' }).click();
  const edit = page.getByRole('dialog', { name: 'Rediger møde' });
  await fillTime(edit, 'Starttid', '15:00');
  await edit.getByRole('textbox', { name: 'Mødested' }).fill('Mødelokale 2');
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('link', { name: /Tirsdag den 8\. september 2026 kl\. 15\.00\s*Mødelokale 2/ })).toBeVisible();

  await page.getByRole('button', { name: 'Aflys mødet tirsdag den 8. september 2026 kl. 15.00' }).click();
  const cancel = page.getByRole('dialog', { name: 'Aflys møde' });
  await expect(cancel.getByText('Mødet har stadig 2 punkter på dagsordenen. Flyt dem til et andet møde eller slet dem først.')).toBeVisible();
  await cancel.getByRole('link', { name: 'Åbn dagsordenen' }).click();
  await expect(page.getByRole('textbox', { name: 'Resume og sagens baggrund' })).toBeVisible();
  for (let n = 0; n < 2; n++) {
    await page.getByRole('button', { name: 'Slet punkt', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Slet punkt' });
    await confirm.getByRole('button', { name: 'Slet punktet' }).click();
    await expect(confirm).toBeHidden();
  }
  await expect(page.getByText('Dagsordenen har endnu ingen punkter.')).toBeVisible();
  await page.getByRole('link', { name: /Tilbage til Børne- og Familieudvalget/ }).click();
  await page.getByRole('button', { name: /År/ }).first().click();
  await page.getByRole('option', { name: '2026' }).click();
  await page.getByRole('button', { name: 'Aflys mødet tirsdag den 8. september 2026 kl. 15.00' }).click();
  await page.getByRole('dialog', { name: 'Aflys møde' }).getByRole('button', { name: 'Aflys mødet' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'den 8. september 2026' }).getByText('Aflyst')).toBeVisible();
});
