import { describe, expect, test } from 'vitest';
import { DEFAULT_SECTION_ORDER } from '../../../../src-shared/domain';
import type { AgendaItemDetail } from '../../../../src-shared/api/agenda';
import { applyPatch, draftOf, joinRecommendation, sectionsOf, splitRecommendation } from './draft';

const INTRO = 'Direktøren for Arbejdsmarked og Borgerservice indstiller, at';

describe('the recommendation: its opening line and its points', () => {
  test('splits as the reference prints it, and joins back to the same Markdown', () => {
    const body = `${INTRO}\n\n- udvalgets mødekalender for 2027 godkendes\n- mødetidspunkt og mødested fastsættes.`;
    const parts = splitRecommendation(body);
    expect(parts).toEqual({ intro: INTRO, points: '- udvalgets mødekalender for 2027 godkendes\n- mødetidspunkt og mødested fastsættes.' });
    expect(joinRecommendation(parts.intro, parts.points)).toBe(body);
  });

  test('the opening line is plain text: stored escaped, so that it prints as typed, and shown as typed', () => {
    for (const intro of ['1. behandling: Direktøren indstiller, at', '- Direktøren indstiller, at', 'Direktøren for *Arbejdsmarked* indstiller, at', '# 3 indstiller <at>']) {
      const body = joinRecommendation(intro, '- punktet drøftes.');
      expect(splitRecommendation(body)).toEqual({ intro, points: '- punktet drøftes.' });
      // Read as the documents read it: one paragraph of exactly that text, then the list.
      expect(body.split('\n\n')[0]).not.toBe(intro);
    }
    expect(joinRecommendation('1. behandling', '')).toBe('1\\. behandling');
  });

  test('a body that starts with its points, or spans lines, has no opening line', () => {
    expect(splitRecommendation('- dagsorden godkendes.')).toEqual({ intro: '', points: '- dagsorden godkendes.' });
    expect(splitRecommendation('Linje et\nlinje to')).toEqual({ intro: '', points: 'Linje et\nlinje to' });
    expect(joinRecommendation(INTRO, '')).toBe(INTRO);
  });
});

describe('the draft of an item', () => {
  const item = {
    title: 'Budget',
    caseNumber: null,
    access: 'open',
    role: null,
    route: [],
    sections: [
      { kind: 'presentation', heading: null, body: 'Fremstilling' },
      { kind: 'custom', heading: 'Høring', body: 'Høringssvar' },
      { kind: 'summary', heading: null, body: 'Resume' },
    ],
  } as unknown as AgendaItemDetail;

  test('sections are saved in the template’s order, empty ones left out', () => {
    const draft = draftOf(item);
    draft.bodies.legal = '   ';
    expect(sectionsOf(draft, DEFAULT_SECTION_ORDER).map((s) => `${s.kind}:${s.heading ?? ''}`)).toEqual(['summary:', 'presentation:', 'custom:Høring']);
    expect(sectionsOf(draft, ['presentation', 'custom', 'summary']).map((s) => s.kind)).toEqual(['presentation', 'custom', 'summary']);
  });

  test('an unconfirmed patch from an earlier page lays over what the core holds', () => {
    const draft = applyPatch(draftOf(item), { title: 'Budget 2027', sections: [{ kind: 'summary', body: 'Nyt resume' }] });
    expect(draft.title).toBe('Budget 2027');
    expect(draft.bodies).toEqual({ summary: 'Nyt resume' });
    expect(draft.custom).toEqual([]);
  });
});
