// The renderer's one way to the core: IPC through the preload in Electron, fetch in the browser
// shell. Both carry the same Result; a failure becomes an ApiError the UI branches on. A call the
// core refused as Busy is made again a few times (retry.ts), then the user is asked (busy.ts).
import { httpRoute, type OpName, type OpOutput, type Transport } from '../../src-shared/api';
import { ApiError, type ReferentBridge, type Result } from '../../src-shared/result';
import { noticeText } from '../i18n/notice';
import { askToRetry } from './busy';
import { retryWhileBusy } from './retry';

declare global {
  interface Window {
    referent?: ReferentBridge;
  }
}

export function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  // Perhaps the server's session ended: the connection gate asks the shell (screens/connection).
  if (result.error.code === 'Forbidden') window.dispatchEvent(new Event('referent:refused'));
  // The page's language is the UI language (set by i18n); Danish gets the core's Danish sentence.
  throw new ApiError(result.error.code, noticeText(result.error, document.documentElement.lang));
}

export function createTransport(): Transport {
  const bridge = window.referent;
  if (bridge) {
    return <K extends OpName>(name: K, input: unknown) => retryWhileBusy(async () => unwrap<OpOutput<K>>(await bridge.invoke(name, input)), { ask: askToRetry });
  }
  // The browser shell's access token travels as its HttpOnly cookie, set from the launch address.
  const once = async <K extends OpName>(name: K, input: unknown) => {
    let response: Response;
    try {
      response = await fetch(httpRoute(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('Internal', 'Referent kunne ikke nås. Kører programmet stadig?');
    }
    // `referent serve`: the session ended (signed out in another tab, expired, disabled): sign in again.
    const signIn = response.status === 401 ? response.headers.get('X-Referent-Sign-In') : null;
    if (signIn) location.assign(signIn);
    return unwrap<OpOutput<K>>(await response.json());
  };
  return <K extends OpName>(name: K, input: unknown) => retryWhileBusy(() => once(name, input), { ask: askToRetry });
}
