// The calendar screen end to end: import a Danish .csv, roll 2026 forward, move one meeting by
// hand, apply, and export .ics; the exported file is read back with ical.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { fieldText, fillDate } from './fields';

const csv = path.resolve(import.meta.dirname, '../fixtures/calendar/excel-da-2026.csv');

test('import a .csv, roll forward, move a meeting by hand, apply, export .ics', async ({ page, app }) => {
  test.setTimeout(150_000);
  await call(app.ctx, 'committees.create', { name: 'Økonomiudvalget', shortName: 'ØU', numbering: 'per-year' });
  await call(app.ctx, 'committees.create', { name: 'Social- og Ældreudvalget', shortName: 'SÆU', numbering: 'per-meeting' });
  await app.open(page);
  await page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: 'Mødekalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mødekalender' })).toBeVisible();

  // Import
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Vælg fil …' }).click()]);
  await chooser.setFiles(csv);
  await expect(page.getByText('22 møder i filen: 22 nye, 0 ændrede, 0 findes allerede.')).toBeVisible();
  const mapping = page.getByRole('table', { name: 'Udvalg i filen' });
  await expect(mapping.getByRole('row')).toHaveCount(3);
  await expect(mapping.getByRole('button', { name: /Udvalg for »Økonomiudvalget«/ })).toContainText('Økonomiudvalget');
  await page.getByRole('button', { name: 'Indlæs 22 møder' }).click();
  await expect(page.getByText('excel-da-2026.csv er indlæst: 22 nye, 0 ændrede, 0 uændrede.')).toBeVisible();

  // Roll forward
  const roll = page.getByRole('region', { name: 'Næste års mødekalender' });
  await roll.getByRole('button', { name: /Fra år/ }).click();
  await page.getByRole('option', { name: '2026' }).click();
  await roll.getByRole('button', { name: 'Foreslå 2027' }).click();
  const year = page.getByRole('table', { name: 'Forslag til mødekalender 2027' });
  await expect(year).toBeVisible();
  await expect(roll.getByText('22 møder foreslået; 4 flyttet; 0 konflikter.')).toBeVisible();
  const february = year.getByRole('row', { name: /^Februar/ });
  await expect.poll(() => fieldText(february, 'Ny dato for Økonomiudvalget (19.02.2026)')).toBe('25.02.2027');
  await expect(february.getByText('flyttet fra 18. feb.: uge 7 er vinterferie')).toBeVisible();

  // Move one meeting by hand; a day in week 42 is flagged, then a free one is chosen.
  const september = 'Ny dato for Økonomiudvalget (17.09.2026)';
  await fillDate(year, september, '2027-10-21');
  await expect(year.getByText('Bemærk: uge 42 er efterårsferie')).toBeVisible();
  await fillDate(year, september, '2027-09-09');
  await expect(year.getByText('rettet i hånden (forslag: 16.09.2027)')).toBeVisible();
  await expect(year.getByText('Bemærk: uge 42 er efterårsferie')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/calendar-proposal.png', fullPage: true });
  await roll.getByRole('button', { name: 'Opret 22 møder i 2027' }).click();
  // Nothing is created before she has seen what will be, per committee, and said yes.
  const confirm = page.getByRole('dialog', { name: 'Opret mødekalenderen for 2027?' });
  await expect(confirm.getByText('Der oprettes 22 møder i 2027 for 2 udvalg:')).toBeVisible();
  const table = confirm.getByRole('table', { name: 'Møder, der oprettes' });
  await expect(table.getByRole('row')).toHaveText(['UdvalgMøderFørste mødeSidste møde', 'Social- og Ældreudvalget1102.02.202707.12.2027', 'Økonomiudvalget1104.02.202716.12.2027']);
  await expect(confirm.getByText('1 af dem har en dato, du har rettet i hånden.')).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/screens/calendar-confirm-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screens/calendar-confirm-1440.png' });
  // She goes back to the proposal: still nothing created.
  await confirm.getByRole('button', { name: 'Annuller' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await call(app.ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2027 })).proposals.filter((p) => p.planned)).toHaveLength(0);
  await roll.getByRole('button', { name: 'Opret 22 møder i 2027' }).click();
  await confirm.getByRole('button', { name: 'Opret 22 møder i 2027' }).click();
  // 22 meetings with their standard items: slow on a loaded machine.
  await expect(roll.getByText('22 møder er oprettet i 2027 (0 fandtes allerede).')).toBeVisible({ timeout: 45_000 });
  await expect(confirm).toHaveCount(0);
  // Proposed again, the meetings that exist are named as such and only the rest would be created.
  await roll.getByRole('button', { name: 'Foreslå 2027' }).click();
  await roll.getByRole('button', { name: 'Opret 22 møder i 2027' }).click();
  await expect(confirm.getByText('21 foreslåede møder findes allerede i kalenderen og oprettes ikke igen.')).toBeVisible();
  await expect(confirm.getByText('Der oprettes 1 møde i 2027:')).toBeVisible();
  await expect(table.getByRole('row')).toHaveText(['UdvalgMøderFørste mødeSidste møde', 'Økonomiudvalget116.09.202716.09.2027']);
  await confirm.getByRole('button', { name: 'Annuller' }).click();

  // Export .ics and read it back
  const exp = page.getByRole('region', { name: 'Eksportér kalender' });
  await exp.getByRole('button', { name: /År/ }).click();
  await page.getByRole('option', { name: '2027' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('button', { name: 'Hent .ics' }).click()]);
  expect(download.suggestedFilename()).toBe('moedekalender-2027.ics');
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const cal = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  const events = cal.getAllSubcomponents('vevent');
  expect(events).toHaveLength(22);
  const byStart = new Map(events.map((e) => [`${String(e.getFirstPropertyValue('summary'))} ${String(e.getFirstPropertyValue('dtstart'))}`, e]));
  for (const e of events) {
    expect(e.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Copenhagen');
    expect(e.getFirstPropertyValue('uid')).toBeTruthy();
  }
  expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
  expect(byStart.has('Økonomiudvalget 2027-09-09T16:00:00')).toBe(true);
  expect(byStart.has('Økonomiudvalget 2027-09-16T16:00:00')).toBe(false);
  expect(byStart.has('Økonomiudvalget 2027-02-25T16:00:00')).toBe(true);
  expect(byStart.get('Social- og Ældreudvalget 2027-03-02T14:30:00')?.getFirstPropertyValue('location')).toBe('Rådhuset, Indg. A, 3. sal, lokale "Nørre Vilstrup"');
  await expect(exp.getByText('moedekalender-2027.ics er hentet.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/calendar.png', fullPage: true });
});

