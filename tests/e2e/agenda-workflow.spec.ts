import type { Page } from '@playwright/test';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { SEED_DOCUMENT } from './agenda-reference';

/** The seeded committee with a planned June meeting of `count` items after the standard ones. */
async function seedJune(app: Parameters<Parameters<typeof test>[2]>[0]['app'], count: number) {
  await call(app.ctx, 'exchange.import', { document: SEED_DOCUMENT });
  const [committee] = await call(app.ctx, 'committees.list', {});
  const june = await call(app.ctx, 'meetings.create', { committeeId: committee!.id, start: '2026-06-02T14:30' });
  for (let i = 1; i <= count; i++) await call(app.ctx, 'agenda.addItem', { meetingId: june.id, title: `Sag ${i}`, caseNumber: `26/${1000 + i}` });
  return { committeeId: committee!.id, juneId: june.id };
}

const rows = (page: Page) => page.getByRole('list', { name: 'Punkter på dagsordenen' }).getByRole('listitem');

test('reorder by keyboard, publish, add a supplementary item, move and copy items', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { committeeId, juneId } = await seedJune(app, 3);
  const september = await call(app.ctx, 'meetings.create', { committeeId, start: '2026-09-01T14:30' });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), juneId);
  await expect(rows(page)).toHaveText([/Punkt 42\s*Godkendelse/, /Punkt 43\s*Sag 1/, /Punkt 44\s*Sag 2/, /Punkt 45\s*Sag 3/, /Punkt 46\s*Gensidig/, /Punkt 47\s*Underskrift/]);

  // Alt+↓ on the selected item moves it one place; the numbers follow at once.
  await page.getByRole('button', { name: /^Punkt 43 Sag 1/ }).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(rows(page).nth(2)).toHaveText(/Punkt 44\s*Sag 1/);
  // dnd-kit's keyboard drag on the handle: Space lifts, ↑ moves, Space drops.
  const handle = page.getByRole('button', { name: 'Flyt punkt 45: Sag 3' });
  await handle.focus();
  // Each step waits for what a screen reader hears.
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText('Punktet Sag 3 står nu på plads 3 af 6.')).toBeAttached();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText('Punktet Sag 3 står nu på plads 2 af 6.')).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByText('Punktet Sag 3 er sat på plads 2 af 6.')).toBeAttached();
  await expect(rows(page)).toHaveText([/Punkt 42\s*Godkendelse/, /Punkt 43\s*Sag 3/, /Punkt 44\s*Sag 2/, /Punkt 45\s*Sag 1/, /Punkt 46\s*Gensidig/, /Punkt 47\s*Underskrift/]);
  await page.reload();
  await expect(rows(page).nth(1)).toHaveText(/Punkt 43\s*Sag 3/);

  // Publishing freezes the numbers; editing afterwards asks first; a new item is supplementary.
  await page.getByRole('button', { name: 'Udsend dagsorden' }).click();
  await page.getByRole('dialog', { name: 'Udsend dagsorden' }).getByRole('button', { name: 'Udsend dagsorden' }).click();
  await expect(page.getByText('Dagsordenen er udsendt, og punkternes numre ligger fast.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveAttribute('readonly', '');
  await page.screenshot({ path: 'test-results/screens/agenda-published.png' });
  await page.getByRole('button', { name: 'Ret i den udsendte dagsorden' }).click();
  await page.getByRole('button', { name: '+ Tillægspunkt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nyt tillægspunkt' });
  await dialog.getByRole('textbox', { name: 'Titel' }).fill('Beredskabets sommerberedskab');
  await dialog.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(rows(page).nth(4)).toHaveText(/Punkt 48\s*Beredskabets sommerberedskab.*Tillæg/);
  await expect(rows(page).nth(5)).toHaveText(/Punkt 46\s*Gensidig/);

  // Move "Sag 2" to September: June keeps its frozen numbers; September counts on after June.
  await page.getByRole('button', { name: /^Punkt 44 Sag 2/ }).click();
  await page.getByRole('button', { name: 'Flyt til andet møde …' }).click();
  const move = page.getByRole('dialog', { name: 'Flyt »Sag 2«' });
  await move.getByRole('button', { name: /Til mødet/ }).click();
  await page.getByRole('option', { name: /den 1\. september 2026/ }).click();
  await move.getByRole('button', { name: 'Flyt punktet' }).click();
  await expect(rows(page)).toHaveCount(6);
  await expect(rows(page).filter({ hasText: 'Sag 2' })).toHaveCount(0);
  const sept = await call(app.ctx, 'agenda.get', { meetingId: september.id });
  expect(sept.items.map((i) => `${i.number} ${i.title}`)).toEqual(['49 Godkendelse af dagsorden', '50 Sag 2', '51 Gensidig orientering', '52 Underskriftsside']);

  // Copy "Sag 1" from June into September, through the September agenda.
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), september.id);
  await page.getByRole('button', { name: 'Kopiér punkt fra tidligere møde' }).click();
  const copy = page.getByRole('dialog', { name: 'Kopiér punkt fra tidligere møde' });
  await copy.getByRole('button', { name: /Fra mødet/ }).click();
  await page.getByRole('option', { name: /den 2\. juni 2026/ }).click();
  await copy.getByRole('option', { name: /Sag 1/ }).click();
  await copy.getByRole('button', { name: 'Kopiér punktet' }).click();
  await expect(rows(page)).toHaveText([/Punkt 49\s*Godkendelse/, /Punkt 50\s*Sag 2/, /Punkt 51\s*Sag 1/, /Punkt 52\s*Gensidig/, /Punkt 53\s*Underskrift/]);
  await expect(page.getByRole('textbox', { name: 'Sagsnummer' })).toHaveValue('26/1001');
});

