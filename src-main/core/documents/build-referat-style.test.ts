// House-style options of the template (member titles, a heading over the case's sections,
// attendance lines at the end of items, substitutes in the header or under items), the compact
// decision record, the signature sheet before and after approval, and the public version under
// each publication profile.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommitteeTemplate } from '../../../src-shared/domain';
import type { ReferentDocument } from '../../../src-shared/exchange';
import { buildReferat, type Block, type Chapter, type ReferatInput } from './build-referat';
import { referatInputFromExchange } from './exchange-input';

const fixture = (): ReferentDocument =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../tests/fixtures/documents/rich-meeting.json'), 'utf8')) as ReferentDocument;

/** The rich meeting, with the template (and committee and meeting) changed as a test needs. */
function input(template: CommitteeTemplate = {}, change: (doc: ReferentDocument) => void = () => {}): ReferatInput {
  const doc = fixture();
  const c = doc.committees[0]!;
  c.template = { ...c.template, ...template };
  change(doc);
  return referatInputFromExchange(c, c.meetings[0]!, 'Haderslev Kommune');
}

const text = (c: Chapter): string[] =>
  c.blocks.flatMap((b: Block) =>
    b.type === 'heading'
      ? [`${b.level === 3 ? '###' : '##'} ${b.text}`]
      : b.type === 'lines'
        ? b.lines
        : b.type === 'markdown'
          ? [b.source]
          : b.rows.map((r) => `${r.name} | ${r.status || '________'}`),
  );
const participants = (i: ReferatInput): string => buildReferat(i, 'minutes').facts.find((f) => f.label === 'Mødedeltagere')!.value;

describe('member titles in the participants line', () => {
  const titled = (doc: ReferentDocument): void => {
    const m = doc.committees[0]!.members;
    m.find((x) => x.key === 'hm')!.title = 'formand for udvalget';
    m.find((x) => x.key === 'sb')!.title = 'byrådsmedlem';
    m.find((x) => x.key === 'aj')!.title = 'teamleder';
  };

  it('print by default: "Martin Damm (teamleder)", joined with what else is said about the member', () => {
    expect(participants(input({}, titled))).toBe(
      'Holger Mikkelsen (formand for udvalget), Finn Lykkeskov (til punkt 5), Carsten Dyhre Hansen, Jørgen Smed, Svend Brandt (byrådsmedlem, Afbud), ' +
        'Anne Juhl (teamleder, suppleant for Svend Brandt), Mette Lund (teamleder, punkt 2)',
    );
  });

  it('stay out when the house style says so', () => {
    expect(participants(input({ memberTitles: false }, titled))).toBe(
      'Holger Mikkelsen, Finn Lykkeskov (til punkt 5), Carsten Dyhre Hansen, Jørgen Smed, Svend Brandt (Afbud), Anne Juhl (suppleant for Svend Brandt), Mette Lund (teamleder, punkt 2)',
    );
  });
});

