// The generated 60-item meeting of the documents benchmark (~48,000 words, a table per 10 items).
import { resolveTemplate } from '../src-shared/domain';
import type { ExItem, ExMeeting, ExMember } from '../src-shared/exchange';
import { buildReferat, type Referat } from '../src-main/core/documents/build-referat';

const WORDS = (
  'kommunen udvalget forvaltningen sagen budget borgerne indsatsen beredskab digitalisering strategi ' +
  'økonomi område projektet aftalen rammen opfølgning godkendelse høring vurdering løsning medarbejdere ' +
  'samarbejde kvalitet service udvikling plan mål resultat år måned politik data sikkerhed ansvar'
).split(' ');

function words(n: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 31 + i * 17 + ((i * i) % 7)) % WORDS.length]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

const paragraphs = (count: number, size: number, seed: number): string => Array.from({ length: count }, (_, i) => words(size, seed + i)).join('\n\n');

function generatedMeeting(): { members: ExMember[]; meeting: ExMeeting } {
  const members: ExMember[] = ['Holger Mikkelsen', 'Finn Lykkeskov', 'Carsten Dyhre Hansen', 'Jørgen Smed', 'Svend Brandt'].map((name, i) => ({
    key: `m${i}`,
    name,
    role: i === 0 ? 'chair' : 'member',
  }));
  const items: ExItem[] = Array.from({ length: 60 }, (_, i) => {
    const table = i % 10 === 0 ? `\n\n| Område | 2026 | 2027 |\n| --- | ---: | ---: |\n| Drift | ${i}00 | ${i}50 |\n| Anlæg | 4${i} | 27${i} |\n` : '';
    return {
      number: i + 1,
      title: `${words(5, i).slice(0, -1)} ${i + 1}`,
      caseNumber: `26/${1000 + i}`,
      sections: [
        { kind: 'summary', body: paragraphs(2, 45, i) },
        { kind: 'recommendation', body: `Direktøren indstiller, at\n\n- ${words(8, i)}\n- ${words(9, i + 1)}` },
        { kind: 'presentation', body: `${paragraphs(9, 68, i * 3)}\n\n- **${words(6, i)}**\n  - ${words(10, i + 2)}\n- *${words(7, i + 3)}*${table}` },
      ],
      route: [{ body: 'Organisations- og Beredskabsudvalget', date: '2026-06-02' }],
      attachments: [{ title: `Bilag ${words(4, i)}`, access: 'open' }],
      decision: { outcome: 'approved' },
    };
  });
  return { members, meeting: { start: '2026-06-02T14:30', location: 'Rådhuset', attendance: members.map((m) => ({ member: m.key, status: 'present' })), items } };
}

export function generatedReferat(): Referat {
  const { members, meeting } = generatedMeeting();
  return buildReferat(
    { committee: { name: 'Organisations- og Beredskabsudvalget', template: resolveTemplate({}), publicationProfile: 'committee', members }, meeting, organization: { name: 'Haderslev Kommune', logo: null } },
    'minutes',
  );
}

/** The same meeting as a referent/v1 document to import (its meeting under a fixed id), for benches that go through the Api. */
export const GENERATED_MEETING_ID = '6a0f3c1e-2b7d-4e59-9a41-0c8d5e7f1b23';
export function generatedMeetingDocument(): unknown {
  const { members, meeting } = generatedMeeting();
  return {
    format: 'referent/v1',
    organization: { name: 'Haderslev Kommune' },
    committees: [{ name: 'Organisations- og Beredskabsudvalget', shortName: 'OBU', numbering: 'per-year', members, meetings: [{ id: GENERATED_MEETING_ID, ...meeting }] }],
  };
}
