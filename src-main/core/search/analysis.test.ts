// words() scans a text against a table instead of running the regular expression that defines a
// word; it must cut every text exactly as the expression (and so SQLite's unicode61) does.
import { describe, expect, test } from 'vitest';
import { WordCache, words } from './analysis';

const byExpression = (text: string, min = 1): string[] => (text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((w) => w.length >= min);

/** Deterministic pseudo-random texts drawn from letters, digits, marks, punctuation and spaces of many scripts. */
function texts(count: number): string[] {
  const pool = [...'abcæøåÆØÅéü ÉÜ ß 0123456789 .,;:-/()«»"\'\n\t', '\u0301', '\u0308', '\u00a0', '\u2013', '½', '²', 'Ω', 'Ж', 'ж', 'ك', '٣', '中', 'ﬁ', 'İ', '\u200b', '😀', '𝔘', '𐐀'];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 60) }, () => pool[Math.floor(next() * pool.length)]).join(''));
}

describe('words', () => {
  test('cut Danish text as the regular expression does, lower-cased, æ, ø and å kept', () => {
    const text = 'Økonomiudvalget godkendte 2. behandling af Budget 2027-30 (sag 26/4881); ÆBLER, ål og Ærø.';
    expect(words(text)).toEqual(['økonomiudvalget', 'godkendte', '2', 'behandling', 'af', 'budget', '2027', '30', 'sag', '26', '4881', 'æbler', 'ål', 'og', 'ærø']);
    expect(words(text)).toEqual(byExpression(text));
  });

  test('leave out words shorter than asked for, and nothing else', () => {
    const text = 'Et ja, i dag og ti år: Borgmesteren bad om 12 nye ord.';
    expect(words(text, 3)).toEqual(['dag', 'borgmesteren', 'bad', 'nye', 'ord']);
    expect(words(text, 3)).toEqual(byExpression(text, 3));
  });

  test('agree with the regular expression on 2,000 texts of mixed scripts, marks, digits and characters outside the BMP', () => {
    for (const t of texts(2000)) {
      expect(words(t)).toEqual(byExpression(t));
      expect(words(t, 3)).toEqual(byExpression(t, 3));
    }
  });
});

describe('WordCache', () => {
  test('keeps at most twice its bound, and keeps a word in use however many others pass', () => {
    const cache = new WordCache<number>(100);
    cache.set('kommunen', -1);
    for (let i = 0; i < 10_000; i++) {
      cache.set(`sjælden${i}`, i);
      // A word asked for now and then stays while the rare ones pass through.
      if (i % 50 === 0) expect(cache.get('kommunen')).toBe(-1);
    }
    expect(cache.get('kommunen')).toBe(-1);
    expect(cache.get('sjælden9999')).toBe(9999);
    expect(cache.get('sjælden0')).toBeUndefined();
    const kept = Array.from({ length: 10_000 }, (_, i) => cache.get(`sjælden${i}`)).filter((v) => v !== undefined);
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept.length).toBeGreaterThanOrEqual(100);
  });
});
