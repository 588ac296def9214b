// Query keys and hooks shared by several screens (TanStack Query over the Api client).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

export const keys = {
  committees: ['committees'] as const,
  committee: (id: string) => ['committee', id] as const,
  meeting: (id: string) => ['meeting-summary', id] as const,
  meetings: (committeeId: string, year?: number) => ['meetings', committeeId, year ?? 'all'] as const,
  settings: ['settings'] as const,
};

/** After a change to meetings: every list, header and agenda that shows them. */
export async function refreshMeetings(qc: QueryClient): Promise<void> {
  await Promise.all(['meetings', 'committees', 'committee', 'meeting-summary', 'agenda', 'proposals'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
}

export const useCommittees = () => useQuery({ queryKey: keys.committees, queryFn: () => api.committees.list({}) });
export const useCommittee = (id: string) => useQuery({ queryKey: keys.committee(id), queryFn: () => api.committees.get({ id }) });
export const useMeeting = (id: string) => useQuery({ queryKey: keys.meeting(id), queryFn: () => api.meetings.get({ id }) });
