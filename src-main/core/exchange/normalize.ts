// Compares meetings "defaults aside": what an omitted field means is filled in on both sides.
import type { ExMeeting } from '../../../src-shared/exchange';

/** `reference` is the incoming document: where it omits an item number, the number is not compared. */
export function normalizeMeeting(m: ExMeeting, reference: ExMeeting): unknown {
  return {
    ...m,
    id: reference.id === undefined ? undefined : m.id,
    status: m.status ?? 'planned',
    attendance: m.attendance ?? [],
    guests: m.guests ?? [],
    approvals: m.approvals ?? [],
    addenda: m.addenda ?? [],
    items: m.items.map((item, i) => ({
      ...item,
      number: reference.items[i]?.number === undefined ? undefined : item.number,
      access: item.access ?? 'open',
      supplementary: item.supplementary ?? false,
      route: item.route ?? [],
      sections: (item.sections ?? []).map((s) => ({ ...s, heading: s.heading || undefined })),
      attachments: (item.attachments ?? []).map((a) => ({ ...a, access: a.access ?? 'open' })),
      absences: item.absences ?? [],
      decision: item.decision && {
        ...item.decision,
        dissents: item.decision.dissents ?? [],
      },
    })),
  };
}
