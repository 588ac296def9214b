// `referent serve` with two committees and their secretaries at two computers (two browser
// contexts): each signs in, sees and edits only her committee; a reader sees the agenda but cannot
// edit; a stale edit is refused naming the colleague who changed the item; signing out ends the session.
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './serve-fixture';

const document = {
  format: 'referent/v1',
  committees: [
    {
      name: 'Økonomiudvalget',
      shortName: 'ØU',
      numbering: 'per-meeting',
      members: [],
      meetings: [{ start: '2026-06-02T14:30', items: [{ title: 'Godkendelse af dagsorden' }, { title: 'Budgetopfølgning' }] }],
    },
    {
      name: 'Teknik- og Miljøudvalget',
      shortName: 'TMU',
      numbering: 'per-meeting',
      members: [],
      meetings: [{ start: '2026-06-04T16:00', items: [{ title: 'Godkendelse af dagsorden' }, { title: 'Vejplan 2027' }] }],
    },
  ],
};

const accounts = [
  { login: 'anne', displayName: 'Anne Holm', roles: [{ committee: 'ØU', role: 'secretary' as const }] },
  { login: 'eva', displayName: 'Eva Lund', roles: [{ committee: 'ØU', role: 'secretary' as const }] },
  { login: 'bo', displayName: 'Bo Riis', roles: [{ committee: 'TMU', role: 'secretary' as const }] },
  { login: 'carl', displayName: 'Carl Dam', roles: [{ committee: 'ØU', role: 'reader' as const }] },
];

test('two secretaries of two committees each see and edit only their own; a reader reads; a stale edit names the colleague; sign-out ends the session', async ({ serve, browser }) => {
  test.setTimeout(240_000);
  const served = await serve({ document, accounts });
  const committees = await call(served.ctx, 'committees.list', {});
  const ou = committees.find((c) => c.shortName === 'ØU')!;
  const [ouMeeting] = await call(served.ctx, 'meetings.list', { committeeId: ou.id });
  const ouItem = (await call(served.ctx, 'agenda.get', { meetingId: ouMeeting!.id })).items[1]!.id;

  const anne = await served.signIn(browser, 'anne');
  const bo = await served.signIn(browser, 'bo');
  const nav = (page: typeof anne.page) => page.getByRole('navigation', { name: 'Hovednavigation' });
  await expect(nav(anne.page).getByRole('link', { name: /Økonomiudvalget/ })).toBeVisible();
  await expect(nav(anne.page).getByRole('link', { name: /Teknik- og Miljøudvalget/ })).toHaveCount(0);
  await expect(nav(anne.page).getByRole('group', { name: 'Logget ind som Anne Holm' })).toContainText('Sekretær, Økonomiudvalget');
  await expect(nav(bo.page).getByRole('link', { name: /Teknik- og Miljøudvalget/ })).toBeVisible();
  await expect(nav(bo.page).getByRole('link', { name: /Økonomiudvalget/ })).toHaveCount(0);
  // Only an administrator makes committees.
  await expect(nav(anne.page).getByRole('button', { name: /Nyt udvalg/ })).toHaveCount(0);

  // Anne edits her committee's item; the change log names her.
  const openItem = async (page: typeof anne.page) => {
    await page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), ouMeeting!.id);
    await page.getByRole('navigation', { name: 'Dagsordenens punkter' }).getByRole('button', { name: /^Punkt 2 Budgetopfølgning/ }).click();
  };
  await openItem(anne.page);
  await anne.page.getByRole('textbox', { name: 'Sagsnummer' }).fill('26/4881');
  await expect(anne.page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  expect((await call(served.ctx, 'agenda.getItem', { itemId: ouItem })).caseNumber).toBe('26/4881');
  const entry = await served.store.db.selectFrom('change_log').select(['action', 'author']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  expect(entry).toEqual({ action: 'item.update', author: 'Anne Holm (anne)' });
  await anne.page.screenshot({ path: 'test-results/serve-anne-1360.png' });

  // Bo, following a link to Anne's meeting, is told he has no role there, and nothing of it is shown.
  await bo.page.evaluate((id) => (location.hash = `#/meeting/${id}/agenda`), ouMeeting!.id);
  await expect(bo.page.getByText('Du har ingen rolle i Økonomiudvalget; bed en administrator om en.').first()).toBeVisible();
  await expect(bo.page.getByText('Budgetopfølgning')).toHaveCount(0);

  // Carl, a reader of ØU, sees the item but its fields are not editable.
  const carl = await served.signIn(browser, 'carl');
  await openItem(carl.page);
  await expect(carl.page.getByRole('textbox', { name: 'Sagsnummer' })).toHaveValue('26/4881');
  await expect(carl.page.getByRole('textbox', { name: 'Sagsnummer' })).not.toBeEditable();
  await carl.page.setViewportSize({ width: 1024, height: 768 });
  await carl.page.screenshot({ path: 'test-results/serve-reader-1024.png' });

  // Eva, the other ØU secretary, renames the item while Anne has it open: Anne's next edit is refused naming Eva.
  const eva = await served.signIn(browser, 'eva');
  await openItem(eva.page);
  await eva.page.getByRole('textbox', { name: 'Titel' }).fill('Budgetopfølgning 2. kvartal');
  await expect(eva.page.getByRole('status').filter({ hasText: 'Gemt' })).toBeVisible();
  await anne.page.getByRole('textbox', { name: 'Sagsnummer' }).fill('26/9999');
  await expect(anne.page.getByRole('alert').filter({ hasText: 'blev ændret' })).toHaveText(
    /^Punkt 2 \(Budgetopfølgning 2\. kvartal\) blev ændret af Eva Lund \(eva\) kl\. \d\d:\d\d den \d\d-\d\d-\d{4} \(titel\), efter du åbnede det;/,
  );
  await expect(anne.page.getByRole('textbox', { name: 'Titel' })).toHaveValue('Budgetopfølgning 2. kvartal');
  expect((await call(served.ctx, 'agenda.getItem', { itemId: ouItem })).caseNumber).toBe('26/4881');

  // Signing out ends the session: the sign-in page says so, and the app page sends her back to it.
  await nav(anne.page).getByRole('button', { name: 'Log ud' }).click();
  await anne.page.waitForURL(/\/login\?signed-out$/);
  await expect(anne.page.getByRole('status')).toHaveText('Du er logget ud. You are signed out.');
  await anne.page.goto(served.url);
  await anne.page.waitForURL(/\/login$/);
  const stale = await anne.context.request.post(`${served.url}api/committees.list`, { data: {}, headers: { Origin: served.url.replace(/\/$/, '') } });
  expect(stale.status()).toBe(401);
  await anne.page.screenshot({ path: 'test-results/serve-login-1360.png' });
});

