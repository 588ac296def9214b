// Items between committees in the single-user browser shell (issue 14 §5): one secretary records
// "Anbefales" on an OBU item, sees it proposed to Økonomiudvalget and in its inbox, opens its next
// meeting, reads the proposal with its history (Sagens forløb), takes it onto the agenda at the
// place she chooses, and finds it there; the OBU item then says where it went.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call } from '../../src-main/core/dispatch';
import { everyonePresent, meetingDayDocument, MEETING, OU_MEETING } from '../integration/meetingday-fixture';
import { screenshots } from './screens';

async function openMeeting(page: Page, meetingId: string, tab: 'agenda' | 'meetingday'): Promise<void> {
  await page.evaluate(([id, t]) => (window.location.hash = `#/meeting/${id}/${t}`), [meetingId, tab] as const);
}

test('one secretary proposes an item to another committee, sees it there with its history, and takes it onto the agenda', async ({ page, app }) => {
  test.setTimeout(180_000);
  await call(app.ctx, 'exchange.import', { document: meetingDayDocument() });
  await call(app.ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  await app.open(page);

  // OBU, meeting mode, item 3: "Anbefales" with the phrase key.
  await openMeeting(page, MEETING, 'meetingday');
  await page.getByRole('tab', { name: 'Mødetilstand' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^Punkt \d+:/ });
  await page.getByRole('listbox', { name: 'Punkter', exact: true }).getByRole('option', { name: /^3\. Informationssikkerhedspolitik 2026/ }).click();
  await expect(heading).toHaveText('Punkt 3: Informationssikkerhedspolitik 2026');
  await page.getByRole('textbox', { name: 'Beslutningstekst' }).focus();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('status').filter({ hasText: /^Beslutning:/ })).toHaveText('Beslutning: Anbefales');
  await expect(page.getByRole('status').filter({ hasText: /^Foreslået til/ })).toHaveText(
    'Foreslået til Økonomiudvalget til mødet onsdag den 10. juni 2026; venter på, at udvalgets sekretær optager punktet.',
  );
  // Nothing has landed on Økonomiudvalget's agenda yet.
  expect((await call(app.ctx, 'agenda.get', { meetingId: OU_MEETING })).items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);

  // Økonomiudvalget's overview: its inbox names the meeting the proposal waits for, and leads there.
  await call(app.ctx, 'agenda.addItem', { meetingId: OU_MEETING, title: 'Budgetopfølgning' });
  const ou = (await call(app.ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!;
  await page.evaluate((id) => (window.location.hash = `#/committee/${id}`), ou.id);
  const inbox = page.getByRole('region', { name: '1 forslag fra et andet udvalg' });
  await expect(inbox).toContainText('Informationssikkerhedspolitik 2026 fra Organisations- og Beredskabsudvalget 02.06.2026, punkt 3:');
  await inbox.getByRole('link', { name: 'venter på dagsordenen til mødet onsdag den 10. juni 2026' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onsdag den 10. juni 2026 kl. 08.00');
  const panel = page.getByRole('region', { name: '1 forslag fra et andet udvalg' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Informationssikkerhedspolitik 2026');
  await expect(panel).toContainText('Fra Organisations- og Beredskabsudvalget 02.06.2026, punkt 3 · 26/9889');
  await screenshots(page, 'proposals-panel');
  await panel.getByRole('button', { name: 'Åbn forslaget Informationssikkerhedspolitik 2026' }).click();
  const dialog = page.getByRole('dialog', { name: 'Informationssikkerhedspolitik 2026' });
  const history = dialog.getByRole('region', { name: 'Sagens forløb' });
  await expect(history).toContainText('Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3');
  await expect(history).toContainText('Anbefales');
  await expect(dialog.getByRole('region', { name: 'Bilag' })).toContainText('Informationssikkerhedspolitik 2026.pdf');
  await screenshots(page, 'proposals-dialog');
  // Before "Budgetopfølgning" (item 2), so it becomes item 2.
  await dialog.getByRole('button', { name: /Placering på dagsordenen/ }).click();
  await page.getByRole('option', { name: 'Før punkt 2: Budgetopfølgning' }).click();
  await dialog.getByRole('button', { name: 'Optag på dagsordenen' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel).toBeHidden();

  // On the agenda as item 2, opened, with its history in "Sagens forløb".
  const list = page.getByRole('navigation', { name: 'Dagsordenens punkter' });
  await expect(list.getByText('Informationssikkerhedspolitik 2026')).toBeVisible();
  const agenda = await call(app.ctx, 'agenda.get', { meetingId: OU_MEETING });
  expect(agenda.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Godkendelse af dagsorden', '2 Informationssikkerhedspolitik 2026', '3 Budgetopfølgning']);
  await expect(page.getByRole('region', { name: 'Sagens forløb' })).toContainText('Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3');

  // Back in OBU's meeting mode, item 3 says where it went.
  await openMeeting(page, MEETING, 'meetingday');
  await page.getByRole('tab', { name: 'Mødetilstand' }).click();
  await page.getByRole('listbox', { name: 'Punkter', exact: true }).getByRole('option', { name: /^3\. Informationssikkerhedspolitik 2026/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Optaget hos/ })).toHaveText('Optaget hos Økonomiudvalget onsdag den 10. juni 2026, punkt 2.');
});

test("the sender changes an accepted item's decision: the receiving secretary sees what changed, by whom and when, keeps it, then takes it off her agenda", async ({ page, app }) => {
  test.setTimeout(180_000);
  await call(app.ctx, 'exchange.import', { document: meetingDayDocument() });
  const view = await call(app.ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  const item3 = view.items[2]!.id;
  const bo = { ...app.ctx, author: 'Bo Jensen' };
  await call(bo, 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
  const ou = (await call(app.ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!;
  const [p] = await call(app.ctx, 'proposals.list', { committeeId: ou.id });
  const accepted = await call(app.ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
  // OBU changes its mind after ØU took the item on.
  await call(bo, 'meetingday.setDecision', { itemId: item3, outcome: 'postponed', text: 'Udsat til august.' });
  await app.open(page);

  // Her committee's inbox says so and leads to the agenda.
  await page.evaluate((id) => (window.location.hash = `#/committee/${id}`), ou.id);
  const inbox = page.getByRole('region', { name: '1 forslag fra et andet udvalg' });
  await inbox.getByRole('link', { name: 'Organisations- og Beredskabsudvalget har ændret beslutningen på punktet, der er optaget som punkt 2 på mødet onsdag den 10. juni 2026' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onsdag den 10. juni 2026 kl. 08.00');
  const list = page.getByRole('region', { name: '1 punkt fra et andet udvalg har fået en ændret beslutning' });
  await expect(list).toContainText('Punkt 2 Informationssikkerhedspolitik 2026: Organisations- og Beredskabsudvalget har ændret sin beslutning.');
  await list.getByRole('button', { name: 'Vis ændringen på punkt 2' }).click();
  const notice = page.getByRole('alert', { name: 'Ændret beslutning i det afsendende udvalg' });
  await expect(notice).toContainText('Organisations- og Beredskabsudvalget har ændret sin beslutning i punkt 3 (02.06.2026), efter at punktet blev optaget her.');
  await expect(notice).toContainText(/Ændret af Bo Jensen \d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d\./);
  await expect(notice).toContainText('Da punktet blev optagetAnbefales');
  await expect(notice).toContainText('NuUdsat til august.');
  // Nothing changed by itself in her agenda: the item and its history are as she took them on.
  await expect(page.getByRole('region', { name: 'Sagens forløb' })).toContainText('Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3Anbefales');
  await screenshots(page, 'proposals-changed');

  // She keeps it: the notice goes, the item stays.
  await notice.getByRole('button', { name: 'Behold punktet' }).click();
  await expect(notice).toBeHidden();
  await expect(list).toBeHidden();
  expect((await call(app.ctx, 'agenda.get', { meetingId: OU_MEETING })).items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026']);

  // It changes again (the decision removed): this time she takes it off her agenda.
  await call(bo, 'meetingday.setDecision', { itemId: item3, outcome: null });
  await page.reload();
  await page.getByRole('region', { name: '1 punkt fra et andet udvalg har fået en ændret beslutning' }).getByRole('button', { name: 'Vis ændringen på punkt 2' }).click();
  await expect(notice).toContainText('Da punktet blev optagetUdsat til august.');
  await expect(notice).toContainText('Beslutningen er fjernet; sagen er genåbnet.');
  await notice.getByRole('button', { name: 'Tag punktet af dagsordenen…' }).click();
  await notice.getByRole('button', { name: 'Tag punktet af', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByText('Informationssikkerhedspolitik 2026')).toBeHidden();
  expect((await call(app.ctx, 'agenda.get', { meetingId: OU_MEETING })).items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);
  expect((await call(app.ctx, 'proposals.list', { committeeId: ou.id, all: true }))[0]).toMatchObject({ id: accepted.id, status: 'withdrawn', change: null });
  const log = (await app.ctx.store.db.selectFrom('change_log').select('action').orderBy('seq').execute()).map((e) => e.action).filter((a) => a.startsWith('proposal.'));
  expect(log).toEqual(['proposal.create', 'proposal.accept', 'proposal.source-change', 'proposal.keep', 'proposal.source-change', 'proposal.remove']);
});
