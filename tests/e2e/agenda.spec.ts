import type { Locator, Page } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { expect, test } from './fixtures';
import { fieldText, fillDate } from './fields';
import { OBU, REFERENCE_ITEMS, SEED_DOCUMENT, type RefItem } from './agenda-reference';

const editor = (page: Page, label: string): Locator => page.getByRole('textbox', { name: label, exact: true });
const toolbarOf = (page: Page, label: string): Locator => page.getByRole('toolbar', { name: `Formatering: ${label}` });

/** Paragraphs typed at the end of a rich-text field, one Enter between them. */
async function typeParagraphs(page: Page, label: string, paragraphs: string[]): Promise<void> {
  const box = editor(page, label);
  await box.click();
  await page.keyboard.press('Control+End');
  for (const [i, p] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(p);
  }
}

async function typeBullets(page: Page, label: string, points: string[]): Promise<void> {
  await editor(page, label).click();
  await toolbarOf(page, label).getByRole('button', { name: 'Punktopstilling' }).click();
  for (const [i, p] of points.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(p);
  }
}

async function attach(page: Page, files: { title: string; closed?: boolean }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Vælg filer …' }).click();
  await (await chooser).setFiles(files.map((f) => ({ name: `${f.title}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${f.title}`) })));
  for (const [i, f] of files.entries()) {
    await expect(page.getByRole('textbox', { name: `Titel på bilag ${i + 1}` })).toHaveValue(f.title);
    if (f.closed) {
      const closed = page.getByRole('switch', { name: `Lukket bilag: ${f.title}` });
      await closed.focus();
      await page.keyboard.press('Space');
      await expect(closed).toBeChecked();
    }
  }
}

