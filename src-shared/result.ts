// How every Api result travels, over IPC, HTTP and inside the CLI.
/**
 * `Busy`: another writer held the file for longer than a write waits; nothing was changed, so the
 * call may simply be made again. `ReadOnly`, `DiskFull`, `DiskError`, `Corrupt`: the database file
 * itself cannot be used as it is (the message names the file and the way out).
 */
export type ApiErrorCode = 'NotFound' | 'Invalid' | 'Conflict' | 'Locked' | 'Forbidden' | 'TooNew' | 'Corrupt' | 'Busy' | 'ReadOnly' | 'DiskFull' | 'DiskError' | 'Internal';
/** `message` in English; `messageDa`, when the core has it, the same sentence in Danish. */
export type ApiFailure = { code: ApiErrorCode; message: string; messageDa?: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** Thrown by the renderer's client when the core answers `{ok:false}`; the UI branches on `code`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * What the Electron preload exposes to the page as `window.referent`: the core's operations, and
 * the system's folder dialog (src-shared/api/shell.ts), which answers the chosen folder or null
 * when the user cancelled.
 */
export type ReferentBridge = {
  invoke: (name: string, input: unknown) => Promise<Result<unknown>>;
  chooseFolder: (input: { title: string; defaultPath?: string | undefined }) => Promise<Result<string | null>>;
  /** Where the app works (its file or a server) and signing in to the server (src-shared/api/connection.ts). */
  connection?: (name: string, input: unknown) => Promise<Result<unknown>>;
  /** The offline operations (src-shared/api/offline.ts): answered where the app holds a server and its own file; absent in an older preload. */
  offline?: (name: string, input: unknown) => Promise<Result<unknown>>;
};

/** A note for the user that is not a failure (what an import left out), in both languages. */
export type Notice = { message: string; messageDa: string };
