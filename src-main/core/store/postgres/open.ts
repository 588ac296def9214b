// The store on a PostgreSQL database (issue 14, server mode). The schema and its migrations come
// next (docs/server-design.md §2); until they land a URL is refused with one sentence rather than
// half-opened.
import { AppError } from '../../errors';
import type { OpenOptions, Store } from '../open';
import { redactedUrl } from '../target';

export async function openPostgresStore(url: string, _options: OpenOptions): Promise<Store> {
  throw new AppError(
    'Invalid',
    `This Referent cannot open a PostgreSQL database yet (${redactedUrl(url)}); name a SQLite file with --db or $REFERENT_DB.`,
    `Denne Referent kan endnu ikke åbne en PostgreSQL-database (${redactedUrl(url)}); angiv en SQLite-fil med --db eller $REFERENT_DB.`,
  );
}
