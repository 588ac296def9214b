import { describe, expect, test } from 'vitest';
import type { ExMeeting, ExMember } from '../../../src-shared/exchange';
import { presenceByItem, seatHolders } from './presence';

const members: ExMember[] = [
  { key: 'hm', name: 'Holger Mikkelsen', role: 'chair' },
  { key: 'fl', name: 'Finn Lykkeskov', role: 'vice-chair' },
  { key: 'cdh', name: 'Carsten Dyhre Hansen', role: 'member' },
  { key: 'js', name: 'Jørgen Smed', role: 'member' },
  { key: 'mbi', name: 'Mette Baltersen Isen', role: 'member' },
  { key: 'sr', name: 'Stine Rønnow', role: 'substitute' },
  { key: 'old', name: 'Gammelt Medlem', role: 'member', until: '2025-12-31' },
];

const meeting: ExMeeting = {
  start: '2026-06-02T14:30',
  attendance: [
    { member: 'hm', status: 'present' },
    { member: 'fl', status: 'present', untilItem: 2 },
    { member: 'cdh', status: 'present', fromItem: 2 },
    { member: 'js', status: 'apologies' },
    { member: 'mbi', status: 'absent', substitute: 'sr' },
  ],
  items: [
    { number: 1, title: 'A' },
    { number: 2, title: 'B', absences: [{ member: 'hm', reason: 'disqualified' }] },
    { number: 3, title: 'C' },
  ],
};

describe('presence per item', () => {
  test('a member whose period ended has no seat', () => {
    expect(seatHolders(members, meeting.start).map((m) => m.key)).toEqual(['hm', 'fl', 'cdh', 'js', 'mbi']);
  });
  test('arrival, departure, substitute, apologies and disqualification', () => {
    const p = presenceByItem(members, meeting);
    expect(p.get(1)).toEqual({ number: 1, participants: ['hm', 'fl', 'sr'], apologies: ['js'], absent: ['cdh'], disqualified: [] });
    expect(p.get(2)).toEqual({ number: 2, participants: ['fl', 'cdh', 'sr'], apologies: ['js'], absent: [], disqualified: ['hm'] });
    expect(p.get(3)).toEqual({ number: 3, participants: ['hm', 'cdh', 'sr'], apologies: ['js'], absent: ['fl'], disqualified: [] });
  });
});
