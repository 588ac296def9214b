import { z } from 'zod';
import { op } from './define';
import type { Committee, CommitteeSummary } from '../domain';
import { LocalTime, TemplateSchema } from '../exchange';
import { NUMBERING_RULES } from '../domain';

export const Id = z.uuid('must be an id');

const CommitteeFields = {
  name: z.string().trim().min(1, 'Navnet må ikke være tomt').max(200),
  shortName: z.string().trim().max(20).nullable().optional(),
  numbering: z.enum(NUMBERING_RULES),
  defaults: z
    .strictObject({ location: z.string().trim().nullable().optional(), start: LocalTime.nullable().optional(), end: LocalTime.nullable().optional() })
    .optional(),
  template: TemplateSchema.optional(),
};

export const committeeOps = {
  'committees.list': op(z.object({})).returns<CommitteeSummary[]>(),
  'committees.get': op(z.strictObject({ id: Id })).returns<Committee>(),
  'committees.create': op(z.strictObject(CommitteeFields)).returns<Committee>(),
  'committees.update': op(
    z.strictObject({
      id: Id,
      name: CommitteeFields.name.optional(),
      shortName: CommitteeFields.shortName,
      numbering: CommitteeFields.numbering.optional(),
      defaults: CommitteeFields.defaults,
      template: CommitteeFields.template,
    }),
  ).returns<Committee>(),
};
