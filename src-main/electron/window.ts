// The main window's options, as a pure function so that what cannot be launched here is tested:
// every renderer is sandboxed, isolated from the preload, and has no Node.
import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowOptionsInput = {
  /** Absolute path of the built preload script (CommonJS, because sandboxed preloads must be). */
  preloadPath: string;
  platform: NodeJS.Platform;
  /** The window icon on Linux and Windows; macOS takes it from the app bundle. */
  iconPath?: string;
};

export function browserWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 880,
    minHeight: 560,
    title: 'Referent',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(input.iconPath && input.platform !== 'darwin' ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // On Linux Chromium fetches spelling dictionaries from a Google server; Referent stays
      // offline there. macOS and Windows use the operating system's own checker.
      spellcheck: input.platform !== 'linux',
    },
  };
}
