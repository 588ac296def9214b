// Search as she types, from the sidebar or Ctrl+K anywhere: the hit opens the matched item itself
// (not the meeting's first item) with the words marked in its text; the full list is one step away.
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8')) as unknown;

test('results appear as she types; Enter opens the matched item with the match marked', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: fixture });
  await app.open(page);
  // Typed into the sidebar field: the search window takes over, with results and no Enter needed.
  await page.getByRole('searchbox', { name: 'Søg i punkter' }).first().pressSequentially('høringssvar');
  const palette = page.getByRole('dialog', { name: 'Søg i punkter' });
  await expect(palette).toBeVisible();
  const results = palette.getByRole('listbox', { name: 'Fundne punkter' });
  await expect(results.getByRole('option', { name: /Punkt 2: Digitaliseringsstrategi 2026 - 2028/ })).toBeVisible();
  await expect(results.locator('mark')).toHaveText('Høringssvar');
  await expect(results.getByText('Organisations- og Beredskabsudvalget · 07.04.2026 · 22/22880')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();

  // The meeting opens at the item that matched (item 2, not item 1), the word marked in its text.
  await expect(page.getByRole('heading', { level: 1, name: /7\. april 2026/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveValue('Digitaliseringsstrategi 2026 - 2028');
  await expect(page.locator('.search-mark')).toHaveText(['Høringssvar']);
  await expect(page.getByRole('status').filter({ hasText: 'Søgningen »høringssvar« fandt dette punkt. 1 sted er markeret.' })).toBeVisible();
  // Only the item's pane scrolled to the mark: the screen around it stayed put.
  expect(await page.evaluate(() => [document.scrollingElement!.scrollTop, document.querySelector('.main')!.scrollTop])).toEqual([0, 0]);
  await expect(page.getByRole('heading', { level: 1, name: /7\. april 2026/ })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/search-opened-item.png' });
  await page.getByRole('button', { name: 'Fjern markering' }).click();
  await expect(page.locator('.search-mark')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveValue('Digitaliseringsstrategi 2026 - 2028');
});

test('Ctrl+K opens the search from anywhere; no match says so; the full list opens the item too', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: fixture });
  await app.open(page);
  await page.getByRole('link', { name: 'Mødekalender' }).click();
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Søg i punkter' });
  await expect(palette.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('tandlægebesøg');
  await expect(palette.getByText('Ingen punkter matcher »tandlægebesøg«.')).toBeVisible();
  await palette.getByRole('searchbox').fill('personalesag');
  await expect(palette.getByRole('option', { name: /Punkt 3: Personalesag/ })).toBeVisible();
  await palette.getByRole('button', { name: 'Vis alle resultater' }).click();
  await expect(page.getByRole('heading', { name: 'Søgning: personalesag' })).toBeVisible();
  await page.getByRole('list', { name: '1 punkt fundet' }).getByRole('link', { name: 'Punkt 3: Personalesag' }).click();
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveValue('Personalesag');
  await expect(page.locator('.search-mark')).toHaveText(['personalesag']);
});

test('filters narrow the full list by committee, year, outcome and open/closed; a hit in a decision opens meeting mode at its item', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: fixture });
  await app.open(page);
  await page.evaluate(() => (location.hash = '#/search/godkendt'));
  const list = page.getByRole('list', { name: /fundet/ });
  await expect(list.getByRole('link')).not.toHaveCount(0);
  const before = await list.getByRole('link').count();
  await page.getByRole('button', { name: /Åbne og lukkede/ }).click();
  await page.getByRole('option', { name: 'Kun lukkede punkter' }).click();
  await expect(list.getByRole('link')).toHaveText(['Punkt 3: Personalesag']);
  expect(before).toBeGreaterThan(1);
  await page.getByRole('button', { name: /År/ }).click();
  await page.getByRole('option', { name: '2025' }).click();
  await expect(page.getByText('Ingen punkter matcher »godkendt«.')).toBeVisible();
  // The filters are in the address: Back returns to the list as it was.
  await page.goBack();
  await expect(list.getByRole('link')).toHaveText(['Punkt 3: Personalesag']);
  await page.screenshot({ path: 'test-results/screens/search-filters.png' });

  await page.evaluate(() => (location.hash = '#/search/udsat'));
  await page.getByRole('button', { name: /Beslutning/ }).click();
  await page.getByRole('option', { name: 'Udsat' }).click();
  const hit = page.getByRole('list', { name: '1 punkt fundet' }).getByRole('listitem');
  await expect(hit).toContainText('fundet i beslutningen');
  await hit.getByRole('link', { name: 'Punkt 2: Digitaliseringsstrategi 2026 - 2028' }).click();
  await expect(page.getByRole('tab', { name: 'Mødetilstand', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Punkt 2: Digitaliseringsstrategi 2026 - 2028' })).toBeVisible();
});

test('"Vis flere" adds the next 50 hits by asking for those 50 only, and reaches past 200', async ({ page, app }) => {
  // 260 items that all say "gadebelysning", in five meetings.
  const meetings = Array.from({ length: 5 }, (_, m) => ({
    start: `2025-0${m + 1}-10T15:00`,
    items: Array.from({ length: 52 }, (_, i) => ({ title: `Belysning ${m + 1}.${i + 1}`, sections: [{ kind: 'summary' as const, body: `Udvalget drøftede gadebelysning på vej ${m * 52 + i + 1}.` }] })),
  }));
  await call(app.ctx, 'exchange.import', { document: { format: 'referent/v1', committees: [{ name: 'Teknikudvalget', numbering: 'per-meeting', members: [], meetings }] } });
  const asked: { offset?: number; limit?: number }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/search.items')) asked.push(JSON.parse(r.postData() ?? '{}') as { offset?: number; limit?: number });
  });
  await app.open(page);
  await page.evaluate(() => (location.hash = '#/search/gadebelysning'));
  const list = page.getByRole('list', { name: '260 punkter fundet' });
  await expect(list.getByRole('listitem')).toHaveCount(50);
  const more = page.getByRole('button', { name: 'Vis flere' });
  for (const shown of [100, 150, 200, 250, 260]) {
    await more.click();
    await expect(list.getByRole('listitem')).toHaveCount(shown);
  }
  await expect(more).toBeHidden();
  // Every hit once, the first page's still first.
  const titles = await list.getByRole('link').allTextContents();
  expect(new Set(titles).size).toBe(260);
  expect(asked.map((a) => [a.offset ?? 0, a.limit])).toEqual([[0, 50], [50, 50], [100, 50], [150, 50], [200, 50], [250, 50]]);
});
