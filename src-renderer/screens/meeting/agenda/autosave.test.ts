// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ItemSaver, replayUnsaved } from './autosave';

type Patch = { title?: string; caseNumber?: string };

describe('autosave of an item', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  test('keystrokes within the pause become one write, sent about half a second after the last one', async () => {
    const writes: Patch[] = [];
    const saver = new ItemSaver<Patch>('item-1', async (p) => void writes.push(p));
    saver.attach();
    saver.change({ title: 'B' });
    saver.change({ title: 'Bu' });
    saver.change({ caseNumber: '26/124' });
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toEqual([{ title: 'Bu', caseNumber: '26/124' }]);
    expect(localStorage.getItem('referent.agenda.unsaved.item-1')).toBeNull();
    await saver.dispose();
  });

  test('the backup is made when the browser is idle, and at the latest when the change goes out: it is there while the write is in flight', async () => {
    let land: () => void = () => undefined;
    const saver = new ItemSaver<Patch>('item-3', () => new Promise<void>((resolve) => (land = resolve)));
    saver.attach();
    saver.change({ title: 'Skolestruktur' });
    saver.change({ title: 'Skolestruktur 2027' });
    // Nothing synchronous on the keystroke's path; once idle, the copy is there.
    expect(localStorage.getItem('referent.agenda.unsaved.item-3')).toBeNull();
    await vi.advanceTimersByTimeAsync(50);
    expect(JSON.parse(localStorage.getItem('referent.agenda.unsaved.item-3')!)).toEqual({ title: 'Skolestruktur 2027' });
    // A change flushed before the browser was idle (a page exit) is copied at once.
    saver.change({ caseNumber: '26/4881' });
    const written = saver.flush();
    expect(JSON.parse(localStorage.getItem('referent.agenda.unsaved.item-3')!)).toEqual({ title: 'Skolestruktur 2027', caseNumber: '26/4881' });
    await vi.advanceTimersByTimeAsync(0);
    land();
    await written;
    expect(localStorage.getItem('referent.agenda.unsaved.item-3')).toBeNull();
    await saver.dispose();
  });

  test('a failed write is kept (in memory and in localStorage) and goes out with the next one', async () => {
    const writes: Patch[] = [];
    let fail = true;
    const saver = new ItemSaver<Patch>('item-2', async (p) => {
      if (fail) throw new Error('offline');
      writes.push(p);
    });
    saver.attach();
    saver.change({ title: 'Budget' });
    await vi.advanceTimersByTimeAsync(600);
    expect(JSON.parse(localStorage.getItem('referent.agenda.unsaved.item-2')!)).toEqual({ title: 'Budget' });
    fail = false;
    saver.change({ caseNumber: '26/124' });
    await saver.flush();
    expect(writes).toEqual([{ title: 'Budget', caseNumber: '26/124' }]);
    expect(localStorage.getItem('referent.agenda.unsaved.item-2')).toBeNull();
  });

  test('flushAll writes every pending item at once, in order, before a page exit or an item switch', async () => {
    const order: string[] = [];
    const a = new ItemSaver<Patch>('a', async () => void order.push('a'));
    const b = new ItemSaver<Patch>('b', async () => void order.push('b'));
    a.attach();
    b.attach();
    a.change({ title: 'A' });
    b.change({ title: 'B' });
    await ItemSaver.flushAll();
    expect(order).toEqual(['a', 'b']);
    await a.dispose();
    await b.dispose();
  });

  test('what an earlier page never got stored is replayed, and dropped once written', async () => {
    localStorage.setItem('referent.agenda.unsaved.item-9', JSON.stringify({ title: 'Skrevet før nedbruddet' }));
    const replayed: [string, unknown][] = [];
    await replayUnsaved(async (key, patch) => void replayed.push([key, patch]));
    expect(replayed).toEqual([['item-9', { title: 'Skrevet før nedbruddet' }]]);
    expect(ItemSaver.unsaved('item-9')).toBeNull();
  });
});
