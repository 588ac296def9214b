// The call tracker behind every host's close: drain waits for calls in flight, then refuses new ones.
import { describe, expect, test } from 'vitest';
import { createCallTracker } from './call-tracker';

describe('createCallTracker', () => {
  test('drain waits for calls in flight, and closing is set at once', async () => {
    const tracker = createCallTracker();
    let release!: () => void;
    const slow = tracker.track(new Promise<string>((resolve) => (release = () => resolve('done'))));
    let drained = false;
    const draining = tracker.drain().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);
    expect(tracker.closing).toBe(true);
    release();
    await draining;
    expect(await slow).toBe('done');
    expect(drained).toBe(true);
  });

  test('a call that fails still counts as settled', async () => {
    const tracker = createCallTracker();
    const failing = tracker.track(Promise.reject(new Error('boom')));
    await expect(failing).rejects.toThrow('boom');
    await tracker.drain();
    expect(tracker.closing).toBe(true);
  });
});
