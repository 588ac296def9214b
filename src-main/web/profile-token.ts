// The browser shell's access token, stable per profile: kept in the data folder (readable by its
// owner only), so a restarted `npm start` accepts the cookie a tab or a bookmark already holds.
import fs from 'node:fs';
import path from 'node:path';
import { newToken } from './security';

export const TOKEN_FILE_NAME = 'web-token';

/** The token in `dir`, made on first use; a file that is not a plausible token (or begins with a dash) is replaced. */
export function profileToken(dir: string): string {
  const file = path.join(dir, TOKEN_FILE_NAME);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    // A token an older version made may begin with a dash, which no command line takes as a value: made anew.
    if (/^\w[\w-]{31,}$/.test(existing)) {
      // Tighten a file an older version or a copy left readable by others.
      if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      return existing;
    }
  } catch {
    // Missing or unreadable: make a new one below.
  }
  fs.mkdirSync(dir, { recursive: true });
  const token = newToken();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return token;
}
