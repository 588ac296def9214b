// Query keys and cache updates of the agenda editor.
import type { QueryClient } from '@tanstack/react-query';
import type { Agenda, AgendaItemDetail, AgendaItemSummary } from '../../../../src-shared/api/agenda';
import { refreshMeetings as refreshMeetingLists } from '../../../app/queries';

export const agendaKeys = {
  agenda: (meetingId: string) => ['agenda', meetingId] as const,
  item: (itemId: string) => ['agenda-item', itemId] as const,
};

/** Mirrors a saved item into the list beside it, without a round trip. */
function patchListItem(qc: QueryClient, meetingId: string, itemId: string, patch: Partial<AgendaItemSummary>): void {
  qc.setQueryData<Agenda>(agendaKeys.agenda(meetingId), (a) => (a ? { ...a, items: a.items.map((i) => (i.id === itemId ? { ...i, ...patch } : i)) } : a));
}

export function putItem(qc: QueryClient, item: AgendaItemDetail): void {
  qc.setQueryData(agendaKeys.item(item.id), item);
  patchListItem(qc, item.meetingId, item.id, { title: item.title, caseNumber: item.caseNumber, access: item.access, attachmentCount: item.attachments.length });
}

/** Everything that shows meetings or items: the agenda and its items, the committee's meeting lists, the header. */
export async function refreshMeetings(qc: QueryClient): Promise<void> {
  await Promise.all([refreshMeetingLists(qc), qc.invalidateQueries({ queryKey: ['agenda-item'] })]);
}
