// Who is making the changes now: `referent serve` runs each request's handler inside
// `asAuthor(account, …)` (tx() does it from CoreContext.author), and every change-log entry written
// meanwhile names that account. The desktop app and the CLI name nobody: the entry's author is null.
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string | null>();

/** Runs fn with `author` named in every change-log entry it writes (null or empty: nobody). */
export function asAuthor<T>(author: string | null | undefined, fn: () => Promise<T>): Promise<T> {
  return current.run(author?.trim() || null, fn);
}

/** The author of the entries written now, if a caller named one. */
export function currentAuthor(): string | null {
  return current.getStore() ?? null;
}
