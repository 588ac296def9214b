// "When did we decide X?": items found by their title, case number, sections, decision, votes,
// dissents and attachment titles, in Danish (inflections, prefixes while typing, quoted phrases,
// case numbers whole), filtered by committee, year, outcome and open/closed. The database's
// SearchIndex finds the item ids; the hits are read, numbered and cut into snippets here, from
// their own meetings only.
import type { SearchResult } from '../../../src-shared/api/search';
import type { Access, Outcome } from '../../../src-shared/domain';
import type { Db } from '../store/database';
import { numbersOfItems } from '../meetings/meeting-numbers';
import { loadItemExtras, loadItemTexts } from './item-text';
import { parseQuery } from './query';
import type { SearchIndex } from './search-index';
import { settledSnippet, snippetOf, type Snippet } from './snippet';

export type SearchInput = {
  query: string;
  committeeId?: string | undefined;
  /** Only these committees (a signed-in account's, under `referent serve`); null or left out: all. */
  committeeIds?: readonly string[] | null | undefined;
  year?: number | undefined;
  outcome?: Outcome | undefined;
  access?: Access | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
};

export async function searchItems(db: Db, index: SearchIndex, input: SearchInput): Promise<SearchResult> {
  const terms = parseQuery(input.query);
  if (terms.length === 0 || input.committeeIds?.length === 0) return { hits: [], total: 0, more: false };
  await index.refresh(db);
  const answer = await index.query(db, {
    terms,
    filters: { committeeId: input.committeeId, committeeIds: input.committeeIds ?? undefined, year: input.year, outcome: input.outcome, access: input.access },
    offset: input.offset ?? 0,
    limit: input.limit ?? 50,
  });
  const texts = await loadItemTexts(db, answer.itemIds, { extras: false });
  // Most hits' snippets are settled by their sections or decision; the votes, dissents and
  // attachments are read only for the others (three queries fewer for most pages).
  const snippets = new Map<string, Snippet | null>([...texts].map(([id, t]) => [id, settledSnippet(t, terms)]));
  const unsettled = [...snippets].filter(([, s]) => s === null).map(([id]) => id);
  if (unsettled.length > 0) {
    await loadItemExtras(db, texts, unsettled);
    for (const id of unsettled) snippets.set(id, snippetOf(texts.get(id)!, terms));
  }
  const numbers = await numbersOfItems(
    db,
    [...texts.keys()],
    [...texts.values()].map((t) => ({ id: t.itemId, meeting_id: t.meetingId, number: t.number })),
  );
  const hits = answer.itemIds.flatMap((id) => {
    const t = texts.get(id);
    if (!t) return [];
    return [
      {
        itemId: t.itemId,
        meetingId: t.meetingId,
        committeeId: t.committeeId,
        committee: t.committee,
        start: t.start,
        number: numbers.get(t.itemId) ?? 0,
        title: t.title,
        caseNumber: t.caseNumber,
        access: t.access,
        outcome: t.decision?.outcome ?? null,
        ...snippets.get(id)!,
      },
    ];
  });
  return { hits, total: answer.total, more: answer.more };
}
