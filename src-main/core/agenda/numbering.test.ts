import { describe, expect, test } from 'vitest';
import { numberInOrder } from '../../../src-shared/api/agenda';
import { assignNumbers, countNumbers, nextFreeNumber, type NumberingMeeting } from './numbering';

const items = (prefix: string, n: number, numbers: (number | null)[] = []) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, number: numbers[i] ?? null }));
const numbersOf = (map: Map<string, number>, prefix: string, n: number) => Array.from({ length: n }, (_, i) => map.get(`${prefix}${i + 1}`));

describe('item numbers', () => {
  test('per meeting: every meeting counts 1..n', () => {
    const meetings: NumberingMeeting[] = [
      { id: 'a', start: '2026-04-07T14:30', status: 'held', items: items('a', 3) },
      { id: 'b', start: '2026-06-02T14:30', status: 'planned', items: items('b', 2) },
    ];
    const n = assignNumbers('per-meeting', meetings);
    expect(numbersOf(n, 'a', 3)).toEqual([1, 2, 3]);
    expect(numbersOf(n, 'b', 2)).toEqual([1, 2]);
  });

  test('per year: the June meeting follows the last number used earlier in the year', () => {
    const meetings: NumberingMeeting[] = [
      { id: 'june', start: '2026-06-02T14:30', status: 'planned', items: items('j', 11) },
      { id: 'jan', start: '2026-01-13T14:30', status: 'held', items: items('x', 41) },
      { id: 'dec', start: '2025-12-09T14:30', status: 'held', items: items('d', 7) },
    ];
    const { numbers, firstNumber } = countNumbers('per-year', meetings);
    expect(numbersOf(numbers, 'j', 11)).toEqual([42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52]);
    expect(numbersOf(numbers, 'd', 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(firstNumber.get('june')).toBe(42);
  });

  test('after a reorder the numbers follow the new agenda order', () => {
    const order = [...items('j', 3)].reverse();
    const n = assignNumbers('per-year', [
      { id: 'jan', start: '2026-01-13T14:30', status: 'held', items: items('x', 41) },
      { id: 'june', start: '2026-06-02T14:30', status: 'planned', items: order },
    ]);
    expect(['j3', 'j2', 'j1'].map((id) => n.get(id))).toEqual([42, 43, 44]);
    expect(numberInOrder(42, order)).toEqual([42, 43, 44]);
  });

  test('an item moved away from an earlier meeting lowers the later numbers', () => {
    const before = assignNumbers('per-year', [
      { id: 'a', start: '2026-03-03T14:30', status: 'planned', items: items('a', 5) },
      { id: 'b', start: '2026-06-02T14:30', status: 'planned', items: items('b', 2) },
    ]);
    expect(numbersOf(before, 'b', 2)).toEqual([6, 7]);
    const after = assignNumbers('per-year', [
      { id: 'a', start: '2026-03-03T14:30', status: 'planned', items: items('a', 4) },
      { id: 'b', start: '2026-06-02T14:30', status: 'planned', items: [{ id: 'a5', number: null }, ...items('b', 2)] },
    ]);
    expect(after.get('a5')).toBe(5);
    expect(numbersOf(after, 'b', 2)).toEqual([6, 7]);
  });

  test('a cancelled meeting does not use up numbers', () => {
    const n = assignNumbers('per-year', [
      { id: 'a', start: '2026-03-03T14:30', status: 'held', items: items('a', 4) },
      { id: 'c', start: '2026-04-07T14:30', status: 'cancelled', items: items('c', 3) },
      { id: 'b', start: '2026-06-02T14:30', status: 'planned', items: items('b', 2) },
    ]);
    expect(numbersOf(n, 'b', 2)).toEqual([5, 6]);
  });

  test('frozen numbers stand, and the count goes on from the highest', () => {
    const n = assignNumbers('per-year', [
      { id: 'a', start: '2026-03-03T14:30', status: 'agenda-published', items: items('a', 3, [10, 11, 12]) },
      { id: 'b', start: '2026-06-02T14:30', status: 'planned', items: items('b', 2) },
    ]);
    expect(numbersOf(n, 'a', 3)).toEqual([10, 11, 12]);
    expect(numbersOf(n, 'b', 2)).toEqual([13, 14]);
  });

  test('a supplementary item takes the next free number, even when it is placed earlier', () => {
    const meetings: NumberingMeeting[] = [
      { id: 'june', start: '2026-06-02T14:30', status: 'agenda-published', items: items('j', 3, [42, 43, 44]) },
      { id: 'sept', start: '2026-09-01T14:30', status: 'agenda-published', items: items('s', 2, [45, 46]) },
    ];
    expect(nextFreeNumber('per-year', meetings, 'june')).toBe(47);
    expect(nextFreeNumber('per-meeting', [{ id: 'm', start: '2026-06-02T14:30', status: 'agenda-published', items: items('m', 3, [1, 2, 3]) }], 'm')).toBe(4);
    const withSupplement = [{ id: 'j9', number: 47 }, ...items('j', 3, [42, 43, 44])];
    expect(numberInOrder(42, withSupplement)).toEqual([47, 42, 43, 44]);
  });

  test('an empty published meeting starts where the year stands', () => {
    const meetings: NumberingMeeting[] = [
      { id: 'jan', start: '2026-01-13T14:30', status: 'held', items: items('x', 41) },
      { id: 'june', start: '2026-06-02T14:30', status: 'agenda-published', items: [] },
    ];
    expect(nextFreeNumber('per-year', meetings, 'june')).toBe(42);
  });
});
