// A committee day to record: OBU's meeting of 2 June 2026 (held, eight items, nothing recorded
// yet), its next meeting, and the two bodies further on the route (ØU, then KB).
import type { ReferentDocument } from '../../src-shared/exchange';
import type { CoreContext } from '../../src-main/core/context';
import { call } from '../../src-main/core/dispatch';
import type { MeetingDayView } from '../../src-shared/api/meetingday';

export const MEETING = '6f1c2a4e-8d3b-4c71-9a52-0b6e2f4d9a10';
export const NEXT_MEETING = '7a2d3b5f-9e4c-4d82-8b63-1c7f3e5ea021';
export const OU_MEETING = '8b3e4c60-af5d-4e93-9c74-2d804f6fb132';
export const KB_MEETING = '9c4f5d71-b06e-4fa4-8d85-3e9150a0c243';

const route = [
  { body: 'Organisations- og Beredskabsudvalget', date: '2026-06-02' },
  { body: 'ØU', date: '2026-06-10' },
  { body: 'Kommunalbestyrelsen', date: '2026-06-23' },
];

export function meetingDayDocument(): ReferentDocument {
  return {
    format: 'referent/v1',
    committees: [
      {
        name: 'Organisations- og Beredskabsudvalget',
        shortName: 'OBU',
        numbering: 'per-meeting',
        members: [
          { key: 'hm', name: 'Holger Mikkelsen', role: 'chair', party: 'A' },
          { key: 'fl', name: 'Finn Lykkeskov', role: 'vice-chair', party: 'V' },
          { key: 'cdh', name: 'Carsten Dyhre Hansen', role: 'member', party: 'A' },
          { key: 'js', name: 'Jørgen Smed', role: 'member', party: 'V' },
          { key: 'mbi', name: 'Mette Baltersen Isen', role: 'member', party: 'O' },
          { key: 'sr', name: 'Stine Rønnow', role: 'substitute', party: 'O' },
          { key: 'pk', name: 'Peter Kjær', role: 'substitute', party: 'A' },
          { key: 'sek', name: 'Sekretær Sørensen', role: 'secretary' },
        ],
        meetings: [
          {
            id: MEETING,
            start: '2026-06-02T14:30',
            end: '2026-06-02T17:00',
            location: 'Rådhuset, lokale Nørre Vilstrup',
            status: 'held',
            items: [
              { title: 'Godkendelse af dagsorden', role: 'agenda-approval' },
              { title: 'Databeskyttelsesrådgiverens årsberetning for 2025', caseNumber: '26/4881', route: route.slice(0, 1) },
              {
                title: 'Informationssikkerhedspolitik 2026',
                caseNumber: '26/9889',
                route,
                sections: [
                  { kind: 'summary', body: 'Beslutning om godkendelse af udkast til politikken.' },
                  { kind: 'procedure', body: 'Organisations- og Beredskabsudvalget 2. juni 2026' },
                ],
                attachments: [{ title: 'Informationssikkerhedspolitik 2026.pdf' }],
              },
              { title: "KL's Baseline 2026", caseNumber: '26/4883' },
              {
                title: 'Digitaliseringsstrategi 2026 - 2028',
                caseNumber: '22/22880',
                sections: [
                  { kind: 'summary', body: 'Godkendelse af udkast til Digitaliseringsstrategi 2026-2028.' },
                  { kind: 'history', body: 'Udvalget drøftede udkastet den 7. april 2026.' },
                ],
              },
              { title: 'Kunstig intelligens (AI) og borgerdialog', caseNumber: '26/10259' },
              { title: 'Gensidig orientering', role: 'mutual-information' },
              { title: 'Underskriftsside', role: 'signature' },
            ],
          },
          {
            id: NEXT_MEETING,
            start: '2026-08-18T14:30',
            status: 'planned',
            items: [
              { title: 'Godkendelse af dagsorden', role: 'agenda-approval' },
              { title: 'Gensidig orientering', role: 'mutual-information' },
              { title: 'Underskriftsside', role: 'signature' },
            ],
          },
        ],
      },
      {
        name: 'Økonomiudvalget',
        shortName: 'ØU',
        numbering: 'per-meeting',
        members: [{ key: 'hpg', name: 'H.P. Geil', role: 'chair', party: 'V' }],
        meetings: [
          { start: '2026-06-01T08:00', items: [] },
          { id: OU_MEETING, start: '2026-06-10T08:00', items: [{ title: 'Godkendelse af dagsorden', role: 'agenda-approval' }] },
        ],
      },
      {
        name: 'Kommunalbestyrelsen',
        shortName: 'KB',
        numbering: 'per-meeting',
        members: [{ key: 'hpg', name: 'H.P. Geil', role: 'chair', party: 'V' }],
        meetings: [{ id: KB_MEETING, start: '2026-06-23T17:00', items: [] }],
      },
    ],
  };
}

export async function seedMeetingDay(ctx: CoreContext): Promise<MeetingDayView> {
  await call(ctx, 'exchange.import', { document: meetingDayDocument() });
  return call(ctx, 'meetingday.get', { meetingId: MEETING });
}

/** The id of item `n` of a view. */
export function itemId(view: MeetingDayView, n: number): string {
  const item = view.items.find((i) => i.number === n);
  if (!item) throw new Error(`no item ${n}`);
  return item.id;
}

export const everyonePresent = [
  { member: 'hm', status: 'present' as const },
  { member: 'fl', status: 'present' as const },
  { member: 'cdh', status: 'present' as const },
  { member: 'js', status: 'present' as const },
  { member: 'mbi', status: 'present' as const },
];

/** The meeting-day document with its meeting of 2 June already approved, as another system would export it. */
export function approvedMeetingDayDocument(): ReferentDocument {
  const doc = meetingDayDocument();
  const m = doc.committees[0]!.meetings[0]!;
  m.status = 'minutes-approved';
  m.attendance = everyonePresent;
  for (const item of m.items) if (item.role !== 'signature') item.decision = { outcome: 'approved' };
  m.approvals = [{ member: 'hm', at: '2026-06-10T09:00:00.000Z' }];
  return doc;
}
