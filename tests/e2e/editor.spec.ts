// The rich-text editor inside the agenda editor, in Chromium: Word paste arrives clean with a notice,
// keyboard formatting and undo work, and what is stored (read back through the Api) is the Markdown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { OBU } from './agenda-reference';
import { expect, test, type App } from './fixtures';

const TITLE = 'Databeskyttelsesrådgiverens årsberetning for 2025';
const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, `../fixtures/word-paste/${name}.html`), 'utf8');

const SEED = {
  format: 'referent/v1',
  committees: [
    {
      name: OBU,
      shortName: 'OBU',
      numbering: 'per-meeting',
      defaults: { location: 'Rådhuset', start: '14:30' },
      members: [],
      meetings: [
        {
          start: '2026-06-02T14:30',
          status: 'planned',
          items: [
            {
              title: TITLE,
              caseNumber: '26/4881',
              sections: [
                { kind: 'summary', body: 'Haderslev Kommune har modtaget årsberetningen fra DPO.\n' },
                { kind: 'presentation', body: 'I årsberetningen har DPO’en fokus på:\n' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

async function storedSections(ctx: CoreContext) {
  const doc = await call(ctx, 'exchange.export', { committee: 'OBU', year: 2026 });
  const item = doc.committees[0]!.meetings[0]!.items.find((i) => i.title === TITLE)!;
  return Object.fromEntries((item.sections ?? []).map((s) => [s.kind, s.body]));
}

/** Opens the seeded item in the agenda editor, as the secretary does from the committee list. */
async function openItem(page: Page, app: App) {
  await app.open(page);
  await page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: /Organisations- og Beredskabsudvalget/ }).click();
  await page.getByRole('button', { name: /År/ }).first().click();
  await page.getByRole('option', { name: '2026' }).click();
  await page.getByRole('link', { name: /Tirsdag den 2\. juni 2026 kl\. 14\.30/ }).click();
  await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: new RegExp(`^Punkt \\d+ ${TITLE}`) }).click();
}

/** Puts HTML on a paste event as the browser does when the secretary presses Ctrl+V after copying in Word. */
async function pasteHtml(page: Page, label: string, html: string) {
  await page.getByRole('textbox', { name: label, exact: true }).evaluate((box, h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'text');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('Word paste, keyboard formatting and undo in an item section end up as clean Markdown', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: SEED });
  await openItem(page, app);

  const presentation = page.getByRole('textbox', { name: 'Sagsfremstilling', exact: true });
  await expect(presentation).toContainText('I årsberetningen har DPO’en fokus på:');

  // A Word list: real nested bullets on screen, no Word markup.
  await presentation.click();
  await page.keyboard.press('Control+End');
  await pasteHtml(page, 'Sagsfremstilling', fixture('list'));
  await expect(presentation.locator('ul ul > li > p')).toHaveText(['opfølgende tiltag på baggrund af sidste års årsberetning', 'anvendelse af kunstig intelligens (AI)']);
  await expect(presentation.locator('ol > li > p').first()).toHaveText('Organisations- og Beredskabsudvalget 2. juni 2026');
  await expect(presentation.locator('p').first()).toHaveText('I årsberetningen har DPO’en fokus på:');
  await expect(presentation).not.toContainText('·');
  // Enter twice leaves the numbered list, as in Word.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // A Word table with merged cells and a list in a cell: flattened, and the secretary is told.
  await pasteHtml(page, 'Sagsfremstilling', fixture('table-merged'));
  await expect(presentation.locator('th')).toHaveText(['Område', 'Budget 2027', 'Budget 2028']);
  await expect(page.getByRole('status').filter({ hasText: 'flettede celler er delt op' })).toBeVisible();

  // Bold by keyboard in another section, then undo and redo with the keyboard.
  const summary = page.getByRole('textbox', { name: 'Sagsresume', exact: true });
  await summary.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' Rapporten omfatter ');
  await page.keyboard.press('Control+B');
  await page.keyboard.insertText('oplysningspligten');
  await page.keyboard.press('Control+B');
  await page.keyboard.insertText('.');
  await expect(summary.locator('strong')).toHaveText('oplysningspligten');
  await page.keyboard.press('Control+Z');
  await expect(summary).not.toContainText('oplysningspligten.');
  await page.keyboard.press('Control+Shift+Z');
  await expect(summary).toContainText('oplysningspligten.');

  await expect(page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  await expect
    .poll(async () => (await storedSections(app.ctx)).summary)
    .toBe('Haderslev Kommune har modtaget årsberetningen fra DPO. Rapporten omfatter **oplysningspligten**.\n');
  const stored = (await storedSections(app.ctx)).presentation ?? '';
  expect(stored).toMatch(/^I årsberetningen har DPO’en fokus på:\n\nDirektøren for Arbejdsmarked og Borgerservice indstiller, at /);
  expect(stored).toContain('- Haderslev Kommunes Informationssikkerhedspolitik 2026 godkendes, herunder\n  - opfølgende tiltag på baggrund af sidste års årsberetning\n');
  expect(stored).toContain('| Digitalisering          | 12.450 (uændret begge år) |                             |');
  expect(stored).toContain('| *Informationssikkerhed* | NIS2-tiltag; uddannelse   |');
  expect(stored).not.toMatch(/mso-|<o:p>|<span|&nbsp;/);
  await page.screenshot({ path: 'test-results/screens/editor-in-item.png' });
  await page.locator('.rte').filter({ has: presentation }).screenshot({ path: 'test-results/screens/editor-pasted-from-word.png' });

  // After a reload the same formatted text is there, and loading it does not count as a change.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Sagsfremstilling', exact: true }).locator('th')).toHaveText(['Område', 'Budget 2027', 'Budget 2028']);
  await expect(page.getByRole('textbox', { name: 'Sagsresume', exact: true }).locator('strong')).toHaveText('oplysningspligten');
  expect((await storedSections(app.ctx)).presentation).toBe(stored);
});

test('the toolbar is one tab stop, arrow keys move along it, and each button names its shortcut', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: SEED });
  await openItem(page, app);

  const toolbar = page.getByRole('toolbar', { name: 'Formatering: Sagsfremstilling' });
  await toolbar.getByRole('button', { name: 'Fed' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Kursiv' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Punktopstilling' })).toBeFocused();
  await expect(toolbar.getByRole('button', { name: 'Punktopstilling' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+8');
  await expect(page.getByRole('tooltip')).toHaveText('Punktopstilling (Ctrl+Shift+8)');
  // Pressing it turns the paragraph under the cursor into a bullet and puts the cursor back in the text.
  await page.keyboard.press('Enter');
  const presentation = page.getByRole('textbox', { name: 'Sagsfremstilling', exact: true });
  await expect(presentation.locator('ul > li')).toHaveText(['I årsberetningen har DPO’en fokus på:']);
  await expect(presentation).toBeFocused();
});

test('Ctrl+End in a long text puts the caret after its last word, so what is typed lands at the end', async ({ page, app }) => {
  // A text far longer than the window: the blocks below the fold must still count when the caret
  // jumps to the end (with the off-screen blocks skipped in layout, it landed before the last paragraph).
  const long = `${Array.from({ length: 1500 }, (_, i) => `Afsnit ${i + 1} om kommunens budget og den videre proces.`).join('\n\n')}\n\nSidste afsnit.\n`;
  const seed = structuredClone(SEED);
  seed.committees[0]!.meetings[0]!.items[0]!.sections[0]!.body = long;
  await call(app.ctx, 'exchange.import', { document: seed });
  await openItem(page, app);

  const summary = page.getByRole('textbox', { name: 'Sagsresume', exact: true });
  await expect(summary).toContainText('Afsnit 1 om kommunens budget');
  await summary.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Tilføjet til sidst.');
  await expect.poll(async () => (await storedSections(app.ctx)).summary, { timeout: 30_000 }).toMatch(/\n\nSidste afsnit\. Tilføjet til sidst\.\n$/);
});
