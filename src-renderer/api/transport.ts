// The renderer's one way to the core: IPC through the preload in Electron, fetch in the browser
// shell. Both carry the same Result; a failure becomes an ApiError the UI branches on. A call the
// core refused as Busy is made again a few times (retry.ts), then the user is asked (busy.ts).
import { httpRoute, type OpName, type OpOutput, type Transport } from '../../src-shared/api';
import { ApiError, type ReferentBridge, type Result } from '../../src-shared/result';
import { askToRetry } from './busy';
import { retryWhileBusy } from './retry';

declare global {
  interface Window {
    referent?: ReferentBridge;
  }
}

const TOKEN_KEY = 'referent.token';

/** The browser shell prints `…/#token=…`; keep the token for reloads and take it out of the address bar. */
function readToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T;
  // The page's language is the UI language (set by i18n); Danish gets the core's Danish sentence.
  const danish = document.documentElement.lang !== 'en' && result.error.messageDa;
  throw new ApiError(result.error.code, danish || result.error.message);
}

export function createTransport(): Transport {
  const bridge = window.referent;
  if (bridge) {
    return <K extends OpName>(name: K, input: unknown) => retryWhileBusy(async () => unwrap<OpOutput<K>>(await bridge.invoke(name, input)), { ask: askToRetry });
  }
  const token = readToken();
  const once = async <K extends OpName>(name: K, input: unknown) => {
    let response: Response;
    try {
      response = await fetch(httpRoute(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('Internal', 'Referent kunne ikke nås. Kører programmet stadig?');
    }
    return unwrap<OpOutput<K>>(await response.json());
  };
  return <K extends OpName>(name: K, input: unknown) => retryWhileBusy(() => once(name, input), { ask: askToRetry });
}
