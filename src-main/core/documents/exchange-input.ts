// A referat's input straight from a referent/v1 committee (tests, the bench, fixtures): the same
// shape documents.service builds from the store.
import { DEFAULT_PUBLICATION_PROFILE, resolveTemplate } from '../../../src-shared/domain';
import type { ExCommittee, ExMeeting } from '../../../src-shared/exchange';
import type { ReferatInput } from './build-referat';

export function referatInputFromExchange(committee: ExCommittee, meeting: ExMeeting, organizationName: string | null = null): ReferatInput {
  return {
    committee: {
      name: committee.name,
      shortName: committee.shortName,
      template: resolveTemplate(committee.template),
      publicationProfile: committee.publicationProfile ?? DEFAULT_PUBLICATION_PROFILE,
      members: committee.members,
    },
    meeting,
    organization: { name: organizationName, logo: null },
  };
}
