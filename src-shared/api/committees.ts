import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op } from './define';
import type { Committee, CommitteeSummary } from '../domain';
import { LocalTime, TemplateSchema } from '../exchange';
import { MEMBER_ROLES, NUMBERING_RULES, PUBLICATION_PROFILES } from '../domain';
import { LocalDate } from '../exchange';

export const Id = z.uuid('must be an id');
/** A row's version as an editor loaded it (items and meetings: docs/server-design.md §5). */
export const Version = z.number().int().min(1);

const CommitteeFields = {
  name: z.string().trim().min(1, 'Navnet må ikke være tomt').max(FIELD_LIMITS.committeeName),
  shortName: z.string().trim().max(FIELD_LIMITS.committeeShortName).nullable().optional(),
  numbering: z.enum(NUMBERING_RULES),
  defaults: z
    .strictObject({ location: z.string().trim().max(FIELD_LIMITS.location).nullable().optional(), start: LocalTime.nullable().optional(), end: LocalTime.nullable().optional() })
    .optional(),
  template: TemplateSchema.optional(),
  /** What the public version keeps of a closed item; default "committee" (a stub). */
  publicationProfile: z.enum(PUBLICATION_PROFILES).optional(),
};

const MemberFields = {
  name: z.string().trim().min(1, 'Navnet må ikke være tomt').max(FIELD_LIMITS.memberName),
  role: z.enum(MEMBER_ROLES),
  title: z.string().trim().max(FIELD_LIMITS.memberTitle).nullable().optional(),
  party: z.string().trim().max(FIELD_LIMITS.memberParty).nullable().optional(),
  from: LocalDate.nullable().optional(),
  until: LocalDate.nullable().optional(),
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
      publicationProfile: CommitteeFields.publicationProfile,
    }),
  ).returns<Committee>(),
  'committees.addMember': op(z.strictObject({ committeeId: Id, ...MemberFields })).returns<Committee>(),
  'committees.updateMember': op(
    z.strictObject({
      committeeId: Id,
      key: z.string().min(1).max(FIELD_LIMITS.memberKey),
      name: MemberFields.name.optional(),
      role: MemberFields.role.optional(),
      title: MemberFields.title,
      party: MemberFields.party,
      from: MemberFields.from,
      until: MemberFields.until,
    }),
  ).returns<Committee>(),
  /** A member added by mistake, named in no meeting's record, is deleted; anyone else is refused (end the membership instead). */
  'committees.removeMember': op(z.strictObject({ committeeId: Id, key: z.string().min(1) })).returns<Committee>(),
  /** The member leaves the committee; old meetings keep naming them. */
  'committees.endMembership': op(z.strictObject({ committeeId: Id, key: z.string().min(1), until: LocalDate })).returns<Committee>(),
};