describe('house-style options', () => {
  it('a wrapping heading over the case sections puts their headings one level down, with the decision first', () => {
    const doc = buildReferat(input({ decisionFirst: true, decisionHeading: 'Beslutning', sectionsHeading: 'Sagsfremstilling' }), 'minutes');
    expect(text(doc.chapters[1]!).filter((l) => l.startsWith('#'))).toEqual([
      '## Beslutning',
      '## Sagsfremstilling',
      '### Resume og sagens baggrund',
      '### Indstilling',
      '### Sagsfremstilling',
      '### Økonomiske konsekvenser',
      '### Procedure',
      '## Bilag',
    ]);
    // Without it, the sections' headings are level 2 as before.
    expect(text(buildReferat(input({ decisionFirst: true }), 'minutes').chapters[1]!).filter((l) => l.startsWith('###'))).toEqual([]);
  });

  it('attendance lines at the end of each item as well as under the decision', () => {
    const doc = buildReferat(input({ decisionFirst: true, attendanceAtEnd: true }), 'minutes');
    const p2 = text(doc.chapters[1]!);
    const under = p2.slice(p2.indexOf('## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026'), p2.indexOf('## Resume og sagens baggrund'));
    expect(under.slice(-2)).toEqual(['Afbud: Svend Brandt', 'Inhabil: Jørgen Smed']);
    expect(p2.slice(-2)).toEqual(['Afbud: Svend Brandt', 'Inhabil: Jørgen Smed']);
    expect(p2.at(-3)).toBe('Fortroligt bilag Kvistgård leverandørpriser (lukket bilag)');
    // With the decision last and no attachments, the lines are the item's last already: printed once.
    const last = text(buildReferat(input({ attendanceAtEnd: true }), 'minutes').chapters[4]!);
    expect(last.filter((l) => l === 'Afbud: Svend Brandt')).toHaveLength(1);
  });

  it('the substitute is named in the header, or instead under each item they sat for', () => {
    const header = input({ substituteInHeader: false });
    expect(participants(header)).not.toContain('Anne Juhl');
    const doc = buildReferat(header, 'minutes');
    expect(text(doc.chapters[1]!)).toContain('Suppleant Anne Juhl deltog i stedet for Svend Brandt');
    expect(text(buildReferat(input(), 'minutes').chapters[1]!)).not.toContain('Suppleant Anne Juhl deltog i stedet for Svend Brandt');
  });
});

describe('the decision record', () => {
  it('is compact: items run on, each with title, case number, recommendation, decision, votes, dissents and attendance', () => {
    const doc = buildReferat(input(), 'decisions');
    const items = doc.chapters.filter((c) => c.number !== null);
    expect(items.map((c) => c.newPage)).toEqual(items.map(() => false));
    const p2 = doc.chapters[1]!;
    expect(p2.heading).toBe('Punkt 2: Budgetopfølgning og rige formater');
    expect(text(p2)).toEqual([
      '26/1001',
      '## Indstilling',
      expect.stringContaining('Direktøren indstiller'),
      '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026',
      'Godkendt med bemærkning om **tæt opfølgning**.',
      'Afstemning – For: 3 (Holger Mikkelsen, Finn Lykkeskov, Anne Juhl); Imod: 1 (Carsten Dyhre Hansen); Undlod at stemme: 1 (F (1))',
      'Protokoltilførsel fra Carsten Dyhre Hansen: Dansk Folkeparti kan ikke støtte forslaget, da anlægsrammen er for lav.',
      'Afbud: Svend Brandt',
      'Inhabil: Jørgen Smed',
    ]);
    // The signature page still has a page of its own; the minutes keep one page per item.
    expect(doc.chapters.find((c) => c.anchor === 'underskriftsside')!.newPage).toBe(true);
    expect(buildReferat(input(), 'minutes').chapters.every((c) => c.newPage)).toBe(true);
  });
});

describe('the signature page', () => {
  const unapproved = (doc: ReferentDocument): void => {
    const m = doc.committees[0]!.meetings[0]!;
    m.status = 'held';
  };

  it('before approval is a sheet to sign, with approvals recorded so far, and never says "not approved"', () => {
    for (const isPublic of [false, true]) {
      const doc = buildReferat(input({}, unapproved), 'minutes', { public: isPublic });
      const page = doc.chapters.find((c) => c.anchor === 'underskriftsside')!;
      expect(text(page)).toEqual([
        'Referatet godkendes af de medlemmer, der deltog i mødet.',
        'Holger Mikkelsen | Godkendt 11-03-2026 kl. 09:15',
        'Finn Lykkeskov | ________',
        'Carsten Dyhre Hansen | Godkendt 11-03-2026 kl. 10:02',
        'Jørgen Smed | ________',
        'Anne Juhl | ________',
      ]);
      expect(page.blocks.find((b) => b.type === 'signatures')).toMatchObject({ approved: false });
      expect(JSON.stringify(doc)).not.toMatch(/[Ii]kke godkendt/);
    }
  });

  it('after approval states who approved and when, in both versions', () => {
    for (const isPublic of [false, true]) {
      const page = buildReferat(input(), 'minutes', { public: isPublic }).chapters.find((c) => c.anchor === 'underskriftsside')!;
      expect(text(page)).toEqual(['Referatet er godkendt af:', 'Holger Mikkelsen | Godkendt 11-03-2026 kl. 09:15', 'Carsten Dyhre Hansen | Godkendt 11-03-2026 kl. 10:02']);
      expect(page.blocks.find((b) => b.type === 'signatures')).toMatchObject({ approved: true });
    }
  });
});

