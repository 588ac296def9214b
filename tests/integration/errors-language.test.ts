// A refusal reaches the user as one sentence in her language: English for the CLI and the
// English UI, Danish for the Danish UI when the core has it.
import { describe, expect, test } from 'vitest';
import { invoke } from '../../src-main/core/dispatch';
import { testContext } from '../helpers/store';

describe('error language', () => {
  test('a service refusal carries both languages', async () => {
    const ctx = testContext();
    await invoke(ctx, 'committees.create', { name: 'Økonomiudvalget', shortName: 'ØU', numbering: 'per-meeting' });
    const r = await invoke(ctx, 'committees.create', { name: 'Økonomiudvalget', numbering: 'per-meeting' });
    expect(r).toEqual({ ok: false, error: { code: 'Conflict', message: 'A committee called "Økonomiudvalget" already exists.', messageDa: 'Der findes allerede et udvalg med navnet "Økonomiudvalget".' } });
  });

  test('a schema fault is named in Danish too', async () => {
    const r = await invoke(testContext(), 'committees.create', { name: 'X', numbering: 'hver uge' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^numbering: Invalid option/);
    expect(r.error.messageDa).toMatch(/^numbering: Ugyldigt valg/);
  });
});
