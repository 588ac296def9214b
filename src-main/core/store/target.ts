// What `--db`, $REFERENT_DB and the shells name: a SQLite file by its path, a PostgreSQL database by
// its URL. Kept apart from the driver so that telling them apart loads neither.

/** `--db` and $REFERENT_DB name a PostgreSQL database with a URL, a SQLite file with a path. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}