async function composeItem(page: Page, item: RefItem): Promise<void> {
  if (item.standard) {
    await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: new RegExp(`^Punkt \\d+ ${item.title}`) }).click();
    await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue(item.title);
    await page.getByRole('textbox', { name: 'Sagsnummer' }).fill(item.caseNumber);
  } else {
    await page.getByRole('button', { name: '+ Nyt punkt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nyt punkt' });
    await dialog.getByRole('textbox', { name: 'Titel' }).fill(item.title);
    await dialog.getByRole('textbox', { name: 'Sagsnummer' }).fill(item.caseNumber);
    await dialog.getByRole('button', { name: 'Tilføj punkt' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue(item.title);
  }
  if (item.summary) await typeParagraphs(page, 'Sagsresume', item.summary);
  if (item.intro) await page.getByRole('textbox', { name: 'Indstillingens indledning' }).fill(item.intro);
  if (item.points) await typeBullets(page, 'Indstillingens punkter', item.points);
  if (item.presentation) await typeParagraphs(page, 'Sagsfremstilling', item.presentation);
  if (item.legal) {
    await page.getByRole('button', { name: '+ Juridiske aspekter' }).click();
    await typeParagraphs(page, 'Juridiske aspekter', item.legal);
  }
  if (item.council) {
    await page.getByRole('button', { name: '+ Tilføj led' }).click();
    await page.getByRole('textbox', { name: 'Behandles af (led 2)' }).fill('Kommunalbestyrelsen');
    await fillDate(page, 'Dato (led 2)', '2026-06-23');
  }
  if (item.attachments) await attach(page, item.attachments);
  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
}

async function juneMeeting(ctx: CoreContext) {
  const doc = await call(ctx, 'exchange.export', { committee: 'OBU', year: 2026 });
  return doc.committees[0]!.meetings.find((m) => m.start === '2026-06-02T14:30')!;
}

test('compose the reference agenda through the UI: Punkt 42..52 in order, formatting kept, nothing lost on reload', async ({ page, app }) => {
  test.setTimeout(300_000);
  await call(app.ctx, 'exchange.import', { document: SEED_DOCUMENT });
  await app.open(page);
  await page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: /Organisations- og Beredskabsudvalget/ }).click();
  await page.getByRole('button', { name: /År/ }).first().click();
  await page.getByRole('option', { name: '2026' }).click();

  await page.getByRole('button', { name: '+ Nyt møde' }).click();
  const meetingDialog = page.getByRole('dialog', { name: 'Opret møde' });
  await fillDate(meetingDialog, 'Dato', '2026-06-02');
  await expect.poll(() => fieldText(meetingDialog, 'Starttid')).toBe('14.30');
  await meetingDialog.getByRole('button', { name: 'Opret' }).click();
  await expect(meetingDialog).toBeHidden();
  const juneLink = page.getByRole('link', { name: /Tirsdag den 2\. juni 2026 kl\. 14\.30/ });
  await expect(juneLink).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/meeting-list.png' });

  await juneLink.click();
  await expect(page.getByRole('tab', { name: 'Dagsorden', selected: true })).toBeVisible();
  const list = page.getByRole('list', { name: 'Punkter på dagsordenen' });
  await expect(list.getByRole('listitem')).toHaveText([/Punkt 42\s*Godkendelse af dagsorden/, /Punkt 43\s*Gensidig orientering/, /Punkt 44\s*Underskriftsside/]);

  for (const item of REFERENCE_ITEMS) await composeItem(page, item);

  // Bold text and a table, typed with the editor's own controls.
  await list.getByRole('button', { name: /^Punkt 43 Databeskyttelses/ }).click();
  await typeParagraphs(page, 'Sagsresume', ['', 'Rapportens konklusioner omfatter ']);
  await page.keyboard.press('Control+B');
  await page.keyboard.insertText('opdatering af oplysningspligten');
  await page.keyboard.press('Control+B');
  await page.keyboard.insertText(' og undervisning i brug af AI.');
  await list.getByRole('button', { name: /^Punkt 45 KL's Baseline/ }).click();
  await typeParagraphs(page, 'Sagsfremstilling', ['']);
  await toolbarOf(page, 'Sagsfremstilling').getByRole('button', { name: 'Indsæt tabel' }).click();
  for (const [i, cell] of ['Område', 'Placering', 'Score', 'ISO27001', 'nr. 40', '3,9', 'CIS18', 'nr. 59', '3,7'].entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.insertText(cell);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();

  await page.reload();
  await app.restart();
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(11);
  await expect(list.getByRole('listitem')).toHaveText(REFERENCE_ITEMS.map((item, i) => new RegExp(`Punkt ${42 + i}\\s*${item.title.replace(/[()]/g, '\\$&')}`)));

  const stored = await juneMeeting(app.ctx);
  expect(stored.items.map((i) => `${i.number} ${i.title} ${i.caseNumber}`)).toEqual(REFERENCE_ITEMS.map((item, i) => `${42 + i} ${item.title} ${item.caseNumber}`));
  const dpo = stored.items[1]!;
  expect(dpo.sections?.find((s) => s.kind === 'summary')?.body).toContain('**opdatering af oplysningspligten**');
  expect(dpo.sections?.find((s) => s.kind === 'recommendation')?.body).toBe(`${REFERENCE_ITEMS[1]!.intro}\n\n- orienteringen tages til efterretning.`);
  expect(dpo.route).toEqual([{ body: OBU, date: '2026-06-02' }, { body: 'Kommunalbestyrelsen', date: '2026-06-23' }]);
  expect(dpo.attachments?.map((a) => a.title)).toEqual(['DPO Audit 2025 - Rapport til Haderslev Kommune', 'Styregruppen for Digital Fremtids indsatsområder 2026-27 - Maj 2026']);
  const calendar = stored.items[8]!;
  expect(calendar.sections?.find((s) => s.kind === 'recommendation')?.body).toMatch(/- udvalgets mødekalender for 2027 godkendes\n- mødetidspunkt og mødested fastsættes\./);
  expect(calendar.sections?.map((s) => s.kind)).toEqual(['summary', 'recommendation', 'presentation', 'legal']);
  const baseline = stored.items[3]!;
  expect(baseline.sections?.find((s) => s.kind === 'presentation')?.body).toMatch(/\| Område\s*\| Placering\s*\| Score\s*\|\n\| -+ \| -+ \| -+ \|\n\| ISO27001\s*\| nr\. 40\s*\| 3,9\s*\|/);
  expect(baseline.attachments).toEqual([expect.objectContaining({ title: 'Oversigt over bevægelse i kategorierne', access: 'closed' })]);
  expect(stored.items.reduce((n, i) => n + (i.attachments?.length ?? 0), 0)).toBe(12);

  // Typed one second before a reload: still there afterwards, on screen and in the store.
  await list.getByRole('button', { name: /^Punkt 47 Kunstig intelligens/ }).click();
  await typeParagraphs(page, 'Sagsfremstilling', ['Forvaltningen uddyber på mødet.']);
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(editor(page, 'Sagsfremstilling')).toContainText('Forvaltningen uddyber på mødet.');
  const ai = (await juneMeeting(app.ctx)).items[5]!;
  expect(ai.sections?.find((s) => s.kind === 'presentation')?.body).toContain('Forvaltningen uddyber på mødet.');

  await list.getByRole('button', { name: /^Punkt 43 Databeskyttelses/ }).click();
  await expect(editor(page, 'Sagsresume')).toContainText('opdatering af oplysningspligten');
  await page.screenshot({ path: 'test-results/screens/agenda-editor.png', fullPage: false });
  await page.getByRole('heading', { name: 'Bilag' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/agenda-editor-attachments.png', fullPage: false });
});
