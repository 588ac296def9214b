// The document tree: everything the reference holds, following the committee template, and the
// public version as DESIGN.md's conventions describe it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReferentDocument } from '../../../src-shared/exchange';
import { buildReferat, type Block, type Chapter, type DocumentKind } from './build-referat';
import { referatInputFromExchange } from './exchange-input';

const fixtures = path.resolve(import.meta.dirname, '../../../tests/fixtures');
const load = (file: string) => {
  const doc = JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as ReferentDocument;
  const c = doc.committees[0]!;
  return { committee: c, input: referatInputFromExchange(c, c.meetings[0]!, doc.organization?.name ?? null) };
};
const reference = load('reference-referat.json');
const rich = load('documents/rich-meeting.json');

/** A chapter as the reader sees it: one line per heading, text and row. */
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

describe('buildReferat', () => {
  it('holds the reference: title, facts, TOC titles, "Punkt N: title", case number, sections, decision and Bilag in order', () => {
    const doc = buildReferat(reference.input, 'minutes');
    expect(doc.title).toBe('REFERAT Organisations- og Beredskabsudvalget d. 02-06-2026');
    expect(doc.facts).toEqual([
      { label: 'Mødedato', value: 'Tirsdag d. 02. juni 2026 kl. 14:30' },
      { label: 'Mødested', value: 'Rådhuset, Indg. A, 3. sal, lokale Nørre Vilstrup' },
      { label: 'Mødedeltagere', value: 'Holger Mikkelsen, Finn Lykkeskov, Carsten Dyhre Hansen, Jørgen Smed, Svend Brandt' },
    ]);
    expect(doc.chapters.map((c) => c.heading)).toEqual([
      'Punkt 42: Godkendelse af dagsorden',
      'Punkt 43: Databeskyttelsesrådgiverens årsberetning for 2025',
      'Punkt 44: Haderslev Kommunes Informationssikkerhedspolitik 2026',
      "Punkt 45: KL's Baseline 2026 for Haderslev Kommune",
      'Punkt 46: Digitaliseringsstrategi 2026 - 2028',
      'Punkt 47: Kunstig intelligens (AI) og borgerdialog',
      'Punkt 48: Budget 2027-2030 Organisations- og Beredskabsudvalget - Teknisk budget',
      'Punkt 49: Budget 2027-2030 Organisations- og Beredskabsudvalget - Supplerende budget',
      'Punkt 50: Politisk mødekalender 2027',
      'Punkt 51: Gensidig orientering',
      'Punkt 52: Underskriftsside',
    ]);
    expect(doc.chapters[0]!.tocTitle).toBe('Godkendelse af dagsorden');
    const p43 = text(doc.chapters[1]!);
    expect(p43.filter((l) => l.startsWith('## ') || l === '26/4881')).toEqual([
      '26/4881',
      '## Sagsresume',
      '## Indstilling',
      '## Sagsfremstilling',
      '## Procedure',
      '## Beslutning i Organisations- og Beredskabsudvalget den 02-06-2026',
      '## Bilag',
    ]);
    expect(p43.slice(p43.indexOf('## Procedure'))).toEqual([
      '## Procedure',
      'Organisations- og Beredskabsudvalget 2. juni 2026',
      'Kommunalbestyrelsen 23. juni 2026',
      '## Beslutning i Organisations- og Beredskabsudvalget den 02-06-2026',
      'Taget til efterretning',
      '## Bilag',
      'DPO Audit 2025 - Rapport til Haderslev Kommune',
      'Styregruppen for Digital Fremtids indsatsområder 2026-27 - Maj 2026',
    ]);
    expect(text(doc.chapters[5]!)).toContain('Drøftet, idet udvalget ønsker at følge udviklingen. Der gives ny status inden årets udgang.');
    // Before approval the signature item is a sheet to sign: a blank line for each member who took part.
    expect(text(doc.chapters[10]!).slice(-6)).toEqual([
      'Referatet godkendes af de medlemmer, der deltog i mødet.',
      'Holger Mikkelsen | ________',
      'Finn Lykkeskov | ________',
      'Carsten Dyhre Hansen | ________',
      'Jørgen Smed | ________',
      'Svend Brandt | ________',
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/Ikke godkendt/);
  });

  it('follows the template: renamed and reordered sections, attendance under every item, votes, dissents, inhabil, signature page, addenda', () => {
    const doc = buildReferat(rich.input, 'minutes');
    expect(doc.facts[2]!.value).toBe(
      'Holger Mikkelsen, Finn Lykkeskov (til punkt 5), Carsten Dyhre Hansen, Jørgen Smed, Svend Brandt (Afbud), Anne Juhl (suppleant for Svend Brandt), Mette Lund (teamleder, punkt 2)',
    );
    const p2 = text(doc.chapters[1]!);
    expect(p2.filter((l) => l.startsWith('## '))).toEqual([
      '## Resume og sagens baggrund',
      '## Indstilling',
      '## Sagsfremstilling',
      '## Økonomiske konsekvenser',
      '## Procedure',
      '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026',
      '## Bilag',
    ]);
    expect(p2.slice(p2.indexOf('## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026') + 1, p2.indexOf('## Bilag'))).toEqual([
      'Godkendt med bemærkning om **tæt opfølgning**.',
      'Afstemning – For: 3 (Holger Mikkelsen, Finn Lykkeskov, Anne Juhl); Imod: 1 (Carsten Dyhre Hansen); Undlod at stemme: 1 (F (1))',
      'Protokoltilførsel fra Carsten Dyhre Hansen: Dansk Folkeparti kan ikke støtte forslaget, da anlægsrammen er for lav.',
      'Afbud: Svend Brandt',
      'Inhabil: Jørgen Smed',
    ]);
    expect(p2.slice(-2)).toEqual(['Budgetnotat marts 2026.pdf', 'Fortroligt bilag Kvistgård leverandørpriser (lukket bilag)']);
    // A custom section keeps its own heading; Finn Lykkeskov left after item 5.
    const p5 = text(doc.chapters[4]!);
    expect(p5.filter((l) => l.startsWith('## '))).toEqual(['## Resume og sagens baggrund', '## Juridiske aspekter', '## Høringssvar', '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026']);
    expect(p5).toContain('Udsat');
    expect(text(doc.chapters[5]!)).toEqual(expect.arrayContaining(['Afbud: Svend Brandt', 'Fraværende: Finn Lykkeskov']));

    expect(doc.chapters.slice(-2).map((c) => [c.anchor, c.heading])).toEqual([
      ['underskriftsside', 'Underskriftsside'],
      ['tilfoejelser', 'Tilføjelser efter godkendelse'],
    ]);
    // The minutes are approved: the page states who approved them and when.
    expect(text(doc.chapters.at(-2)!)).toEqual(['Referatet er godkendt af:', 'Holger Mikkelsen | Godkendt 11-03-2026 kl. 09:15', 'Carsten Dyhre Hansen | Godkendt 11-03-2026 kl. 10:02']);
    expect(text(doc.chapters.at(-1)!)).toEqual(['## Tilføjet 20-03-2026', 'Rettelse: I punkt 2 skal beløbet for anlæg være **275** t.kr.']);
  });

  it('without attendance under every item, prints only what differs from the header: an item-only absence and inhabil', () => {
    const input = { ...rich.input, committee: { ...rich.input.committee, template: { ...rich.input.committee.template, attendanceUnderItems: false } } };
    const doc = buildReferat(input, 'minutes');
    expect(text(doc.chapters[0]!).filter((l) => /^(Afbud|Fraværende|Inhabil):/.test(l))).toEqual([]);
    expect(text(doc.chapters[1]!).filter((l) => /^(Afbud|Fraværende|Inhabil):/.test(l))).toEqual(['Inhabil: Jørgen Smed']);
    expect(text(doc.chapters[5]!).filter((l) => /^(Afbud|Fraværende|Inhabil):/.test(l))).toEqual(['Fraværende: Finn Lykkeskov']);
  });

  it('prints the decision first, under the plain heading, when the template says so', () => {
    const input = { ...rich.input, committee: { ...rich.input.committee, template: { ...rich.input.committee.template, decisionFirst: true, decisionHeading: 'Beslutning' } } };
    const p1 = text(buildReferat(input, 'minutes').chapters[0]!);
    expect(p1.filter((l) => l.startsWith('## '))).toEqual(['## Beslutning', '## Indstilling', '## Procedure']);
  });

  it('the public version (committee profile): a closed item keeps its number and public title, and its decision only when marked public', () => {
    for (const kind of ['agenda', 'minutes', 'decisions'] as DocumentKind[]) {
      const doc = buildReferat(rich.input, kind, { public: true });
      const [p3, p4] = [doc.chapters[2]!, doc.chapters[3]!];
      expect([p3.heading, p3.tocTitle, p4.heading]).toEqual(['Punkt 3: Lukket punkt', 'Lukket punkt', 'Punkt 4: Lukket punkt']);
      const stub = kind === 'agenda' ? 'Punktet behandles for lukkede døre.' : 'Punktet er behandlet for lukkede døre.';
      expect(text(p3)).toEqual([stub]);
      expect(text(p4)).toEqual(kind === 'agenda' ? [stub] : [stub, '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026', 'Udvalget tiltrådte indstillingen.']);
      expect(JSON.stringify(doc)).not.toMatch(/Vestermarken|Kvistgård|SAG-LUKKET|Ørnebjerg|Hemmelig/);
    }
  });

  it('kinds: the agenda has no decisions, the decision record no sections but the recommendation', () => {
    const agenda = buildReferat(rich.input, 'agenda');
    expect(agenda.title).toBe('DAGSORDEN Organisations- og Beredskabsudvalget d. 10-03-2026');
    expect(agenda.chapters.map((c) => c.anchor)).toEqual(['punkt_1', 'punkt_2', 'punkt_3', 'punkt_4', 'punkt_5', 'punkt_6']);
    expect(agenda.chapters.flatMap(text).some((l) => l.startsWith('## Beslutning'))).toBe(false);

    const decisions = buildReferat(rich.input, 'decisions');
    expect(decisions.title).toBe('BESLUTNINGSPROTOKOL Organisations- og Beredskabsudvalget d. 10-03-2026');
    expect(text(decisions.chapters[1]!).filter((l) => l.startsWith('## '))).toEqual(['## Indstilling', '## Beslutning i Organisations- og Beredskabsudvalget den 10-03-2026']);
  });
});
