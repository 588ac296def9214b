// The page's client of the offline operations (src-shared/api/offline.ts): through the preload's
// `offline` in the desktop app, over /shell/… in the browser shell. Not retried when Busy, as the
// core's calls are: "the server cannot be reached" is the answer the hand-in's result screen shows.
import { useQuery } from '@tanstack/react-query';
import { offlineRoute, type OfflineOpInput, type OfflineOpName, type OfflineOpOutput, type OfflineState } from '../../src-shared/api/offline';
import { ApiError } from '../../src-shared/result';
import { api } from './client';
import { shellKey } from './shell-queries';
import { unwrap } from './transport';

async function call<K extends OfflineOpName>(name: K, input: OfflineOpInput<K>): Promise<OfflineOpOutput<K>> {
  const bridge = window.referent;
  if (bridge) {
    if (!bridge.offline) throw new ApiError('NotFound', 'Denne udgave af Referent kan ikke tage møder med offline.');
    return unwrap<OfflineOpOutput<K>>(await bridge.offline(name, input));
  }
  let response: Response;
  try {
    response = await fetch(offlineRoute(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  } catch {
    throw new ApiError('Internal', 'Referent kunne ikke nås. Kører programmet stadig?');
  }
  return unwrap<OfflineOpOutput<K>>(await response.json());
}

export const offline = {
  state: () => call('offline.state', {}),
  use: (archive: OfflineState['archive']) => call('offline.use', { archive }),
  take: (meetingId: string) => call('offline.take', { meetingId }),
  handIn: (meetingId: string) => call('offline.handIn', { meetingId }),
};

export const offlineKey = shellKey('offline');

/** Where the page works and what this computer holds; null where the shell has no server (or no offline operations at all). */
export function useOffline() {
  return useQuery({ queryKey: offlineKey, queryFn: () => offline.state().catch((): OfflineState | null => null) });
}

export const checkoutKey = (meetingId: string) => ['checkout', meetingId] as const;

/** Whether the meeting is held (on the server) or is a checked-out copy (on this computer); null when neither. */
export function useCheckoutStatus(meetingId: string) {
  return useQuery({ queryKey: checkoutKey(meetingId), queryFn: () => api.checkout.status({ meetingId }) });
}
