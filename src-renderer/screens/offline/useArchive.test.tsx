// @vitest-environment happy-dom
// Switching between the server and this computer's file: everything the page read from one archive
// is read again from the other, and nothing of the first survives; the shell's own queries (the
// connection and sign-in state, the offline state) are the shell's, the same for both archives, so
// they are neither dropped (the page would flash, and the shell be asked again) nor read again.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { OfflineState } from '../../../src-shared/api/offline';
import type * as OfflineApi from '../../api/offline';
import { offlineKey } from '../../api/offline';
import { CONNECTION_KEY } from '../connection/ConnectionGate';
import { useSwitchArchive } from './useArchive';

const archive = vi.hoisted(() => ({ now: 'server' as 'server' | 'laptop', connectionAsked: 0, signInLines: [] as string[] }));
vi.mock('../../api/offline', async (actual) => {
  const real = await actual<typeof OfflineApi>();
  return {
    ...real,
    offline: {
      ...real.offline,
      use: async (to: 'server' | 'laptop'): Promise<OfflineState> => {
        archive.now = to;
        return { server: { url: 'https://referent.esbjerg.dk' }, archive: to, copies: [], unopened: null };
      },
    },
  };
});
afterEach(cleanup);

const committeesOf = { server: ['Økonomiudvalget', 'Teknik- og Miljøudvalget'], laptop: ['Min egen fil'] };

function Page() {
  const connection = useQuery({
    queryKey: CONNECTION_KEY,
    queryFn: async () => {
      archive.connectionAsked += 1;
      return { mode: 'server', account: { login: 'anne' } };
    },
    staleTime: Infinity,
  });
  const committees = useQuery({ queryKey: ['committees'], queryFn: async () => committeesOf[archive.now] });
  const switching = useSwitchArchive();
  // Every render's line is kept: the sign-in line must never give way to "Spørger serveren…".
  archive.signInLines.push(connection.data ? 'logget ind' : 'spørger');
  return (
    <>
      <p>{connection.data ? `Logget ind som ${connection.data.account.login}` : 'Spørger serveren…'}</p>
      <ul aria-label="Udvalg">{committees.data?.map((c) => <li key={c}>{c}</li>)}</ul>
      <button onClick={() => switching.mutate({ to: 'laptop' })}>Arbejd offline</button>
      {switching.isSuccess && <p>Skiftet</p>}
    </>
  );
}

it('a switch reads the archive’s data again and keeps none of the other; the shell’s own state is kept, not asked again', async () => {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  qc.setQueryData(offlineKey, { server: { url: 'https://referent.esbjerg.dk' }, archive: 'server', copies: [], unopened: null } satisfies OfflineState);
  // Something read earlier from the server and on no screen now.
  qc.setQueryData(['meeting', 'm-1'], { id: 'm-1', location: 'Byrådssalen' });
  render(
    <QueryClientProvider client={qc}>
      <Page />
    </QueryClientProvider>,
  );
  expect(await screen.findByText('Teknik- og Miljøudvalget')).toBeTruthy();
  expect(screen.getByText('Logget ind som anne')).toBeTruthy();

  const before = archive.signInLines.length;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Arbejd offline' }));
  });
  await screen.findByText('Skiftet');

  expect(await screen.findByText('Min egen fil')).toBeTruthy();
  expect(screen.queryByText('Økonomiudvalget')).toBeNull();
  expect(qc.getQueryData(['meeting', 'm-1'])).toBeUndefined();
  expect(archive.signInLines.slice(before)).not.toContain('spørger');
  expect(screen.getByText('Logget ind som anne')).toBeTruthy();
  expect(archive.connectionAsked).toBe(1);
  expect(qc.getQueryData<OfflineState>(offlineKey)?.archive).toBe('laptop');
});
