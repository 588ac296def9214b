// Full-text search over every item: title, case number and section text.
import { z } from 'zod';
import { op } from './define';

export type SearchHit = {
  itemId: string;
  meetingId: string;
  committeeId: string;
  committee: string;
  start: string;
  number: number;
  title: string;
  caseNumber: string | null;
  access: 'open' | 'closed';
  /** Text around the match; the matched words are wrapped in [[ and ]]. */
  snippet: string;
};

export const searchOps = {
  'search.items': op(
    z.strictObject({ query: z.string().trim().min(1, 'Skriv mindst ét ord').max(200), committeeId: z.uuid().optional(), limit: z.number().int().min(1).max(200).optional() }),
  ).returns<SearchHit[]>(),
};
