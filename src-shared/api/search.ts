// Search over every item: "when did we decide X?". Titles, case numbers, sections, decisions
// (outcome and text), votes, dissents and attachment titles; Danish words find their
// inflections, the last word typed matches as a prefix, "quoted words" match as a phrase, and a
// case number (26/4881) matches that case whole.
import { z } from 'zod';
import { ACCESS, OUTCOMES, type Access, type Outcome, type SectionKind } from '../domain';
import { op } from './define';

/** Where in the item the snippet was cut from. */
export const SEARCH_FIELDS = ['title', 'caseNumber', 'section', 'decision', 'votes', 'dissent', 'attachment'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export type SearchHit = {
  itemId: string;
  meetingId: string;
  committeeId: string;
  committee: string;
  /** The meeting's start, "2026-06-02T14:30". */
  start: string;
  /** The item's number in its meeting's agenda, as printed. */
  number: number;
  title: string;
  caseNumber: string | null;
  access: Access;
  /** The decision's outcome; null while none is recorded. */
  outcome: Outcome | null;
  /** Text around the best match; every matched word or phrase is wrapped in [[ and ]]. */
  snippet: string;
  /** What the snippet was cut from: a section, the decision, the votes, a dissent, an attachment's title (or only the title or case number matched). */
  matchedIn: SearchField;
  /** The section's kind, when matchedIn is "section". */
  section: SectionKind | null;
};

export type SearchResult = {
  /** Items whose title or case number matches come first, then the others; within each, the newest meeting first. */
  hits: SearchHit[];
  /** How many items match, counted up to 1,000. */
  total: number;
  /** More than `total` items match (the count stops at 1,000): narrow the search with a filter. */
  more: boolean;
};

export const searchOps = {
  'search.items': op(
    z.strictObject({
      query: z.string().trim().min(1, 'Skriv mindst ét ord').max(200),
      committeeId: z.uuid().optional(),
      /** The year the meeting starts in. */
      year: z.number().int().min(1900).max(2400).optional(),
      outcome: z.enum(OUTCOMES).optional(),
      /** Open or closed (lukket) items only. */
      access: z.enum(ACCESS).optional(),
      /** Skip this many hits (the next page). */
      offset: z.number().int().min(0).max(1000).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  ).returns<SearchResult>(),
};
