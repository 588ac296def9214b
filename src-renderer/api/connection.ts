// Where the app works (its file or a Referent server) and signing in to the server: asked of the
// shell that holds the session (src-shared/api/connection.ts): the Electron main process through
// the bridge, the single user's browser shell on /shell/NAME. Null where there is no such shell
// (`referent serve` in a browser, which signs in through its own page).
import { connectionRoute, type ConnectionOpName, type ConnectionState, type ServerProbe } from '../../src-shared/api/connection';
import { ApiError, type Result } from '../../src-shared/result';
import { unwrap } from './transport';

type Outputs = {
  'connection.status': ConnectionState;
  'connection.probe': ServerProbe;
  'connection.use': ConnectionState;
  'connection.signIn': ConnectionState;
  'connection.signInWithProvider': ConnectionState;
  'connection.signOut': ConnectionState;
};

async function send(name: ConnectionOpName, input: unknown): Promise<Result<unknown>> {
  const bridge = window.referent;
  if (bridge?.connection) return bridge.connection(name, input);
  let response: Response;
  try {
    response = await fetch(connectionRoute(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) });
  } catch {
    throw new ApiError('Internal', 'Referent kunne ikke nås. Kører programmet stadig?');
  }
  return (await response.json().catch(() => ({ ok: false, error: { code: 'NotFound', message: 'No connection here.' } }))) as Result<unknown>;
}

export const connection = {
  call: async <K extends ConnectionOpName>(name: K, input: unknown = {}): Promise<Outputs[K]> => unwrap<Outputs[K]>(await send(name, input)),
  /** The state, or null where this shell has no connection to choose (then the app is as it always was). */
  status: async (): Promise<ConnectionState | null> => {
    const r = await send('connection.status', {});
    return r.ok ? (r.value as ConnectionState) : null;
  },
};

/** A call was refused as not signed in: the connection gate looks again (the session may have ended). */
export const REFUSED_EVENT = 'referent:refused';
