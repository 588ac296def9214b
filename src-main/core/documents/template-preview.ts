// The template editor's live preview: a sample meeting, laid out with the template as it stands
// in the editor (unsaved), by the same model and HTML writer as every document. The sample has
// what each house-style option acts on: sections, a decision with votes, a member with a title,
// apologies with a substitute, an attachment and the signature page.
import { DEFAULT_PUBLICATION_PROFILE, resolveTemplate, type CommitteeTemplate, type PublicationProfile } from '../../../src-shared/domain';
import type { DocumentKind } from '../../../src-shared/api/documents';
import type { ExMeeting, ExMember } from '../../../src-shared/exchange';
import { buildReferat } from './build-referat';
import { renderHtml } from './html-writer';

const MEMBERS: ExMember[] = [
  { key: 'hh', name: 'Holger Hansen', title: 'formand for udvalget', role: 'chair' },
  { key: 'kj', name: 'Karen Jensen', role: 'vice-chair' },
  { key: 'pn', name: 'Peter Nielsen', title: 'byrådsmedlem', role: 'member' },
  { key: 'lh', name: 'Lise Holm', role: 'substitute' },
];

const MEETING: ExMeeting = {
  start: '2026-06-02T14:30',
  location: 'Rådhuset, mødelokale 1',
  status: 'held',
  attendance: [
    { member: 'hh', status: 'present' },
    { member: 'kj', status: 'present' },
    { member: 'pn', status: 'apologies', substitute: 'lh' },
  ],
  guests: [{ name: 'Martin Damm', title: 'teamleder', items: [1] }],
  items: [
    {
      number: 1,
      title: 'Budgetopfølgning',
      caseNumber: '26/1234',
      route: [{ body: 'Udvalget', date: '2026-06-02' }],
      sections: [
        { kind: 'summary', body: 'Forvaltningen forelægger budgetopfølgningen pr. 30. april.' },
        { kind: 'recommendation', body: 'Direktøren indstiller, at\n\n- budgetopfølgningen tages til efterretning.' },
        { kind: 'presentation', body: 'Forbruget følger budgettet på alle områder.' },
      ],
      attachments: [{ title: 'Budgetnotat.pdf' }],
      decision: { outcome: 'noted', votes: { for: ['hh', 'kj'], against: ['lh'], abstained: [] } },
    },
  ],
};

export type TemplatePreviewInput = { committeeName: string; template: CommitteeTemplate; publicationProfile?: PublicationProfile | undefined; kind?: DocumentKind | undefined };

export function templatePreview(input: TemplatePreviewInput): { title: string; html: string } {
  const doc = buildReferat(
    {
      committee: { name: input.committeeName, template: resolveTemplate(input.template), publicationProfile: input.publicationProfile ?? DEFAULT_PUBLICATION_PROFILE, members: MEMBERS },
      meeting: MEETING,
      organization: { name: null, logo: null },
    },
    input.kind ?? 'minutes',
  );
  return { title: doc.title, html: renderHtml(doc, { preview: true }) };
}
