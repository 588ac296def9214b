// Moving the page between the server and this computer's file (issue 14 §4): the shell points the
// core's operations at the other archive, and everything the page has read is read again there.
// The meeting on screen stays when the other archive has it (a copy and its original share the
// meeting's id); otherwise the page goes home.
import { useQueryClient } from '@tanstack/react-query';
import type { ArchiveName } from '../../../src-shared/api/offline';
import { offline, offlineKey } from '../../api/offline';
import { isArchiveQuery } from '../../api/shell-queries';
import { navigate, useRoute } from '../../app/router';
import { useAction } from '../../app/useAction';

export function useSwitchArchive() {
  const qc = useQueryClient();
  const route = useRoute();
  return useAction({
    mutationFn: async ({ to, meetingId }: { to: ArchiveName; meetingId?: string | undefined }) => {
      const state = await offline.use(to);
      qc.setQueryData(offlineKey, state);
      const shown = meetingId ?? (route.view === 'meeting' ? route.meetingId : undefined);
      // Every copy is also on the server; on this computer only the copies are sure to be there.
      const stays = shown !== undefined && (to === 'server' ? route.view === 'meeting' : !!state.copies?.some((c) => c.meetingId === shown));
      if (meetingId && stays) navigate({ view: 'meeting', meetingId, tab: 'agenda' });
      else if (!stays) navigate({ view: 'home' });
      // The archive's data only: the shell's own state (connection, sign-in, offline) is the same for both.
      await qc.resetQueries({ predicate: isArchiveQuery });
      return state;
    },
  });
}
