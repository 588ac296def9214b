// The in-process host: the contract's Results, and a close that lets calls in flight land first.
import { describe, expect, test } from 'vitest';
import { openSqliteStore } from '../core/store/open';
import { tempStore, testContext } from '../../tests/helpers/store';
import { inProcessHost } from './in-process-host';

describe('inProcessHost', () => {
  test('a call started before close is stored; one after close is refused and changes nothing', async () => {
    const store = tempStore();
    const host = inProcessHost(testContext(store));
    const inFlight = host.invoke('committees.create', { name: 'Økonomiudvalget', numbering: 'per-year' });
    const closed = host.close();
    expect(await host.invoke('committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-year' })).toMatchObject({ ok: false, error: { message: /closing/ } });
    expect(await inFlight).toMatchObject({ ok: true, value: { name: 'Økonomiudvalget' } });
    await closed;
    expect(store.sqlite.open).toBe(false);
    const again = openSqliteStore(store.file);
    try {
      expect((await again.db.selectFrom('committees').select('name').execute()).map((r) => r.name)).toEqual(['Økonomiudvalget']);
    } finally {
      await again.close();
    }
  });
});
