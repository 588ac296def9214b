// The Publicér dialog on the committee screen: it says what the year's website will carry, shows a
// meeting's public page (a closed item only by its public title), and in the browser version hands
// over the site as a .zip whose pages are the ones previewed.
import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

test('the Publicér dialog previews the public meeting page and downloads the year as a .zip', async ({ page, app }, testInfo) => {
  // The .zip prints the meeting's PDF in the core's own Chromium: seconds, more on a loaded machine.
  test.setTimeout(180_000);
  const c = await call(app.ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', numbering: 'per-meeting' });
  const m = await call(app.ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-23T17:00' });
  await call(app.ctx, 'agenda.addItem', { meetingId: m.id, title: 'Cykelsti langs Ribevej', access: 'open' });
  await call(app.ctx, 'agenda.addItem', { meetingId: m.id, title: 'Køb af Storegade 5', access: 'closed' });
  await call(app.ctx, 'meetings.setStatus', { id: m.id, status: 'agenda-published' });
  await call(app.ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-01T17:00' });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/committee/${id}`), c.id);
  await page.getByRole('button', { name: 'Publicér …' }).click();

  const dialog = page.getByRole('dialog', { name: 'Publicér Teknik- og Miljøudvalget 2026 på hjemmesiden' });
  await expect(dialog.getByText('Hjemmesiden for 2026 får 1 møde med dagsorden eller referat og mødeplanen med alle 2 møder (.html og .ics).', { exact: false })).toBeVisible();
  const preview = dialog.frameLocator('iframe[title="Forhåndsvisning af den offentlige mødeside"]');
  await expect(preview.getByText('Cykelsti langs Ribevej').first()).toBeVisible();
  await expect(preview.locator('body')).not.toContainText('Køb af Storegade 5');
  await expect(dialog.getByText('Browserudgaven kan ikke skrive i en mappe', { exact: false })).toBeVisible();
  for (const [width, height] of [[1024, 768], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/publish-dialog-${width}.png` });
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(height);
  }

  // The download is saved before the test ends: a download still streaming when the page closes
  // would leave the test's teardown waiting on it.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: 'Hent hjemmesiden som .zip' }).click()]);
  expect(download.suggestedFilename()).toBe('Teknik- og Miljøudvalget 2026 - hjemmeside.zip');
  const saved = path.join(testInfo.outputPath(), download.suggestedFilename());
  await download.saveAs(saved);
  const files = unzipSync(new Uint8Array(fs.readFileSync(saved)));
  // What the web team gets: the year's index and mødeplan, the published meeting's pages and its
  // public PDF, the manifest; the planned September meeting only in the mødeplan.
  expect(Object.keys(files).sort()).toEqual([
    '2026/2026-06-23-tmu/2026-06-23-tmu-dagsorden.pdf',
    '2026/2026-06-23-tmu/index.html',
    '2026/2026-06-23-tmu/punkt-1.html',
    '2026/2026-06-23-tmu/punkt-2.html',
    'index.html',
    'moedeplan.html',
    'moedeplan.ics',
    'publication.json',
    'style.css',
  ]);
  const meetingPage = new TextDecoder().decode(files['2026/2026-06-23-tmu/index.html']);
  expect(meetingPage).toContain('Cykelsti langs Ribevej');
  for (const [name, bytes] of Object.entries(files)) if (/\.(html|ics|json|css)$/.test(name)) expect(new TextDecoder().decode(bytes), name).not.toContain('Storegade 5');
  const pdfFile = path.join(testInfo.outputPath(), 'dagsorden.pdf');
  fs.writeFileSync(pdfFile, files['2026/2026-06-23-tmu/2026-06-23-tmu-dagsorden.pdf']!);
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Cykelsti langs Ribevej');
  expect(pdfText).not.toContain('Storegade 5');
  await expect(dialog.getByRole('status')).toContainText(`Teknik- og Miljøudvalget 2026 - hjemmeside.zip er hentet: ${Object.keys(files).length} filer.`);
});
