// Items between committees on a served archive (issue 14 §5): two secretaries, each in her own
// browser context and with a role in her own committee only. Anne (OBU) records "Anbefales";
// Bo (Økonomiudvalget) sees the item proposed above his next meeting's agenda, opens it with its
// history, and takes it onto the agenda, where it stands with Sagens forløb. Anne sees where it
// went; the change log names each of them for what each did.
import { expect, test } from './serve-fixture';
import { call } from '../../src-main/core/dispatch';
import { everyonePresent, meetingDayDocument, MEETING, OU_MEETING } from '../integration/meetingday-fixture';

test('two secretaries hand an item from one committee to the other', async ({ browser, serve }) => {
  test.setTimeout(240_000);
  const served = await serve({
    document: meetingDayDocument(),
    accounts: [
      { login: 'anne', displayName: 'Anne Holm', roles: [{ committee: 'OBU', role: 'secretary' }] },
      { login: 'bo', displayName: 'Bo Lund', roles: [{ committee: 'ØU', role: 'secretary' }] },
    ],
  });
  await call(served.ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  const anne = await served.signIn(browser, 'anne');
  const bo = await served.signIn(browser, 'bo');

  // Anne, OBU's meeting mode, item 3: "Anbefales".
  const a = anne.page;
  await a.evaluate((id) => (window.location.hash = `#/meeting/${id}/meetingday`), MEETING);
  await a.getByRole('tab', { name: 'Mødetilstand' }).click();
  await a.getByRole('listbox', { name: 'Punkter', exact: true }).getByRole('option', { name: /^3\. Informationssikkerhedspolitik 2026/ }).click();
  await expect(a.getByRole('heading', { level: 2, name: /^Punkt \d+:/ })).toHaveText('Punkt 3: Informationssikkerhedspolitik 2026');
  await a.getByRole('textbox', { name: 'Beslutningstekst' }).focus();
  await a.keyboard.press('Alt+5');
  await expect(a.getByRole('status').filter({ hasText: /^Foreslået til/ })).toHaveText(
    'Foreslået til Økonomiudvalget til mødet onsdag den 10. juni 2026; venter på, at udvalgets sekretær optager punktet.',
  );

  // Bo, Økonomiudvalget's next meeting: the proposal above the agenda, opened with its history, taken on.
  const b = bo.page;
  await b.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), OU_MEETING);
  const panel = b.getByRole('region', { name: '1 forslag fra et andet udvalg' });
  await expect(panel).toContainText('Fra Organisations- og Beredskabsudvalget 02.06.2026, punkt 3 · 26/9889');
  await panel.getByRole('button', { name: 'Åbn forslaget Informationssikkerhedspolitik 2026' }).click();
  const dialog = b.getByRole('dialog', { name: 'Informationssikkerhedspolitik 2026' });
  await expect(dialog.getByRole('region', { name: 'Sagens forløb' })).toContainText('Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3');
  await dialog.getByRole('button', { name: 'Optag på dagsordenen' }).click();
  await expect(dialog).toBeHidden();
  await expect(b.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByText('Informationssikkerhedspolitik 2026')).toBeVisible();
  await expect(b.getByRole('region', { name: 'Sagens forløb' })).toContainText('Organisations- og Beredskabsudvalget den 02-06-2026, punkt 3');
  const agenda = await call(served.ctx, 'agenda.get', { meetingId: OU_MEETING });
  expect(agenda.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Godkendelse af dagsorden', '2 Informationssikkerhedspolitik 2026']);

  // Anne sees where it went; each entry of the change log names who did it.
  await a.reload();
  await a.getByRole('tab', { name: 'Mødetilstand' }).click();
  await a.getByRole('listbox', { name: 'Punkter', exact: true }).getByRole('option', { name: /^3\. Informationssikkerhedspolitik 2026/ }).click();
  await expect(a.getByRole('status').filter({ hasText: /^Optaget hos/ })).toHaveText('Optaget hos Økonomiudvalget onsdag den 10. juni 2026, punkt 2.');
  const log = await served.ctx.store.db.selectFrom('change_log').select(['action', 'author']).where('action', 'like', 'proposal.%').orderBy('seq').execute();
  expect(log).toEqual([
    { action: 'proposal.create', author: 'Anne Holm (anne)' },
    { action: 'proposal.accept', author: 'Bo Lund (bo)' },
  ]);
});
