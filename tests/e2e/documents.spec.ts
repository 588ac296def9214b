// The documents tab: the preview shows the meeting as it will print, the public version hides the
// closed item, and "Eksportér" downloads a .docx and a PDF holding the same document.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { call } from '../../src-main/core/dispatch';

const RICH = path.resolve(import.meta.dirname, '../fixtures/documents/rich-meeting.json');
const MEETING = '1b7f4c52-3a9e-4d0b-8c61-5e2a9f0d7c31';

test('preview, public version and export of the minutes to .docx and PDF', async ({ page, app }) => {
  // Three documents printed by Chromium (and finished as PDF/UA) on a loaded 2-core machine: well past the default 60 s.
  test.setTimeout(180_000);
  await call(app.ctx, 'exchange.import', { document: JSON.parse(fs.readFileSync(RICH, 'utf8')) });
  await call(app.ctx, 'settings.update', { name: 'Haderslev Kommune' });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/documents`), MEETING);

  // The meeting is held, so the minutes are chosen; the preview shows them.
  const kinds = page.getByRole('radiogroup', { name: 'Dokument' });
  await expect(kinds.getByRole('radio', { name: 'Referat' })).toBeChecked();
  const preview = page.frameLocator('iframe[title^="Forhåndsvisning"]');
  await expect(page.getByTitle('Forhåndsvisning: REFERAT Organisations- og Beredskabsudvalget d. 10-03-2026')).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Punkt 3: Salg af areal ved Vestermarken' })).toBeVisible();
  await expect(preview.getByText('Afstemning – For: 3 (Holger Mikkelsen, Finn Lykkeskov, Anne Juhl)')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/documents-minutes.png' });

  // The public version, chosen with the keyboard: the closed item keeps only its number.
  await page.getByRole('checkbox', { name: /Offentlig udgave/ }).focus();
  await page.keyboard.press('Space');
  await expect(preview.getByRole('heading', { name: 'Punkt 3: Lukket punkt' })).toBeVisible();
  await expect(preview.getByText('Vestermarken')).toHaveCount(0);

  // Export: a .docx download of the public minutes.
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér til Word (.docx)' }).click()]);
  expect(docx.suggestedFilename()).toBe('2026-03-10 OBU Referat - offentlig.docx');
  const docxXml = strFromU8(unzipSync(fs.readFileSync(await docx.path()))['word/document.xml']!);
  expect(docxXml).toContain('Punkt 3: Lukket punkt');
  expect(docxXml).not.toContain('Vestermarken');
  await expect(page.getByRole('status').filter({ hasText: 'Gemt som 2026-03-10 OBU Referat - offentlig.docx' })).toBeVisible();

  // And a PDF, with progress shown while it is made.
  await kinds.getByRole('radio', { name: 'Beslutningsprotokol' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTitle(/Forhåndsvisning: BESLUTNINGSPROTOKOL/)).toBeVisible();
  const pdfButton = page.getByRole('button', { name: 'Eksportér til PDF' });
  const [pdf] = await Promise.all([page.waitForEvent('download'), pdfButton.click(), expect(page.getByRole('progressbar', { name: 'Dokumentet laves …' })).toBeVisible()]);
  expect(pdf.suggestedFilename()).toBe('2026-03-10 OBU Beslutningsprotokol - offentlig.pdf');
  const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('BESLUTNINGSPROTOKOL Organisations- og Beredskabsudvalget d. 10-03-2026');
  expect(text).toContain('Udvalget tiltrådte indstillingen.');
  expect(text).not.toContain('Vestermarken');
  await expect(page.getByRole('status').filter({ hasText: /Gemt som 2026-03-10 OBU Beslutningsprotokol - offentlig\.pdf \(\d+ sider\)/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/documents-decisions-public.png' });

  // The publication package: the public PDF (the fixture stores no attachment files).
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Publiceringspakke til hjemmesiden (.zip)' }).click()]);
  expect(zip.suggestedFilename()).toBe('2026-03-10 OBU Beslutningsprotokol - publicering.zip');
  expect(Object.keys(unzipSync(fs.readFileSync(await zip.path())))).toEqual(['2026-03-10 OBU Beslutningsprotokol - offentlig.pdf']);
  await expect(page.getByRole('status').filter({ hasText: /1 fil; 1 bilag mangler deres fil/ })).toBeVisible();
});
