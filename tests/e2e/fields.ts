// Filling the app's date and time fields (react-aria DatePicker and TimeField: one spin button per
// part, in the UI locale's order) as a person does with the keyboard.
import type { Locator, Page } from '@playwright/test';

type Scope = Page | Locator;
const pageOf = (scope: Scope): Page => ('keyboard' in scope ? scope : scope.page());

/** Clears every part (last first: Backspace in an empty part steps back), then types the new value; the field moves on by itself. */
async function typeParts(scope: Scope, label: string, parts: string[]): Promise<void> {
  const spins = scope.getByRole('group', { name: label, exact: true }).getByRole('spinbutton');
  const page = pageOf(scope);
  for (let i = parts.length - 1; i >= 0; i--) {
    await spins.nth(i).focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
  }
  await spins.first().focus();
  await page.keyboard.type(parts.join(''));
}

/** "2026-06-02" into a Danish date field (dd.mm.åååå). */
export async function fillDate(scope: Scope, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  await typeParts(scope, label, [d, m, y]);
}

/** "14:30" into a 24-hour time field. */
export async function fillTime(scope: Scope, label: string, hhmm: string): Promise<void> {
  const [h, m] = hhmm.split(':') as [string, string];
  await typeParts(scope, label, [h, m]);
}

/** What a date or time field shows, e.g. "02.06.2026" or "14.30" (without the bidi marks Intl puts in). */
export async function fieldText(scope: Scope, label: string): Promise<string> {
  const text = await scope.getByRole('group', { name: label, exact: true }).first().innerText();
  return text.replace(/[\u2066-\u2069\u200e\u200f\s]/g, '');
}
