// The renderer's Content-Security-Policy (src-shared/csp.ts) applied to the app's own pages: as a
// response header (app-protocol.ts sets it on app://; session.webRequest on the dev server's
// responses), and as a <meta> tag in the built HTML besides.
import { contentSecurityPolicy } from '../../src-shared/csp';
import { isAppUrl } from './guards';

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * The headers a response of the app should carry: the policy replaces whatever CSP the response
 * had (in any letter case). Null for responses that are not the app's own: they pass unchanged.
 */
export function headersWithCsp(url: string, headers: ResponseHeaders | undefined, options: { appUrl: string; dev: boolean }): ResponseHeaders | null {
  if (!isAppUrl(url, options.appUrl)) return null;
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [contentSecurityPolicy({ dev: options.dev })] };
}

/**
 * The policy for a <meta http-equiv> tag, a second line of defence should a response ever lack
 * the header. frame-ancestors is header-only and would only warn.
 */
export function metaCsp(options: { dev: boolean }): string {
  return contentSecurityPolicy(options)
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith('frame-ancestors'))
    .join('; ');
}
