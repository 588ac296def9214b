// The page each chapter starts on, per meeting, kind and public flag, valid for one exact
// document (content hash): the .docx TOC reuses the PDF's numbers, computed once per version.
import type { Db } from '../store/database';
import { AppError } from '../errors';
import { nowIso } from '../util/canonical';
import type { DocumentKind } from './build-referat';

export type PageKey = { meetingId: string; kind: DocumentKind; public: boolean; hash: string };

export type CachedPages = { pages: Map<string, number>; /** False when they were measured for an earlier version. */ current: boolean };

export async function cachedPages(db: Db, key: PageKey): Promise<CachedPages | null> {
  const row = await db
    .selectFrom('document_page_cache')
    .select(['content_hash', 'pages'])
    .where('meeting_id', '=', key.meetingId)
    .where('kind', '=', key.kind)
    .where('public', '=', key.public)
    .executeTakeFirst();
  if (!row) return null;
  return { pages: new Map(Object.entries(JSON.parse(row.pages) as Record<string, number>)), current: row.content_hash === key.hash };
}

/**
 * Keeps only the newest version per meeting, kind and flag: older numbers are never asked for
 * again. A file opened read-only (`referent export`) keeps none: they are derived, not the record.
 */
export async function storePages(db: Db, key: PageKey, pages: ReadonlyMap<string, number>): Promise<void> {
  const values = { content_hash: key.hash, pages: JSON.stringify(Object.fromEntries(pages)), created_at: nowIso() };
  try {
    await db
      .insertInto('document_page_cache')
      .values({ meeting_id: key.meetingId, kind: key.kind, public: key.public, ...values })
      .onConflict((oc) => oc.columns(['meeting_id', 'kind', 'public']).doUpdateSet(values))
      .execute();
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'ReadOnly')) throw e;
  }
}