describe('the public version under the council profile', () => {
  /** Item 3 has a public title, a reason and a publishable decision; item 4's decision is withheld. */
  const council = (doc: ReferentDocument): void => {
    const c = doc.committees[0]!;
    c.publicationProfile = 'council';
    const [p3, p4] = [c.meetings[0]!.items[2]!, c.meetings[0]!.items[3]!];
    p3.publicTitle = 'Salg af kommunalt areal';
    p3.closedReason = { kind: 'property', text: 'kommunestyrelseslovens § 10' };
    p3.decision!.text = 'Salget godkendes på de forhandlede vilkår.';
    p4.closedReason = { kind: 'personal' };
    p4.decision!.public = false;
    c.meetings[0]!.guests = [...(c.meetings[0]!.guests ?? []), { name: 'Advokat Bent Ørnebjerg', items: [3] }, { name: 'Jurist Eva Lind', items: [3, 5] }];
  };

  it('keeps the public title, the reason, and the decision with the vote count but no names', () => {
    const doc = buildReferat(input({}, council), 'minutes', { public: true });
    const [p3, p4] = [doc.chapters[2]!, doc.chapters[3]!];
    expect([p3.heading, p3.tocTitle]).toEqual(['Punkt 3: Salg af kommunalt areal', 'Salg af kommunalt areal']);
    expect(text(p3)).toEqual([
      'Punktet er behandlet for lukkede døre.',
      'Lukket af hensyn til køb eller salg af fast ejendom (kommunestyrelseslovens § 10).',
      '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026',
      'Salget godkendes på de forhandlede vilkår.',
      'Afstemning – For: 2; Imod: 1; Undlod at stemme: 0',
    ]);
    // Withheld: the stub and the reason only.
    expect([p4.heading, ...text(p4)]).toEqual(['Punkt 4: Lukket punkt', 'Punktet er behandlet for lukkede døre.', 'Lukket af hensyn til personlige forhold.']);
    // A guest who came for closed items only is left out; another keeps only the open item's number.
    const people = doc.facts.find((f) => f.label === 'Mødedeltagere')!.value;
    expect(people).not.toContain('Ørnebjerg');
    expect(people).toContain('Jurist Eva Lind (punkt 5)');
    expect(JSON.stringify(doc)).not.toMatch(/Vestermarken|Kvistgård|SAG-LUKKET|Ørnebjerg|Hemmelig|tiltrådte/);
  });

  it('the committee profile prints the title but not the reason, and the decision only when marked public', () => {
    const doc = buildReferat(
      input({}, (d) => {
        council(d);
        d.committees[0]!.publicationProfile = 'committee';
      }),
      'minutes',
      { public: true },
    );
    expect([doc.chapters[2]!.heading, ...text(doc.chapters[2]!)]).toEqual(['Punkt 3: Salg af kommunalt areal', 'Punktet er behandlet for lukkede døre.']);
  });

  it('the internal version notes the public title, the reason and whether the decision is published', () => {
    const p3 = text(buildReferat(input({}, council), 'minutes').chapters[2]!);
    expect(p3.slice(0, 4)).toEqual([
      'SAG-LUKKET-777',
      'Lukket punkt (offentlig titel: Salg af kommunalt areal)',
      'Lukket af hensyn til køb eller salg af fast ejendom (kommunestyrelseslovens § 10).',
      'Beslutningen offentliggøres.',
    ]);
  });

  it('addenda, which carry no access of their own, stay out of the public version', () => {
    expect(buildReferat(input(), 'minutes', { public: true }).chapters.some((c) => c.anchor === 'tilfoejelser')).toBe(false);
    expect(buildReferat(input(), 'minutes').chapters.some((c) => c.anchor === 'tilfoejelser')).toBe(true);
  });
});