test('an agenda of 150 items opens and reorders by keyboard, and the order is kept', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { juneId } = await seedJune(app, 150);
  await app.open(page);
  const started = Date.now();
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), juneId);
  await expect(rows(page)).toHaveCount(153);
  const opened = Date.now() - started;
  await page.getByRole('button', { name: /^Punkt 43 Sag 1\b/ }).click();
  // Measured inside the page: from the key press to the frame that shows the new order; the
  // median of five moves down (the item ends five places lower).
  const times: number[] = [];
  for (let step = 0; step < 5; step++) {
    times.push(
      await page.evaluate(
        (expectedIndex) =>
          new Promise<number>((resolve) => {
            const button = document.activeElement as HTMLElement;
            const t0 = performance.now();
            button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
            const check = (): void => {
              const row = document.querySelectorAll('.agenda-list > li')[expectedIndex];
              if (row?.textContent?.includes('Sag 126/1001')) requestAnimationFrame(() => resolve(performance.now() - t0));
              else requestAnimationFrame(check);
            };
            check();
          }),
        2 + step,
      ),
    );
    await expect.poll(async () => (await call(app.ctx, 'agenda.get', { meetingId: juneId })).items[2 + step]?.title).toBe('Sag 1');
  }
  const moved = [...times].sort((a, b) => a - b)[2]!;
  await expect(rows(page).nth(6)).toHaveText(/Punkt 48\s*Sag 1\s*26\/1001/);
  await page.reload();
  await expect(rows(page).nth(6)).toHaveText(/Punkt 48\s*Sag 1\s*26\/1001/);
  await expect(rows(page).nth(151)).toHaveText(/Punkt 193\s*Gensidig/);
  // Reported, not asserted: wall-clock times on a shared machine drift 2-3x, and speed goals
  // belong in `npm run bench`. What is asserted above is that the order was painted and kept.
  console.log(`150-item agenda: opened in ${opened} ms; one keyboard move painted in ${moved.toFixed(0)} ms (median of ${times.map((t) => t.toFixed(0)).join(', ')})`);
});

test('an edit whose write never reached the core is written when the agenda is opened again', async ({ page, app }) => {
  const { juneId } = await seedJune(app, 1);
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), juneId);
  await page.getByRole('button', { name: /^Punkt 43 Sag 1/ }).click();
  // The core is cut off (a crash, a closed window) while the secretary types.
  await page.route('**/api/agenda.updateItem', (route) => route.abort());
  await page.getByRole('textbox', { name: 'Sagsresume', exact: true }).click();
  await page.keyboard.insertText('Skrevet lige før strømmen gik.');
  await expect(page.getByRole('status').filter({ hasText: /Ikke gemt/ })).toBeVisible();
  const before = await call(app.ctx, 'agenda.getItem', { itemId: (await call(app.ctx, 'agenda.get', { meetingId: juneId })).items[1]!.id });
  expect(before.sections).toEqual([]);

  await page.unroute('**/api/agenda.updateItem');
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), juneId);
  await expect(page.getByRole('navigation', { name: 'Dagsordenens punkter' })).toBeVisible();
  await expect
    .poll(async () => (await call(app.ctx, 'agenda.getItem', { itemId: before.id })).sections.map((s) => s.body.trim()))
    .toEqual(['Skrevet lige før strømmen gik.']);
  await page.getByRole('button', { name: /^Punkt 43 Sag 1/ }).click();
  await expect(page.getByRole('textbox', { name: 'Sagsresume', exact: true })).toHaveText('Skrevet lige før strømmen gik.');
});

test('attachments arrive by drag and drop and open as the file; items move by pointer; the editor speaks English too', async ({ page, app }) => {
  const { juneId } = await seedJune(app, 3);
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), juneId);
  await page.getByRole('button', { name: /^Punkt 43 Sag 1/ }).click();

  // A file dropped from the desktop onto the attachment area.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF-1.4 budgetbilag'], 'Bilag - anlæg.pdf', { type: 'application/pdf' }));
    dt.effectAllowed = 'all';
    return dt;
  });
  const zone = page.locator('.dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('textbox', { name: 'Titel på bilag 1' })).toHaveValue('Bilag - anlæg');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Åbn bilaget Bilag - anlæg' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Bilag - anlæg.pdf');
  const { readFile } = await import('node:fs/promises');
  expect((await readFile((await file.path())!)).toString()).toBe('%PDF-1.4 budgetbilag');

  // Drag a handle with the pointer: Sag 3 onto Sag 1's place.
  const from = await page.getByRole('button', { name: 'Flyt punkt 45: Sag 3' }).boundingBox();
  const to = await page.getByRole('button', { name: 'Flyt punkt 43: Sag 1' }).boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, from!.y - 10, { steps: 5 });
  await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2 + 4, { steps: 10 });
  await page.mouse.up();
  await expect(rows(page).nth(1)).toHaveText(/Punkt 43\s*Sag 3/);
  await expect.poll(async () => (await call(app.ctx, 'agenda.get', { meetingId: juneId })).items.map((i) => i.title).slice(1, 4)).toEqual(['Sag 3', 'Sag 1', 'Sag 2']);

  // The same screen in English.
  await page.getByRole('button', { name: /Sprog/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: '+ New item' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish agenda' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Items on the agenda' }).getByRole('listitem').first()).toHaveText(/Item 42\s*Godkendelse af dagsorden/);
  await expect(page.getByRole('textbox', { name: 'Case number' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Attachments' })).toBeVisible();
});
