// A received attachment titled "Budgetforslag 2027 (PDF)" whose file is "Budgetforslag 2027.pdf.cmd":
// the editor shows the real file name beside the title, says it is not opened, and "Åbn" hands
// over only an inert download.
import { readFile } from 'node:fs/promises';
import { importDocument } from '../../src-main/core/exchange/import';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { expect, test } from './fixtures';

const PDF = Buffer.from('%PDF-1.7\nHøringssvar\n%%EOF\n');
const CMD = Buffer.from('@echo off\r\npowershell -enc SQBFAFgA\r\n');

test('the real file name stands beside the title, and a disguised program is neither opened nor run', async ({ page, app }) => {
  const meetingId = '5d0c1f5e-2a7b-4c1e-9b7a-3f2e1d0c9b8a';
  await importDocument(
    app.store,
    {
      format: 'referent/v1',
      committees: [
        {
          name: 'Økonomiudvalget',
          numbering: 'per-meeting',
          members: [],
          meetings: [
            {
              id: meetingId,
              start: '2026-09-01T15:00',
              items: [
                {
                  title: 'Budget 2027',
                  attachments: [
                    { title: 'Budgetforslag 2027 (PDF)', sha256: sha256Hex(CMD), file: 'Budgetforslag 2027.pdf.cmd' },
                    { title: 'Høringssvar', sha256: sha256Hex(PDF), file: 'Høringssvar fra MED.pdf' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    { files: new Map([[sha256Hex(CMD), CMD], [sha256Hex(PDF), PDF]]) },
  );
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), meetingId);
  // At 1024 px the item list is a drawer over the editor.
  await page.getByRole('button', { name: 'Punkt 1 · alle 1 punkter' }).click();
  await page.getByRole('button', { name: /^Punkt 1 Budget 2027/ }).click();

  const first = page.locator('li.attachment').nth(0);
  await expect(first.getByRole('textbox', { name: 'Titel på bilag 1' })).toHaveValue('Budgetforslag 2027 (PDF)');
  await expect(first.getByText('Fil: Budgetforslag 2027_pdf_cmd')).toBeVisible();
  await expect(first.getByRole('note')).toHaveText('Åbnes ikke: filtypen er ikke et dokument');
  const second = page.locator('li.attachment').nth(1);
  await expect(second.getByText('Fil: Høringssvar fra MED.pdf')).toBeVisible();
  await expect(second.getByRole('note')).toHaveCount(0);
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/attachments-real-file-name-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(first.getByText('Fil: Budgetforslag 2027_pdf_cmd')).toBeVisible();
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/attachments-real-file-name-1440.png' });

  // The browser shell downloads instead of opening: under the inert name, as bytes nothing runs.
  const download = page.waitForEvent('download');
  await first.getByRole('button', { name: 'Åbn bilaget Budgetforslag 2027 (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Budgetforslag 2027_pdf_cmd');
  expect((await readFile((await file.path())!)).equals(CMD)).toBe(true);
});