test('an administrator adds an account and gives it a role on the settings screen; the new secretary then signs in to her committee', async ({ serve, browser }) => {
  test.setTimeout(180_000);
  const served = await serve({ document, accounts: [{ login: 'mette', displayName: 'Mette Skov', admin: true }] });
  const { page } = await served.signIn(browser, 'mette');
  await page.evaluate(() => (location.hash = '#/settings'));
  const panel = page.getByRole('region', { name: 'Konti' });
  await expect(panel.getByRole('table', { name: 'Konti' })).toContainText('Mette Skov');
  const form = panel.getByRole('form', { name: 'Ny konto' });
  await form.getByRole('textbox', { name: 'Brugernavn' }).fill('anne');
  await form.getByRole('textbox', { name: 'Navn', exact: true }).fill('Anne Holm');
  await form.getByLabel('Adgangskode').fill('adgangskode-anne');
  await form.getByRole('button', { name: 'Opret konto' }).click();
  await expect(panel.getByRole('table', { name: 'Konti' })).toContainText('Anne Holm');

  const roles = panel.getByRole('form', { name: 'Giv en rolle' });
  await roles.getByRole('button', { name: /Konto/ }).click();
  await page.getByRole('option', { name: 'Anne Holm (anne)' }).click();
  await roles.getByRole('button', { name: /Udvalg/ }).click();
  await page.getByRole('option', { name: 'Teknik- og Miljøudvalget' }).click();
  await roles.getByRole('button', { name: 'Gem rolle' }).click();
  await expect(panel.getByRole('row', { name: /Anne Holm/ })).toContainText('Sekretær, Teknik- og Miljøudvalget');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/serve-accounts-1024.png', fullPage: true });

  const anne = await served.signIn(browser, 'anne');
  const nav = anne.page.getByRole('navigation', { name: 'Hovednavigation' });
  await expect(nav.getByRole('link', { name: /Teknik- og Miljøudvalget/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /Økonomiudvalget/ })).toHaveCount(0);
  // Not an administrator: no accounts panel for her.
  await anne.page.evaluate(() => (location.hash = '#/settings'));
  await expect(anne.page.getByRole('heading', { name: 'Indstillinger', level: 1 })).toBeVisible();
  await expect(anne.page.getByRole('region', { name: 'Konti' })).toHaveCount(0);
});
