// The meeting day recorded with the keyboard in meeting mode: a substitute, a member who leaves
// after item 5, a split vote with a dissent, a postponed item carried forward; the minutes
// approved and locked; and every recorded fact in the exported exchange document.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call } from '../../src-main/core/dispatch';
import { meetingDayDocument, MEETING, NEXT_MEETING } from '../integration/meetingday-fixture';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A react-aria Select: its button is named "<value> <label>". */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(` ${escape(label)}$`) }).focus();
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox', { name: label, exact: true });
  await expect(listbox).toBeVisible();
  // From the first option down until the wanted one has focus, then Enter: keyboard only.
  await page.keyboard.press('Home');
  for (let i = 0; i < 20; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (focused.trim() === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(listbox).toBeHidden();
}

async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
}

async function pickRadio(page: Page, group: string, option: string): Promise<void> {
  await page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }).focus();
  await page.keyboard.press('Space');
}

test('record a meeting in meeting mode with the keyboard, approve it, and find it locked and exported whole', async ({ page, app }) => {
  // A whole meeting recorded through the UI: well past the default 60 s on a loaded 2-core machine.
  test.setTimeout(240_000);
  await call(app.ctx, 'exchange.import', { document: meetingDayDocument() });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/meetingday`), MEETING);

  // Roll call: Mette Baltersen Isen sends apologies, Stine Rønnow is called in; the rest are present.
  await expect(page.getByRole('heading', { name: 'Fremmøde', level: 2 })).toBeVisible();
  await pickRadio(page, 'Fremmøde for Mette Baltersen Isen', 'Afbud');
  await expect(page.getByRole('button', { name: /Suppleant for Mette Baltersen Isen/ })).toBeEnabled();
  await choose(page, 'Suppleant for Mette Baltersen Isen', 'Stine Rønnow');
  await expect(page.getByText('Suppleant Stine Rønnow deltager i stedet for Mette Baltersen Isen')).toBeVisible();
  await press(page, 'Alle øvrige til stede');
  await expect(page.getByRole('radiogroup', { name: 'Fremmøde for Jørgen Smed' }).getByRole('radio', { name: 'Til stede' })).toBeChecked();
  await page.screenshot({ path: 'test-results/screens/meetingday-rollcall.png', fullPage: true });

  // Meeting mode: the decision field has the focus; Alt+digit applies a phrase; Alt+PageDown moves on.
  await page.getByRole('tab', { name: 'Mødetilstand' }).focus();
  await page.keyboard.press('Enter');
  const decision = page.getByRole('textbox', { name: 'Beslutningstekst' });
  const recorded = page.getByRole('status').filter({ hasText: /^Beslutning:|Ingen beslutning endnu/ });
  const heading = page.getByRole('heading', { level: 2, name: /^Punkt \d+:/ });
  await expect(heading).toHaveText('Punkt 1: Godkendelse af dagsorden');
  await expect(decision).toBeFocused();
  await page.keyboard.press('Alt+1');
  await expect(recorded).toHaveText('Beslutning: Godkendt');
  await page.keyboard.press('Alt+PageDown');
  await expect(heading).toHaveText('Punkt 2: Databeskyttelsesrådgiverens årsberetning for 2025');
  await expect(decision).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(recorded).toHaveText('Beslutning: Taget til efterretning');
  await page.keyboard.press('Alt+PageDown');
  await page.keyboard.press('Alt+5');
  await expect(recorded).toHaveText('Beslutning: Anbefales');
  await page.keyboard.press('Alt+PageDown');
  await page.keyboard.type('Godkendt med de faldne bemærkninger.');
  await page.keyboard.press('Alt+1');
  await expect(recorded).toHaveText('Beslutning: Godkendt med de faldne bemærkninger.');
  await page.keyboard.press('Alt+PageDown');

  // Item 5: a split vote, a refused and an accepted dissent, and Jørgen Smed leaves after it.
  await expect(heading).toHaveText('Punkt 5: Digitaliseringsstrategi 2026 - 2028');
  await page.keyboard.press('Alt+1');
  await expect(recorded).toHaveText('Beslutning: Godkendt');
  await pickRadio(page, 'Stemme fra Holger Mikkelsen', 'For');
  await pickRadio(page, 'Stemme fra Finn Lykkeskov', 'Imod');
  await pickRadio(page, 'Stemme fra Carsten Dyhre Hansen', 'For');
  await pickRadio(page, 'Stemme fra Jørgen Smed', 'Imod');
  await pickRadio(page, 'Stemme fra Stine Rønnow', 'For');
  await expect(page.getByText('For: 3 · Imod: 2 · Undlod: 0')).toBeVisible();
  await press(page, 'Gem afstemning');
  await expect(page.getByRole('button', { name: 'Fjern afstemning' })).toBeVisible();

  await choose(page, 'Protokoltilførsel fra', 'Holger Mikkelsen');
  await page.getByRole('textbox', { name: 'Protokoltilførsel' }).focus();
  await page.keyboard.type('Uenig.');
  await press(page, 'Tilføj protokoltilførsel');
  await expect(page.getByRole('alert')).toHaveText(
    'Holger Mikkelsen stemte for ved punkt 5, med flertallet; kun et medlem, der stemte med mindretallet, kan få en protokoltilførsel.',
  );
  await choose(page, 'Protokoltilførsel fra', 'Finn Lykkeskov');
  await page.getByRole('textbox', { name: 'Protokoltilførsel' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Finn Lykkeskov ønsker strategien udsat til efter budgetforhandlingerne.');
  await press(page, 'Tilføj protokoltilførsel');
  await expect(page.getByText('Finn Lykkeskov: Finn Lykkeskov ønsker strategien udsat til efter budgetforhandlingerne.')).toBeVisible();

  const presence = page.getByRole('complementary', { name: /Fremmøde under punkt/ });
  await choose(page, 'Medlem, hvis fremmøde ændres', 'Jørgen Smed');
  await press(page, 'Forlader mødet efter dette punkt');
  await expect(page.getByRole('button', { name: 'Forlader mødet efter dette punkt' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/meetingday-mode.png', fullPage: true });

  // Item 6: postponed and carried to the next meeting; Jørgen Smed is listed as absent.
  await page.getByRole('textbox', { name: 'Beslutningstekst' }).focus();
  await page.keyboard.press('Alt+PageDown');
  await expect(heading).toHaveText('Punkt 6: Kunstig intelligens (AI) og borgerdialog');
  await expect(presence.getByTestId('absent-list')).toHaveText('Jørgen Smed (forlod mødet efter punkt 5)');
  await page.keyboard.press('Alt+4');
  await expect(recorded).toHaveText('Beslutning: Udsat');
  await press(page, 'Overfør til udvalgets næste møde');
  await expect(page.getByText('Overført til Organisations- og Beredskabsudvalget tirsdag den 18. august 2026, punkt 2.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Beslutningstekst' }).focus();
  await page.keyboard.press('Alt+PageDown');
  await page.keyboard.press('Alt+3');
  await expect(recorded).toHaveText('Beslutning: Drøftet');

  // Approval: three sign, two are missing; "Referat godkendt" locks the meeting.
  await page.getByRole('tab', { name: 'Godkendelse' }).focus();
  await page.keyboard.press('Enter');
  for (const name of ['Holger Mikkelsen', 'Finn Lykkeskov', 'Carsten Dyhre Hansen']) {
    await press(page, `Registrér godkendelse fra ${name}`);
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Godkendt');
  }
  await expect(page.getByText('Mangler godkendelse fra Jørgen Smed og Stine Rønnow.')).toBeVisible();
  await press(page, 'Referat godkendt');
  const dialog = page.getByRole('dialog', { name: 'Godkend referatet og lås mødet' });
  await dialog.getByRole('button', { name: 'Godkend og lås' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Referatet er godkendt og låst', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/meetingday-approved.png', fullPage: true });

  // Try to edit: the decision field is read-only, phrase keys do nothing, and the core refuses.
  await page.getByRole('tab', { name: 'Mødetilstand' }).focus();
  await page.keyboard.press('Enter');
  await expect(decision).not.toBeEditable();
  await expect(page.getByRole('button', { name: /^Afvist/ })).toBeDisabled();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('status').filter({ hasText: /^Beslutning:/ })).toHaveText('Beslutning: Drøftet');
  await page.screenshot({ path: 'test-results/screens/meetingday-locked-mode.png', fullPage: true });
  const view = await call(app.ctx, 'meetingday.get', { meetingId: MEETING });
  await expect(call(app.ctx, 'meetingday.setDecision', { itemId: view.items[6]!.id, outcome: 'rejected' })).rejects.toThrow(/approved and locked/);
  await page.reload();
  await expect(page.getByText('Referatet er godkendt og låst', { exact: true })).toBeVisible();

  // The exported document holds every recorded fact.
  const doc = await call(app.ctx, 'exchange.export', { committee: 'OBU' });
  const m = doc.committees[0]!.meetings.find((x) => x.id === MEETING)!;
  expect(m.status).toBe('minutes-approved');
  expect(m.attendance).toEqual([
    { member: 'hm', status: 'present' },
    { member: 'fl', status: 'present' },
    { member: 'cdh', status: 'present' },
    { member: 'js', status: 'present', untilItem: 5 },
    { member: 'mbi', status: 'apologies', substitute: 'sr' },
  ]);
  expect(m.items.map((i) => i.decision?.outcome)).toEqual(['approved', 'noted', 'recommended', 'approved', 'approved', 'postponed', 'discussed', undefined]);
  expect(m.items[3]!.decision!.text).toBe('Godkendt med de faldne bemærkninger.');
  expect(m.items[4]!.decision).toEqual({
    outcome: 'approved',
    votes: { for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] },
    dissents: [{ member: 'fl', text: 'Finn Lykkeskov ønsker strategien udsat til efter budgetforhandlingerne.' }],
  });
  expect(m.approvals!.map((a) => a.member)).toEqual(expect.arrayContaining(['hm', 'fl', 'cdh']));
  expect(m.approvals).toHaveLength(3);
  const next = doc.committees[0]!.meetings.find((x) => x.id === NEXT_MEETING)!;
  const carried = next.items.find((i) => i.postponedFrom)!;
  expect(carried).toMatchObject({ number: 2, title: 'Kunstig intelligens (AI) og borgerdialog', caseNumber: '26/10259', postponedFrom: { meetingId: MEETING, number: 6 } });
  expect(carried.sections!.find((s) => s.kind === 'history')!.body).toBe('**Organisations- og Beredskabsudvalget den 02-06-2026, punkt 6**\n\nUdsat');
  expect((await call(app.ctx, 'meetingday.verify', {})).ok).toBe(true);
});

test('a vote by party, a disqualified member and a guest of one item, from meeting mode', async ({ page, app }) => {
  await call(app.ctx, 'exchange.import', { document: meetingDayDocument() });
  await call(app.ctx, 'meetingday.setAttendance', {
    meetingId: MEETING,
    entries: ['hm', 'fl', 'cdh', 'js', 'mbi'].map((member) => ({ member, status: 'present' as const })),
  });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/meetingday`), MEETING);
  await page.getByRole('listbox', { name: 'Punkter' }).getByRole('option', { name: /^3\./ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Punkt 3: Informationssikkerhedspolitik 2026' })).toBeVisible();

  await choose(page, 'Medlem, hvis fremmøde ændres', 'Mette Baltersen Isen');
  await press(page, 'Inhabil i punktet');
  const presence = page.getByRole('complementary', { name: 'Fremmøde under punkt 3' });
  await expect(presence).toContainText('Mette Baltersen Isen er markeret inhabil i punktet.');
  await page.getByRole('textbox', { name: 'Gæst i punktet' }).fill('Chefen for IT og Digitalisering');
  await page.keyboard.press('Enter');
  await expect(presence).toContainText('Chefen for IT og Digitalisering');

  await page.getByRole('textbox', { name: 'Beslutningstekst' }).focus();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('status').filter({ hasText: /^Beslutning:/ })).toHaveText('Beslutning: Anbefales');
  await page.getByRole('switch', { name: 'Afstemning pr. parti' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('spinbutton', { name: 'For, parti A' }).fill('2');
  await page.getByRole('spinbutton', { name: 'Imod, parti V' }).fill('2');
  await expect(page.getByText('For: 2 · Imod: 2 · Undlod: 0')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Imod, parti V' }).fill('3');
  await press(page, 'Gem afstemning');
  await expect(page.getByRole('alert')).toHaveText('Afstemningen om punkt 3 tæller 3 fra parti V, men kun 2 af partiets medlemmer deltog i punktet.');
  await page.getByRole('spinbutton', { name: 'Imod, parti V' }).fill('1');
  await press(page, 'Gem afstemning');
  await expect(page.getByRole('button', { name: 'Fjern afstemning' })).toBeVisible();

  const m = (await call(app.ctx, 'exchange.export', { committee: 'OBU' })).committees[0]!.meetings.find((x) => x.id === MEETING)!;
  expect(m.items[2]!.absences).toEqual([{ member: 'mbi', reason: 'disqualified' }]);
  expect(m.items[2]!.decision).toEqual({ outcome: 'recommended', votes: { for: [{ party: 'A', count: 2 }], against: [{ party: 'V', count: 1 }], abstained: [] } });
  expect(m.guests).toEqual([{ name: 'Chefen for IT og Digitalisering', items: [3] }]);
});
