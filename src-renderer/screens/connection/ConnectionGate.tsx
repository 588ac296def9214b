// Between the window and the app when it works against a Referent server (issue 14 §4): until she
// is signed in, the sign-in screen; when the session ends while she works (12 hours, the server
// ended it), the same screen over the app, which stays as it was underneath, so what she typed and
// had not yet saved is still there and saved as soon as she is signed in again.
import { useEffect, useRef, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { connection, REFUSED_EVENT } from '../../api/connection';
import { useOffline } from '../../api/offline';
import { isArchiveQuery, shellKey } from '../../api/shell-queries';
import { ItemSaver } from '../meeting/agenda/autosave';
import { SignInScreen } from './SignInScreen';
import './connection.css';

export const CONNECTION_KEY = shellKey('connection');

/** Asked once, and again each second while the server has not yet said how one signs in. */
export const useConnection = () =>
  useQuery({ queryKey: CONNECTION_KEY, queryFn: () => connection.status(), staleTime: Infinity, retry: false, refetchInterval: (q) => (q.state.data?.signIn?.checking ? 1_000 : false) });

export function ConnectionGate({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const state = useConnection();
  // Working offline on this computer's copies needs no session on the server (nor the network).
  const offline = useOffline();
  const account = useRef<string | null>(null);
  const shown = useRef(false);

  // A refused call may mean the session ended: ask the shell, which knows.
  useEffect(() => {
    const look = (): void => void qc.invalidateQueries({ queryKey: CONNECTION_KEY });
    window.addEventListener(REFUSED_EVENT, look);
    return () => window.removeEventListener(REFUSED_EVENT, look);
  }, [qc]);

  if (state.isPending || offline.isPending) return null;
  const s = state.data ?? null;
  const signIn = offline.data?.archive === 'laptop' ? null : (s?.signIn ?? null);
  if (!signIn) {
    const login = s?.account?.login ?? null;
    if (shown.current && account.current !== null && login !== null && login !== account.current) {
      // Someone else signed in over her screen: nothing of hers may stay on it.
      location.reload();
      return null;
    }
    account.current = login ?? account.current;
    shown.current = true;
    return <>{children}</>;
  }

  const onSignedIn = async (): Promise<void> => {
    await qc.invalidateQueries({ queryKey: CONNECTION_KEY });
    // What the editor could not save meanwhile goes now; then everything is read again.
    await ItemSaver.flushAll().catch(() => undefined);
    await qc.invalidateQueries({ predicate: isArchiveQuery });
  };
  const screen = <SignInScreen state={s!} onSignedIn={onSignedIn} />;
  // Signed in before in this window: the app stays underneath, as she left it.
  if (shown.current)
    return (
      <>
        <div inert>{children}</div>
        <div className="signin-overlay">{screen}</div>
      </>
    );
  return screen;
}
