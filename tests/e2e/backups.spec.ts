// Settings → Sikkerhedskopier: the backups beside the database are listed with date, reason, size
// and check; one is made on request; a restore asks first, keeps a copy of the file as it was,
// and the app shows the restored data at once.
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

test('backups are listed, made and restored from the settings screen', async ({ page, app }) => {
  test.setTimeout(120_000);
  await call(app.ctx, 'committees.create', { name: 'Økonomiudvalget', shortName: 'ØU', numbering: 'per-meeting' });
  const first = await call(app.ctx, 'backups.create', {});
  await call(app.ctx, 'committees.create', { name: 'Kulturudvalget', shortName: 'KU', numbering: 'per-meeting' });

  await app.open(page);
  const nav = page.getByRole('navigation', { name: 'Hovednavigation' });
  await expect(nav.getByRole('link', { name: /Kulturudvalget/ })).toBeVisible();
  await nav.getByRole('link', { name: 'Indstillinger' }).click();
  const panel = page.getByRole('region', { name: 'Sikkerhedskopier' });
  const table = panel.getByRole('table', { name: 'Sikkerhedskopier, nyeste først' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Taget manuelt');
  await expect(table.getByRole('row').nth(1)).toContainText('I orden');
  await expect(panel.getByText(/De ligger i .+backups$/)).toBeVisible();

  await panel.getByRole('button', { name: 'Tag en sikkerhedskopi nu' }).click();
  await expect(panel.getByRole('status')).toHaveText('Sikkerhedskopien er taget.');
  await expect(table.getByRole('row')).toHaveCount(3);
  for (const [w, h] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/backups-${w}x${h}.png`, fullPage: true });
  }

  // The older copy (the last row) holds Økonomiudvalget only.
  await table.getByRole('row').last().getByRole('button', { name: /^Gendan sikkerhedskopien fra / }).click();
  const dialog = page.getByRole('dialog', { name: 'Gendan sikkerhedskopi' });
  await expect(dialog).toContainText('Alt, der er ændret siden, forsvinder fra databasen.');
  await expect(dialog).toContainText('Den nuværende database gemmes først som en sikkerhedskopi');
  await page.screenshot({ path: 'test-results/screens/backups-restore-confirm.png' });
  await dialog.getByRole('button', { name: 'Gendan databasen' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('status')).toContainText('Databasen er gendannet fra');
  await expect(nav.getByRole('link', { name: /Kulturudvalget/ })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /Økonomiudvalget/ })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('Før gendannelse');
  expect((await call(app.ctx, 'committees.list', {})).map((c) => c.name)).toEqual(['Økonomiudvalget']);
  expect(first.check).toBe('ok');
});
