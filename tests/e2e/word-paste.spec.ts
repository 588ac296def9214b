// A Word list pasted into an item becomes a real list, in the editor, in what is stored and in the
// agenda as printed: Word's fake bullet ("· Specialklasser") never reaches the documents.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

const fixture = (name: string): string => fs.readFileSync(path.resolve(import.meta.dirname, `../fixtures/word-paste/${name}.html`), 'utf8');

/** Puts HTML on a paste event as the browser does when the secretary presses Ctrl+V after copying in Word. */
async function pasteHtml(page: Page, label: string, html: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).evaluate((box, h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'text');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('a Word list whose bullets are written as text pastes as a real list, and prints without them', async ({ page, app }) => {
  const c = await call(app.ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' });
  const meeting = await call(app.ctx, 'meetings.create', { committeeId: c.id, start: '2027-02-02T14:30' });
  const item = await call(app.ctx, 'agenda.addItem', { meetingId: meeting.id, title: 'Kapacitet i specialtilbud' });
  await app.open(page);
  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), meeting.id);
  const summary = page.getByRole('textbox', { name: 'Sagsresume', exact: true });
  await summary.click();
  await pasteHtml(page, 'Sagsresume', fixture('word-mac-bullets-without-ignore'));
  await expect(summary.locator('ul > li > p')).toHaveText(['Specialklasser', 'Modtageklasser for nyankomne elever', 'på Fællesskolen Hammelev-Sdr. Otting', 'Et ekstra spor i 0. klasse']);
  await expect(summary.locator('ul ul > li')).toHaveText(['på Fællesskolen Hammelev-Sdr. Otting']);
  await expect(summary).not.toContainText('·');

  await page.getByRole('textbox', { name: 'Sagsfremstilling', exact: true }).click();
  await pasteHtml(page, 'Sagsfremstilling', fixture('word365-numbered-lettered'));
  await expect(page.getByRole('textbox', { name: 'Sagsfremstilling', exact: true }).locator('ol ol ol > li')).toHaveText(['den ene placeres i Vojens,', 'den anden i Haderslev,']);

  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  await expect.poll(async () => (await call(app.ctx, 'agenda.getItem', { itemId: item.id })).sections.find((s) => s.kind === 'summary')?.body).toBe(
    'Skoleforvaltningen foreslår, at der i 2027 oprettes:\n\n- Specialklasser\n- Modtageklasser for nyankomne elever\n  - på Fællesskolen Hammelev-Sdr. Otting\n- Et ekstra spor i **0. klasse**\n',
  );
  const printed = await call(app.ctx, 'documents.preview', { meetingId: meeting.id, kind: 'agenda', public: false });
  expect(printed.html).toMatch(/<li>(<p>)?Specialklasser/);
  expect(printed.html).not.toMatch(/[·•]\s*Specialklasser/);
});
