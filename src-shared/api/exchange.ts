import { z } from 'zod';
import { op } from './define';
import type { ReferentDocument } from '../exchange';

export type ImportReport = {
  committees: { added: number; updated: number };
  meetings: { added: number; replaced: number; unchanged: number };
  items: number;
  files: number;
};

export const exchangeOps = {
  /** The document is parsed by the importer itself, so that its error names the JSON path. */
  'exchange.import': op(z.strictObject({ document: z.unknown() })).returns<ImportReport>(),
  'exchange.export': op(
    z.strictObject({ committee: z.string().trim().min(1).optional(), year: z.number().int().min(1900).max(2200).optional() }),
  ).returns<ReferentDocument>(),
};
