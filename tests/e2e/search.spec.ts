import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8')) as unknown;

test('search from the sidebar finds an item by a word in its text and opens its meeting', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: fixture });
  await app.open(page);
  const field = page.getByRole('searchbox', { name: 'Søg i punkter' });
  await field.fill('høringssvar');
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'Søgning: høringssvar' })).toBeVisible();
  const results = page.getByRole('list', { name: '1 punkt fundet' });
  await expect(results.getByText('Organisations- og Beredskabsudvalget · 07-04-2026 · 22/22880')).toBeVisible();
  await expect(results.locator('mark')).toHaveText('Høringssvar');
  await results.getByRole('link', { name: 'Punkt 2: Digitaliseringsstrategi 2026 - 2028' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tirsdag d. 07. april 2026 kl. 14:30' })).toBeVisible();

  await field.fill('tandlægebesøg');
  await field.press('Enter');
  await expect(page.getByText('Ingen punkter matcher »tandlægebesøg«.')).toBeVisible();
});
