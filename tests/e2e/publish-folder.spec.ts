// The Publicér dialog as the desktop app runs it, without Electron: the core is told it serves the
// desktop shell (so it writes into a folder), and the page's window.referent, which the preload
// provides in the app, is stood in for by one that forwards operations to this server and answers
// the folder dialog with a temp folder (or nothing: cancelled). What is checked is what the user
// keeps: the files in the folder, and what the dialog says was written, left unchanged and removed.
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../src-main/core/dispatch';
import { tempDir } from '../helpers/store';
import { expect, test } from './fixtures';

test.use({ shell: 'electron' });

/** Every file under `dir`, as relative paths with forward slashes, sorted. */
function filesIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

test('desktop: "Vælg mappe …" fills the folder, the site is written there, and re-publishing lists what was unchanged and removed', async ({ page, app }) => {
  // Each publication prints the meeting's PDF in the core's own Chromium the first time: seconds, more on a loaded machine.
  test.setTimeout(180_000);
  const folder = path.join(tempDir('referent-site-'), 'TMU hjemmeside');
  // The stand-in bridge: operations over HTTP as the browser version sends them; the folder
  // dialog answers from a list the test gives it and records what it was asked.
  await page.addInitScript((answers: (string | null)[]) => {
    const asked: unknown[] = [];
    Object.assign(window, { folderDialogAsked: asked });
    Object.defineProperty(window, 'referent', {
      value: Object.freeze({
        invoke: async (name: string, input: unknown) =>
          (await fetch(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) })).json(),
        chooseFolder: async (input: unknown) => {
          asked.push(input);
          const stored = JSON.parse(sessionStorage.getItem('folderAnswers') ?? JSON.stringify(answers)) as (string | null)[];
          const answer = stored.shift() ?? null;
          sessionStorage.setItem('folderAnswers', JSON.stringify(stored));
          return { ok: true, value: answer };
        },
      }),
    });
  }, [folder, null]);

  const c = await call(app.ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', numbering: 'per-meeting' });
  const m = await call(app.ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-23T17:00' });
  await call(app.ctx, 'agenda.addItem', { meetingId: m.id, title: 'Cykelsti langs Ribevej', access: 'open' });
  const extra = await call(app.ctx, 'agenda.addItem', { meetingId: m.id, title: 'Orientering om vejarbejder', access: 'open' });
  await call(app.ctx, 'meetings.setStatus', { id: m.id, status: 'agenda-published' });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/committee/${id}`), c.id);
  await page.getByRole('button', { name: 'Publicér …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publicér Teknik- og Miljøudvalget 2026 på hjemmesiden' });

  // One meeting in the year: not "alle 1 møder".
  await expect(dialog.getByText('Hjemmesiden for 2026 får 1 møde med dagsorden eller referat og mødeplanen med årets ene møde (.html og .ics).', { exact: false })).toBeVisible();
  // The desktop app writes into a folder: no .zip here. The folder comes from the system's dialog.
  await expect(dialog.getByRole('button', { name: 'Hent hjemmesiden som .zip' })).toHaveCount(0);
  const field = dialog.getByRole('textbox', { name: 'Mappe til hjemmesiden' });
  await expect(field).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Publicér i mappen' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Vælg mappe …' }).click();
  await expect(field).toHaveValue(folder);
  expect(await page.evaluate(() => (window as unknown as { folderDialogAsked: unknown[] }).folderDialogAsked)).toEqual([{ title: 'Vælg mappen til Teknik- og Miljøudvalgets hjemmeside' }]);
  for (const [width, height] of [[1024, 768], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/publish-folder-${width}.png` });
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(height);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBe(width);
  }

  // First publication: everything is written.
  const site = [
    '2026/2026-06-23-tmu/2026-06-23-tmu-dagsorden.pdf',
    '2026/2026-06-23-tmu/index.html',
    '2026/2026-06-23-tmu/punkt-1.html',
    '2026/2026-06-23-tmu/punkt-2.html',
    'index.html',
    'moedeplan.html',
    'moedeplan.ics',
    'publication.json',
    'style.css',
  ];
  await dialog.getByRole('button', { name: 'Publicér i mappen' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText(`Publiceret i ${folder}: ${site.length} filer skrevet, 0 uændrede, 0 fjernet.`, { timeout: 120_000 });
  expect(filesIn(folder)).toEqual(site);
  expect(fs.readFileSync(path.join(folder, '2026/2026-06-23-tmu/punkt-2.html'), 'utf8')).toContain('Orientering om vejarbejder');
  await status.getByText(`${site.length} filer skrevet`, { exact: true }).click();
  for (const f of site) await expect(status.getByRole('listitem').filter({ hasText: new RegExp(`^${f.replace(/[.]/g, '\\.')}$`) })).toBeVisible();

  // Reopened, the dialog remembers the folder; a cancelled folder dialog leaves it as it was.
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await page.getByRole('button', { name: 'Publicér …' }).click();
  await expect(field).toHaveValue(folder);
  await dialog.getByRole('button', { name: 'Vælg mappe …' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { folderDialogAsked: unknown[] }).folderDialogAsked.length)).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { folderDialogAsked: unknown[] }).folderDialogAsked[1])).toEqual({ title: 'Vælg mappen til Teknik- og Miljøudvalgets hjemmeside', defaultPath: folder });
  await expect(field).toHaveValue(folder);

  // Nothing changed: nothing is written again.
  await dialog.getByRole('button', { name: 'Publicér i mappen' }).click();
  await expect(status).toContainText(`Publiceret i ${folder}: 0 filer skrevet, ${site.length} uændrede, 0 fjernet.`, { timeout: 120_000 });

  // An item taken off the agenda: its page goes, the pages that list it are written again.
  await call(app.ctx, 'agenda.removeItem', { itemId: extra.id });
  await dialog.getByRole('button', { name: 'Publicér i mappen' }).click();
  await expect(status).toContainText(/: [1-9]\d* filer skrevet, \d+ uændrede, 1 fjernet\./, { timeout: 120_000 });
  expect(filesIn(folder)).toEqual(site.filter((f) => f !== '2026/2026-06-23-tmu/punkt-2.html'));
  await status.getByText('1 fil fjernet', { exact: true }).click();
  await expect(status.getByRole('listitem').filter({ hasText: /^2026\/2026-06-23-tmu\/punkt-2\.html$/ })).toBeVisible();
  expect(fs.readFileSync(path.join(folder, '2026/2026-06-23-tmu/index.html'), 'utf8')).not.toContain('Orientering om vejarbejder');
});
