// The shell's own queries (where the app works, who is signed in, what this computer holds offline)
// are asked of the shell, not of an archive: they stay the same when the page moves between the
// server and this computer's file, or reads everything again after a sign-in. Their keys start with
// SHELL; every other query holds an archive's data.
export const SHELL = 'shell';

export const shellKey = <const N extends string>(name: N) => [SHELL, name] as const;

/** A query of the archive's data (read through the core's Api), as opposed to one of the shell's own. */
export const isArchiveQuery = (q: { queryKey: readonly unknown[] }): boolean => q.queryKey[0] !== SHELL;
