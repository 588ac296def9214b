// Every screen at a small laptop (1024x768) and a common desktop (1440x900): the window itself never
// scrolls (only panes do), nothing overflows to the right, and a screenshot of each is kept.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json'), 'utf8')) as unknown;
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

/** The window's own scroll extent, after trying to scroll it by wheel (over the sidebar and the main pane) and by keyboard. */
async function expectNoWindowScroll(page: Page, screen: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.mouse.move(100, height - 100);
  await page.mouse.wheel(0, 3000);
  await page.mouse.move(width - 200, height / 2);
  await page.mouse.wheel(0, 3000);
  await page.mouse.wheel(3000, 0);
  const extent = await page.evaluate(() => {
    const se = document.scrollingElement!;
    return { scrollHeight: se.scrollHeight, scrollWidth: se.scrollWidth, scrollTop: se.scrollTop, innerHeight, innerWidth };
  });
  expect({ screen, ...extent }).toEqual({ screen, scrollHeight: height, scrollWidth: width, scrollTop: 0, innerHeight: height, innerWidth: width });
  // Nor does any pane scroll sideways, except a wide table made to (marked data-scroll-x).
  const sideways = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-scroll-x]'))
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.scrollWidth}>${el.clientWidth}`),
  );
  expect({ screen, sideways }).toEqual({ screen, sideways: [] });
}

const go = (page: Page, hash: string): Promise<string> => page.evaluate((h) => (location.hash = h), hash);

async function look(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await expectNoWindowScroll(page, name);
  await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
}

for (const size of SIZES) {
  test(`every screen at ${size.width}x${size.height}: no window scroll, no overflow to the right`, async ({ page, app }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await app.open(page);
    await expect(page.getByRole('heading', { name: 'Velkommen til Referent' })).toBeVisible();
    await look(page, 'first-screen');

    await call(app.ctx, 'exchange.import', { document: fixture });
    const obu = (await call(app.ctx, 'committees.list', {})).find((c) => c.shortName === 'OBU')!;
    const meetings = await call(app.ctx, 'meetings.list', { committeeId: obu.id, year: 2026 });
    const june = meetings.find((m) => m.start.startsWith('2026-06-02'))!;
    const april = meetings.find((m) => m.start.startsWith('2026-04-07'))!;
    await page.reload();

    await go(page, `#/committee/${obu.id}`);
    await expect(page.getByRole('heading', { level: 1, name: obu.name })).toBeVisible();
    await look(page, 'committee-meetings');
    for (const [tab, name] of [['Medlemmer', 'committee-members'], ['Skabelon', 'committee-template'], ['Indstillinger', 'committee-settings']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await look(page, name);
    }

    await go(page, `#/meeting/${june.id}/agenda`);
    await expect(page.getByRole('textbox', { name: 'Titel' })).toBeVisible();
    await look(page, 'agenda-editor');
    await go(page, `#/meeting/${april.id}/agenda`);
    await expect(page.getByRole('textbox', { name: 'Titel' })).toBeVisible();
    await look(page, 'agenda-approved');

    await go(page, `#/meeting/${june.id}/meetingday`);
    for (const [tab, name] of [['Fremmøde', 'meetingday-rollcall'], ['Mødetilstand', 'meeting-mode'], ['Godkendelse', 'meetingday-approval']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await look(page, name);
    }
    await go(page, `#/meeting/${april.id}/meetingday`);
    await expect(page.getByText('Referatet er godkendt og låst')).toBeVisible();
    await look(page, 'meetingday-locked');

    await go(page, `#/meeting/${june.id}/documents`);
    await expect(page.getByRole('button', { name: /Eksportér til PDF/ })).toBeVisible();
    await look(page, 'documents');

    await go(page, '#/calendar');
    await expect(page.getByRole('heading', { level: 1, name: 'Mødekalender' })).toBeVisible();
    await look(page, 'calendar');
    await go(page, '#/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
    await look(page, 'settings');
    await go(page, '#/search/h%C3%B8ringssvar');
    await expect(page.getByRole('link', { name: /Digitaliseringsstrategi/ })).toBeVisible();
    await look(page, 'search');
  });
}
