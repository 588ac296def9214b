import { describe, expect, test } from 'vitest';
import type { ItemPresence } from '../meetings/presence';
import { dissentFault, minoritySide, sideOf, voteFault } from './vote-rules';
import { phraseToDecision } from '../../../src-shared/api/meetingday';

const parties: Record<string, string> = { hm: 'A', cdh: 'A', fl: 'V', js: 'V', mbi: 'O', sr: 'O' };
const names: Record<string, string> = { hm: 'Holger Mikkelsen', cdh: 'Carsten Dyhre Hansen', fl: 'Finn Lykkeskov', js: 'Jørgen Smed', mbi: 'Mette Baltersen Isen', sr: 'Stine Rønnow' };
const people = { name: (k: string) => names[k] ?? k, party: (k: string) => parties[k] ?? null };
const presence: ItemPresence = { number: 5, participants: ['hm', 'cdh', 'fl', 'js', 'sr'], apologies: [], absent: ['mbi'], disqualified: [] };

describe('who may vote', () => {
  test('a member absent for the item cannot vote', () => {
    expect(voteFault({ for: ['hm', 'mbi'], against: [], abstained: [] }, presence, people)).toBe('Mette Baltersen Isen was not present for item 5, so cannot vote on it.');
  });
  test('a disqualified member cannot vote', () => {
    expect(voteFault({ for: ['hm'], against: ['js'], abstained: [] }, { ...presence, participants: ['hm', 'cdh', 'fl', 'sr'], disqualified: ['js'] }, people)).toMatch(/Jørgen Smed was disqualified \(inhabil\) for item 5/);
  });
  test('no one votes twice', () => {
    expect(voteFault({ for: ['hm'], against: ['hm'], abstained: [] }, presence, people)).toBe('Holger Mikkelsen is counted twice in the vote on item 5.');
  });
  test('a party cannot cast more votes than it has members present', () => {
    expect(voteFault({ for: [{ party: 'A', count: 2 }], against: [{ party: 'V', count: 2 }], abstained: [] }, presence, people)).toBeNull();
    expect(voteFault({ for: [{ party: 'A', count: 3 }], against: [], abstained: [] }, presence, people)).toBe(
      'The vote on item 5 counts 3 from party A, but only 2 of its members took part in the item.',
    );
  });
});

describe('the minority and dissent', () => {
  const split = { for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] };
  test('more for than against carries; a tie falls', () => {
    expect(minoritySide(split)).toBe('against');
    expect(minoritySide({ for: ['hm'], against: ['js'], abstained: [] })).toBe('for');
  });
  test('a member in the minority may dissent; one in the majority may not, and is told why', () => {
    expect(dissentFault(split, presence, 'js', people)).toBeNull();
    expect(dissentFault(split, presence, 'hm', people)).toBe('Holger Mikkelsen voted for on item 5, with the majority; only a member who voted in the minority may have a dissent recorded.');
    expect(dissentFault({ ...split, for: ['hm', 'cdh'], abstained: ['sr'] }, presence, 'sr', people)).toMatch(/Stine Rønnow abstained on item 5/);
    expect(dissentFault(split, presence, 'mbi', people)).toMatch(/Mette Baltersen Isen did not take part in item 5/);
    expect(dissentFault(undefined, presence, 'js', people)).toMatch(/No vote is recorded on item 5/);
  });
  test('by party: the party side decides, a split party is ambiguous', () => {
    const byParty = { for: [{ party: 'A', count: 2 }, { party: 'O', count: 1 }], against: [{ party: 'V', count: 2 }], abstained: [] };
    expect(sideOf(byParty, 'js', 'V')).toBe('against');
    expect(dissentFault(byParty, presence, 'fl', people)).toBeNull();
    expect(sideOf({ for: [{ party: 'V', count: 1 }], against: [{ party: 'V', count: 1 }], abstained: [] }, 'js', 'V')).toBe('ambiguous');
  });
});

describe('phrases', () => {
  test('a standard phrase gives its outcome, with text only when it says more', () => {
    expect(phraseToDecision('Godkendt')).toEqual({ outcome: 'approved', text: null });
    expect(phraseToDecision('Taget til efterretning')).toEqual({ outcome: 'noted', text: null });
    expect(phraseToDecision('Anbefales over for Kommunalbestyrelsen')).toEqual({ outcome: 'recommended', text: 'Anbefales over for Kommunalbestyrelsen' });
    expect(phraseToDecision('Sendt i høring')).toEqual({ outcome: 'other', text: 'Sendt i høring' });
  });
});
