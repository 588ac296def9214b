// The published JSON Schema of referent/v1, generated from the zod schema (never written by hand).
import { z } from 'zod';
import { ReferentDocumentSchema } from '../../../src-shared/exchange';

export const SCHEMA_ID = 'https://referent.dk/schema/referent-v1.schema.json';

export function referentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReferentDocumentSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: SCHEMA_ID, title: 'Referent exchange document (referent/v1)' };
}

export const renderJsonSchema = (): string => `${JSON.stringify(referentJsonSchema(), null, 2)}\n`;
