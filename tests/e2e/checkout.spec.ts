// A meeting checked out by another secretary for offline work, as the browser shell shows it: the
// banner names her and since when, the editors are read-only up front (nothing to type into and be
// refused), and a forced release frees the meeting for editing again.
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';
import { oneMeeting as document } from './one-meeting';
import { copenhagenTime } from '../helpers/copenhagen-time';
import { everyonePresent, meetingDayDocument, MEETING, OU_MEETING } from '../integration/meetingday-fixture';

test('a meeting held by another is shown with her name, read-only, and can be released', async ({ page, app }) => {
  test.setTimeout(90_000);
  await call(app.ctx, 'exchange.import', { document });
  const [committee] = await call(app.ctx, 'committees.list', {});
  const [meeting] = await call(app.ctx, 'meetings.list', { committeeId: committee!.id });
  const taken = await call(app.ctx, 'checkout.take', { meetingId: meeting!.id, holder: 'Anne Holm' });
  const since = copenhagenTime(taken.checkout.since);
  const sentence = `Mødet i Økonomiudvalget den 02-06-2026 er taget med offline af Anne Holm (siden kl. ${since.time} den ${since.date}); det kan læses, men ikke ændres, før det er afleveret igen.`;

  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open(page);
  await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), meeting!.id);
  const banner = page.getByRole('region', { name: 'Mødet er taget med offline' });
  await expect(banner).toHaveText(new RegExp(`^Taget med offline\\. ${sentence.replace(/[.()]/g, '\\$&')}`));
  await page.screenshot({ path: 'test-results/checkout-held-1440.png' });

  // Reading works; nothing can be edited, and the toolbar says why.
  await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning/ }).click();
  await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Budgetopfølgning');
  await expect(page.getByRole('textbox', { name: 'Titel' })).not.toBeEditable();
  await expect(page.getByRole('button', { name: '+ Nyt punkt' })).toBeDisabled();
  await expect(page.getByText('Mødet er taget med offline og kan ikke ændres her, før det er afleveret.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Udsend dagsorden' })).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/checkout-held-1024.png' });
  expect((await call(app.ctx, 'agenda.get', { meetingId: meeting!.id })).items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Budgetopfølgning']);

  // A forced release frees it; the release is in the change log.
  await banner.getByRole('button', { name: 'Frigiv mødet…' }).click();
  await expect(banner).toContainText('men det, Anne Holm har lavet offline, bliver afvist, når det afleveres.');
  await banner.getByRole('button', { name: 'Frigiv alligevel' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Titel' })).toBeEditable();
  expect(await call(app.ctx, 'checkout.status', { meetingId: meeting!.id })).toBeNull();
  const last = await app.store.db.selectFrom('change_log').select(['action', 'payload']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  expect([last.action, JSON.parse(last.payload).forced]).toEqual(['meeting.checkout-release', true]);
});

test("a held meeting's other editing controls are off too, with the agenda's reason: the committee's edit and cancel, the answer to a changed proposal", async ({ page, app }) => {
  test.setTimeout(180_000);
  await call(app.ctx, 'exchange.import', { document: meetingDayDocument() });
  const view = await call(app.ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  const item3 = view.items[2]!.id;
  await call(app.ctx, 'meetingday.setDecision', { itemId: item3, outcome: 'recommended' });
  const ou = (await call(app.ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!;
  const [p] = await call(app.ctx, 'proposals.list', { committeeId: ou.id });
  await call(app.ctx, 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
  await call(app.ctx, 'meetingday.setDecision', { itemId: item3, outcome: 'postponed', text: 'Udsat til august.' });
  // Anne takes ØU's meeting offline; the sender's change is waiting for an answer on its agenda.
  await call(app.ctx, 'checkout.take', { meetingId: OU_MEETING, holder: 'Anne Holm' });
  const why = 'Mødet er taget med offline og kan ikke ændres her, før det er afleveret.';

  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open(page);
  await page.evaluate((id) => (window.location.hash = `#/committee/${id}`), ou.id);
  const edit = page.getByRole('button', { name: 'Rediger mødet onsdag den 10. juni 2026 kl. 08.00' });
  await expect(edit).toBeDisabled();
  await expect(edit).toHaveAccessibleDescription(why);
  await expect(page.getByRole('button', { name: 'Aflys mødet onsdag den 10. juni 2026 kl. 08.00' })).toBeDisabled();
  // The meeting not taken offline stays editable.
  await expect(page.getByRole('button', { name: 'Rediger mødet mandag den 1. juni 2026 kl. 08.00' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/checkout-held-committee-1024x768.png' });

  await page.evaluate((id) => (window.location.hash = `#/meeting/${id}/agenda`), OU_MEETING);
  await page.getByRole('button', { name: 'Vis ændringen på punkt 2' }).click();
  const notice = page.getByRole('alert', { name: 'Ændret beslutning i det afsendende udvalg' });
  await expect(notice).toContainText('NuUdsat til august.');
  await expect(notice).toContainText(why);
  await expect(notice.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/checkout-held-change-1024x768.png' });
  // Nothing was answered: the change still waits, the item is on the agenda.
  expect((await call(app.ctx, 'proposals.list', { committeeId: ou.id }))[0]!.change).not.toBeNull();
  expect((await call(app.ctx, 'agenda.get', { meetingId: OU_MEETING })).items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026']);
});
