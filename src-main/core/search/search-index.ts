// The one interface between search and the database's full-text engine. SQLite supplies it with
// FTS5 (store/fts5-search-index.ts); a server database supplies its own (PostgreSQL: a tsvector
// column with the danish configuration). Both index the same ItemText and answer the same Terms.
import type { Access, Outcome } from '../../../src-shared/domain';
import type { Db } from '../store/database';
import type { Term } from './query';

export type SearchFilters = {
  committeeId?: string | undefined;
  /** Only items of these committees (never empty: the service answers an empty list itself). */
  committeeIds?: readonly string[] | undefined;
  /** The year the item's meeting starts in. */
  year?: number | undefined;
  outcome?: Outcome | undefined;
  access?: Access | undefined;
};

/** Matches are counted up to this many; past it the answer says "more". */
export const SEARCH_COUNT_CAP = 1000;

export type IndexQuery = { terms: readonly Term[]; filters: SearchFilters; offset: number; limit: number };

export type IndexAnswer = {
  /** Items whose title or case number matches first, then the rest; each group newest meeting first. */
  itemIds: string[];
  /** Matching items, counted up to SEARCH_COUNT_CAP. */
  total: number;
  /** More items match than `total`. */
  more: boolean;
};

export interface SearchIndex {
  /**
   * Brings the index up to date with every item changed since it last ran (the database marks
   * them as they change). Called at the end of every write transaction and before every query;
   * after a bulk import it builds the index for everything at once. Returns how many items it indexed.
   */
  refresh(db: Db): Promise<number>;
  query(db: Db, q: IndexQuery): Promise<IndexAnswer>;
  /**
   * Runs a bulk write (an import) in the caller's transaction with the database's note of each new
   * row off; the write calls `noteMeeting` for every meeting whose items it (re)wrote, which notes
   * all of them at once. Updates and deletions are still noted row by row.
   */
  bulkInsert<T>(db: Db, write: (noteMeeting: NoteMeeting) => Promise<T>): Promise<T>;
}

/** Notes every item of a meeting for the next refresh. */
export type NoteMeeting = (meetingId: string) => Promise<void>;

/** For an index whose database notes each row as it is written: nothing to turn off, nothing to note. */
export const notedRowByRow = <T>(_db: Db, write: (noteMeeting: NoteMeeting) => Promise<T>): Promise<T> => write(async () => {});
