// Search items with SQLite FTS5 (migration 0020). The user's words are quoted, so FTS syntax in
// what she types cannot break the query; the last word matches as a prefix, as she types it.
import { sql } from 'kysely';
import type { SearchHit } from '../../../src-shared/api/search';
import type { Db } from '../store/database';
import { numbersOfMeetingIds } from '../meetings/meeting-numbers';

export function ftsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

export async function searchItems(db: Db, input: { query: string; committeeId?: string | undefined; limit?: number | undefined }): Promise<SearchHit[]> {
  const match = ftsQuery(input.query);
  if (!match) return [];
  const rows = await sql<{
    item_id: string;
    meeting_id: string;
    committee_id: string;
    committee: string;
    start: string;
    title: string;
    case_number: string | null;
    access: 'open' | 'closed';
    snippet: string;
  }>`
    SELECT s.item_id, i.meeting_id, m.committee_id, c.name AS committee, m.start, i.title, i.case_number, i.access,
           snippet(item_search, -1, char(2), char(3), ' … ', 12) AS snippet
    FROM item_search s
    JOIN items i ON i.id = s.item_id
    JOIN meetings m ON m.id = i.meeting_id
    JOIN committees c ON c.id = m.committee_id
    WHERE item_search MATCH ${match} ${input.committeeId ? sql`AND m.committee_id = ${input.committeeId}` : sql``}
    ORDER BY rank
    LIMIT ${input.limit ?? 50}
  `.execute(db);
  const numbers = await numbersOfMeetingIds(db, [...new Set(rows.rows.map((r) => r.meeting_id))]);
  return rows.rows.map((r) => ({
    itemId: r.item_id,
    meetingId: r.meeting_id,
    committeeId: r.committee_id,
    committee: r.committee,
    start: r.start,
    number: numbers.get(r.item_id) ?? 0,
    title: r.title,
    caseNumber: r.case_number,
    access: r.access,
    snippet: plainSnippet(r.snippet),
  }));
}

// FTS5 marks the match with characters no Markdown contains, so the clean-up cannot eat them.
const MARK_START = String.fromCharCode(2);
const MARK_END = String.fromCharCode(3);

/** The index holds Markdown; the snippet shows text: emphasis, table rules and link targets go. */
function plainSnippet(raw: string): string {
  return raw
    .replace(/\]\([^)\s]*\)?/g, '')
    .replace(/[[\]]/g, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/^\s*(#+|>|-|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .replaceAll(MARK_START, '[[')
    .replaceAll(MARK_END, ']]')
    .trim();
}