test('an unknown committee name is mapped in the preview; a broken file is refused with its line', async ({ page, app }) => {
  await call(app.ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', shortName: 'TMU', numbering: 'per-meeting' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referent-cal-'));
  const plan = path.join(dir, 'plan-2026.csv');
  fs.writeFileSync(plan, '\uFEFFUdvalg;Dato;Tidspunkt;Sted\r\nPlan- og Udviklingsudvalget;05-03-2026;17:00;Byrådssalen\r\nTMU;10.03.2026;09:00;Mødelokale 2\r\n');
  const broken = path.join(dir, 'forkert.csv');
  fs.writeFileSync(broken, 'Udvalg;Dato;Tidspunkt\r\nTMU;05-03-2026;17:00\r\nTMU;30-02-2026;17:00\r\n');
  await app.open(page);
  await page.getByRole('link', { name: 'Mødekalender' }).click();

  const choose = async (file: string): Promise<void> => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Vælg fil …' }).click()]);
    await chooser.setFiles(file);
  };
  await choose(broken);
  await expect(page.getByRole('alert')).toHaveText('forkert.csv, linje 3: "30-02-2026" er ikke en dato (skriv den som 19-02-2026, 19.02.2026, 19/2/2026 eller 2026-02-19).');

  await choose(plan);
  await expect(page.getByText('"Plan- og Udviklingsudvalget" passer ikke til noget udvalg (1 række); vælg et udvalg, eller spring over.')).toBeVisible();
  await expect(page.getByText('Vælg eller opret et udvalg for 1 navn, eller spring det over.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Indlæs 1 møde' })).toBeDisabled();
  await page.getByRole('button', { name: /Udvalg for »Plan- og Udviklingsudvalget«/ }).click();
  await page.getByRole('option', { name: 'Teknik- og Miljøudvalget' }).click();
  await page.getByRole('button', { name: 'Indlæs 2 møder' }).click();
  await expect(page.getByText('plan-2026.csv er indlæst: 2 nye, 0 ændrede, 0 uændrede.')).toBeVisible();
  const tmu = (await call(app.ctx, 'committees.list', {}))[0]!;
  expect((await call(app.ctx, 'meetings.list', { committeeId: tmu.id })).map((m) => [m.start, m.location])).toEqual([
    ['2026-03-05T17:00', 'Byrådssalen'],
    ['2026-03-10T09:00', 'Mødelokale 2'],
  ]);

  // A committee the file names but the app lacks can be created from the preview.
  const next = path.join(dir, 'plan-2027.csv');
  fs.writeFileSync(next, 'Udvalg;Dato;Tidspunkt;Sted\r\nBørne- og Skoleudvalget;02-03-2027;15:00;Byrådssalen\r\n');
  await choose(next);
  await page.getByRole('button', { name: /Udvalg for »Børne- og Skoleudvalget«/ }).click();
  await page.getByRole('option', { name: 'Opret udvalget »Børne- og Skoleudvalget«' }).click();
  await page.getByRole('button', { name: 'Indlæs 1 møde' }).click();
  await expect(page.getByText('plan-2027.csv er indlæst: 1 nye, 0 ændrede, 0 uændrede.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hovednavigation' }).getByRole('link', { name: /Børne- og Skoleudvalget/ })).toBeVisible();
  const created = (await call(app.ctx, 'committees.list', {})).find((c) => c.name === 'Børne- og Skoleudvalget')!;
  expect((await call(app.ctx, 'meetings.list', { committeeId: created.id })).map((m) => m.start)).toEqual(['2027-03-02T15:00']);
});
