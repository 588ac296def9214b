// Wires the pure guards into a session and into every web contents: CSP on the app's pages,
// permissions refused, navigation and new windows refused, web links to the system browser.
import type { Session, WebContents } from 'electron';
import { headersWithCsp } from './csp';
import { allowPermission, externalLinkToOpen, isAllowedNavigation, windowOpenDecision } from './guards';

export type HardenOptions = {
  appUrl: string;
  dev: boolean;
  /** shell.openExternal; only ever called with a link that externalLinkToOpen let through. */
  openExternal: (url: string) => Promise<void>;
};

/** What denyAllPermissions sets; every Electron Session has it. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * Every permission refused, whether a page asks for it (request), Chromium checks it before asking
 * (check: clipboard, notifications, HID, serial, …) or a device is to be opened (USB, HID, serial).
 * Applied to every session: the app page's, the print window's and any created later.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  session.setDevicePermissionHandler(() => false);
}

export function hardenSession(session: Session, options: Pick<HardenOptions, 'appUrl' | 'dev'>): void {
  denyAllPermissions(session);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = headersWithCsp(details.url, details.responseHeaders, options);
    callback(responseHeaders ? { responseHeaders } : {});
  });
}

export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const openOutside = (url: string): void => {
    const link = externalLinkToOpen(url);
    if (link) void options.openExternal(link).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openOutside(decision.openExternally);
    return { action: decision.action };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, options.appUrl)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  // Sub-frames (the app has none) and redirects get no way around the rule above.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAllowedNavigation(event.url, options.appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, options.appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
