// A refusal of the core reaches the Danish UI as the core's Danish sentence, not its English one.
import { call } from '../../src-main/core/dispatch';
import { expect, test } from './fixtures';

test('creating a committee whose short name or name is taken is refused in Danish', async ({ page, app }) => {
  await call(app.ctx, 'committees.create', { name: 'Organisations- og Beredskabsudvalget', shortName: 'OBU', numbering: 'per-meeting' });
  await app.open(page);
  await page.getByRole('button', { name: /Nyt udvalg/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret udvalg' });
  await dialog.getByRole('textbox', { name: 'Udvalgets navn' }).fill('Økonomiudvalget');
  await dialog.getByRole('textbox', { name: 'Forkortelse' }).fill('OBU');
  await dialog.getByRole('button', { name: 'Opret' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Forkortelsen "OBU" bruges allerede af "Organisations- og Beredskabsudvalget".');
  await page.screenshot({ path: 'test-results/screens/errors-danish-short-name.png' });

  await dialog.getByRole('textbox', { name: 'Udvalgets navn' }).fill('Organisations- og Beredskabsudvalget');
  await dialog.getByRole('textbox', { name: 'Forkortelse' }).fill('');
  await dialog.getByRole('button', { name: 'Opret' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Der findes allerede et udvalg med navnet "Organisations- og Beredskabsudvalget".');

  // Nothing was created by the refused attempts.
  expect((await call(app.ctx, 'committees.list', {})).map((c) => c.name)).toEqual(['Organisations- og Beredskabsudvalget']);
});
