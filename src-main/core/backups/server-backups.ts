// The one sentence for every way of asking a server database for Referent's backups (the CLI's
// `referent backup`, the app's backup screen): the server backs itself up, with pg_dump.
import { AppError } from '../errors';

export function serverBackups(): AppError {
  return new AppError(
    'Invalid',
    'A PostgreSQL database is backed up by its server, not by Referent: pg_dump -Fc DATABASE > FILE.dump makes a backup and pg_restore restores it (README, "Running on a server").',
    'En PostgreSQL-database sikkerhedskopieres af sin server, ikke af Referent: pg_dump -Fc DATABASE > FIL.dump tager en kopi, og pg_restore lægger den tilbage (README, "Running on a server").',
  );
}
