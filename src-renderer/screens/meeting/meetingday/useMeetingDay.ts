// Data of the meeting-day tab: the view (TanStack Query), and mutations that put the answer
// straight back into it; names and parties of members by key.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction, type ActionKind } from '../../../app/useAction';
import type { MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { useHeld } from '../held';

const meetingDayKey = (meetingId: string) => ['meetingday', meetingId] as const;

export const useMeetingDayView = (meetingId: string) => useQuery({ queryKey: meetingDayKey(meetingId), queryFn: () => api.meetingday.get({ meetingId }) });

/**
 * A change whose answer is the whole view again; other screens showing meetings are refreshed too.
 * An 'action' (add a dissent, approve, lock) runs once however often it is pressed; a 'setting'
 * (a status, a decision) lets a later value follow one still on its way.
 */
export function useDayMutation<I>(meetingId: string, fn: (input: I) => Promise<MeetingDayView | unknown>, kind: ActionKind = 'action') {
  const qc = useQueryClient();
  return useAction(
    {
      mutationFn: fn,
    onSuccess: async (answer) => {
      if (answer && typeof answer === 'object' && 'seats' in answer) qc.setQueryData(meetingDayKey(meetingId), answer as MeetingDayView);
      else await qc.invalidateQueries({ queryKey: meetingDayKey(meetingId) });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['meeting-summary'] }),
        qc.invalidateQueries({ queryKey: ['agenda'] }),
        qc.invalidateQueries({ queryKey: ['meetings'] }),
        // A decision "Anbefales" proposes the item to another committee (or withdraws it).
        qc.invalidateQueries({ queryKey: ['proposals'] }),
      ]);
    },
    },
    kind,
  );
}

export type People = { name: (key: string) => string; party: (key: string) => string | null };

export function people(view: MeetingDayView): People {
  const byKey = new Map(view.members.map((m) => [m.key, m]));
  return { name: (k) => byKey.get(k)?.name ?? k, party: (k) => byKey.get(k)?.party ?? null };
}

export const isLocked = (view: MeetingDayView): boolean => view.meeting.lockedAt !== null;

/** Nothing of the meeting day can be changed here: its minutes are approved and locked, or someone holds it offline. */
export function useReadOnly(view: MeetingDayView): boolean {
  const held = useHeld();
  return isLocked(view) || held;
}
