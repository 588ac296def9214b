// Members through the UI: a duplicate is refused with a sentence, a member added by mistake is
// deleted, and one the minutes name is refused with the reason and ended instead.
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

test('refuse a duplicate member, delete a mistaken one, end one who is in the minutes', async ({ page, app }) => {
  test.setTimeout(120_000);
  const c = await call(app.ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' });
  await call(app.ctx, 'committees.addMember', { committeeId: c.id, name: 'Holger Mikkelsen', role: 'chair', from: '2026-01-01' });
  const withStine = await call(app.ctx, 'committees.addMember', { committeeId: c.id, name: 'Stine Rønnow', role: 'member' });
  const meeting = await call(app.ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-02T14:30' });
  await call(app.ctx, 'meetingday.setAttendance', { meetingId: meeting.id, entries: [{ member: withStine.members[1]!.key, status: 'present' }] });
  await app.open(page);
  await page.evaluate((id) => (location.hash = `#/committee/${id}`), c.id);
  await page.getByRole('tab', { name: 'Medlemmer' }).click();

  // A second formand in the same period is refused, and nothing is added.
  await page.getByRole('button', { name: '+ Tilføj medlem' }).click();
  const add = page.getByRole('dialog', { name: 'Tilføj medlem' });
  await add.getByRole('textbox', { name: 'Navn' }).fill('Svend Brandt');
  await add.getByRole('button', { name: /Rolle/ }).click();
  await page.getByRole('option', { name: 'Formand', exact: true }).click();
  await add.getByRole('button', { name: 'Tilføj medlem' }).click();
  await expect(add.getByRole('alert')).toHaveText('Udvalget har allerede en formand i den periode: Holger Mikkelsen (fra 1. januar 2026). Afslut det medlemskab eller ret rollen først.');
  // The same person twice.
  await add.getByRole('textbox', { name: 'Navn' }).fill('holger mikkelsen');
  await add.getByRole('button', { name: /Rolle/ }).click();
  await page.getByRole('option', { name: 'Medlem', exact: true }).click();
  await add.getByRole('button', { name: 'Tilføj medlem' }).click();
  await expect(add.getByRole('alert')).toHaveText('Holger Mikkelsen er allerede medlem af udvalget i den periode (fra 1. januar 2026); ret det medlemskab i stedet for at tilføje personen to gange.');
  // A typo, added by mistake, then deleted.
  await add.getByRole('textbox', { name: 'Navn' }).fill('Holger Mikelsen');
  await add.getByRole('button', { name: 'Tilføj medlem' }).click();
  await expect(add).toBeHidden();
  await page.getByRole('button', { name: 'Slet Holger Mikelsen' }).click();
  const del = page.getByRole('dialog', { name: 'Slet Holger Mikelsen' });
  await del.getByRole('button', { name: 'Slet' }).click();
  await expect(del).toBeHidden();
  await expect(page.getByRole('row', { name: /Holger Mikelsen/ })).toHaveCount(0);

  // Stine Rønnow attended a meeting: refused with the reason, and ending the membership is offered.
  await page.getByRole('button', { name: 'Slet Stine Rønnow' }).click();
  const refuse = page.getByRole('dialog', { name: 'Slet Stine Rønnow' });
  await refuse.getByRole('button', { name: 'Slet' }).click();
  await expect(refuse.getByRole('alert')).toHaveText('Stine Rønnow kan ikke slettes, fordi ét møde har vedkommende i protokollen (fremmøde). Afslut medlemskabet i stedet; referaterne beholder navnet.');
  await refuse.getByRole('button', { name: 'Afslut medlemskabet i stedet' }).click();
  await expect(page.getByRole('dialog', { name: 'Afslut medlemskab for Stine Rønnow' })).toBeVisible();
  expect((await call(app.ctx, 'committees.get', { id: c.id })).members.map((m) => m.name)).toEqual(['Holger Mikkelsen', 'Stine Rønnow']);
});
