// `referent serve`'s sign-in page: Danish first, like the app, English beneath. Static HTML; the
// only things put into it are our own sentences and the login name typed, escaped.
import { contentSecurityPolicy } from '../../src-shared/csp';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The app's policy, except that this page's one form may post to its own server. */
export const LOGIN_PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy({ dev: false }).replace("form-action 'none'", "form-action 'self'"),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not no-referrer: under it a browser sends "Origin: null" with the form, and the Origin check must see ours.
  'Referrer-Policy': 'same-origin',
};

export type LoginPageOptions = {
  /** The organisation's name over the form, when set. */
  organisation?: string | null | undefined;
  /** Why the last attempt was refused (English and Danish). */
  error?: { message: string; messageDa?: string | undefined } | undefined;
  login?: string | undefined;
  /** Show "Log ind via …" for the municipality's identity provider. */
  oidc: boolean;
  /** Local accounts exist: show the password form. */
  passwords: boolean;
  signedOut?: boolean;
};

export function loginPage(o: LoginPageOptions): string {
  const error = o.error
    ? `<p class="error" role="alert">${escape(o.error.messageDa ?? o.error.message)}<br><span lang="en">${escape(o.error.message)}</span></p>`
    : o.signedOut
      ? '<p class="note" role="status">Du er logget ud. <span lang="en">You are signed out.</span></p>'
      : '';
  const form = o.passwords
    ? `<form method="post" action="/auth/login">
<label for="login">Brugernavn <span lang="en">(login)</span></label>
<input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escape(o.login ?? '')}"${o.login ? '' : ' autofocus'}>
<label for="password">Adgangskode <span lang="en">(password)</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required${o.login ? ' autofocus' : ''}>
<button type="submit">Log ind</button>
</form>`
    : '';
  const oidc = o.oidc ? `<p><a class="button${o.passwords ? ' secondary' : ''}" href="/auth/oidc">Log ind med kommunens login</a></p>` : '';
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Log ind: Referent</title>
<style>body{font-family:system-ui,'Segoe UI',sans-serif;max-width:24rem;margin:5rem auto;padding:0 1.5rem;color:#1d2330;line-height:1.5}h1{font-size:1.5rem;margin-bottom:.25rem}.org{color:#5b6472;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}label span{font-weight:400;color:#5b6472}input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #9aa3b0;border-radius:4px}button,.button{display:inline-block;margin-top:1.25rem;padding:.55rem 1.2rem;font:inherit;background:#1f4e8c;color:#fff;border:0;border-radius:4px;text-decoration:none;cursor:pointer}.secondary{background:#fff;color:#1f4e8c;border:1px solid #1f4e8c}.error{background:#fdecea;border-left:4px solid #b3261e;padding:.5rem .75rem}.note{background:#eef5ee;border-left:4px solid #2e7d32;padding:.5rem .75rem}span[lang=en]{color:#5b6472;font-size:.9em}</style>
</head><body><main>
<h1>Referent</h1>
${o.organisation ? `<p class="org">${escape(o.organisation)}</p>` : ''}
${error}
${form}
${oidc}
</main></body></html>`;
}
