// What the desktop shell lets a page do, as pure functions: which URLs are the app itself, where
// a page may navigate (nowhere but the app), and which links may open in the system browser.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The same page whatever query and hash it carries. */
const pagePath = (u: URL): string => (u.pathname === '/' ? '/index.html' : u.pathname);

/**
 * The app's own page: app://referent/index.html, served by app-protocol.ts (never a file:// URL,
 * which no page of Referent has any more), or any page of the electron-vite dev server
 * (http://localhost:…) in development. Query and hash do not matter.
 */
export function isAppPage(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app) return false;
  // A custom scheme's URL has the opaque origin "null": compare scheme and host instead.
  if (app.protocol === 'app:') return u.protocol === 'app:' && u.host === app.host && pagePath(u) === pagePath(app);
  return (app.protocol === 'http:' || app.protocol === 'https:') && u.origin === app.origin;
}

/** Anything the app loads from itself: its page and the files beside it (scripts, styles, fonts). */
export function isAppUrl(url: string, appUrl: string): boolean {
  const u = parse(url);
  const app = parse(appUrl);
  if (!u || !app) return false;
  if (app.protocol === 'app:') return u.protocol === 'app:' && u.host === app.host;
  return isAppPage(url, appUrl);
}

/** `will-navigate`: a page may only (re)load the app itself; every other navigation is refused. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppPage(url, appUrl);
}

/**
 * A link the user clicked that may be handed to the system browser: plain http(s) only, and not
 * one that carries a user name or password (a common disguise for a phishing address).
 */
export function externalLinkToOpen(url: string): string | null {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  if (u.username || u.password || !u.hostname) return null;
  return u.href;
}

/** `setWindowOpenHandler`: never a new Electron window; a web link goes to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalLinkToOpen(url) };
}

/** Camera, microphone, geolocation, notifications, …: Referent needs none, so all are refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}
