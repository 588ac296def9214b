import { describe, expect, test } from 'vitest';
import { resolveTemplate } from '../../../src-shared/domain';
import { fillPlaceholders } from '../../../src-shared/dates';
import { call } from '../dispatch';
import { testContext } from '../../../tests/helpers/store';

describe('committee template', () => {
  test('without a template, the reference referat’s house style applies', () => {
    const t = resolveTemplate(undefined);
    expect(t.order).toEqual(['summary', 'recommendation', 'presentation', 'legal', 'economy', 'history', 'procedure', 'custom']);
    expect(t.headings.summary).toBe('Sagsresume');
    expect(t.headings.recommendation).toBe('Indstilling');
    expect(t.decisionFirst).toBe(false);
    expect(fillPlaceholders(t.decisionHeading, { committee: 'Organisations- og Beredskabsudvalget', start: '2026-06-02T14:30' })).toBe(
      'Beslutning i Organisations- og Beredskabsudvalget den 02-06-2026',
    );
    expect(t.attendanceUnderItems).toBe(false);
    expect(t.phrases).toContain('Taget til efterretning');
    expect(t.standardItems).toEqual([]);
  });

  test('a partial template keeps the defaults for what it leaves out, and every section kind keeps a place', () => {
    const t = resolveTemplate({ headings: { summary: 'Resume og sagens baggrund' }, order: ['recommendation', 'summary'], decisionFirst: true });
    expect(t.headings.summary).toBe('Resume og sagens baggrund');
    expect(t.headings.presentation).toBe('Sagsfremstilling');
    expect(t.order.slice(0, 2)).toEqual(['recommendation', 'summary']);
    expect(new Set(t.order).size).toBe(8);
    expect(t.decisionFirst).toBe(true);
  });

  test('an edited template reaches the agenda editor, and new meetings start with its standard items', async () => {
    const ctx = testContext();
    const c = await call(ctx, 'committees.create', { name: 'Børne- og Familieudvalget', numbering: 'per-meeting' });
    await call(ctx, 'committees.update', {
      id: c.id,
      template: {
        headings: { summary: 'Resume og sagens baggrund' },
        decisionHeading: 'Beslutning',
        standardItems: [
          { title: 'Underskriftsside', role: 'signature', position: 'last' },
          { title: 'Godkendelse af dagsorden', role: 'agenda-approval', position: 'first' },
          { title: 'Meddelelser', position: 'first' },
        ],
      },
    });
    const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-09-08T16:00' });
    const agenda = await call(ctx, 'agenda.get', { meetingId: m.id });
    expect(agenda.items.map((i) => `${i.number} ${i.title} ${i.role ?? ''}`)).toEqual(['1 Godkendelse af dagsorden agenda-approval', '2 Meddelelser ', '3 Underskriftsside signature']);
    expect(agenda.template.headings.summary).toBe('Resume og sagens baggrund');
    expect(agenda.template.decisionHeading).toBe('Beslutning');
  });
});
