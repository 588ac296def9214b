// The sealed content of approved minutes: the whole document input (committee name and short
// name, the resolved template with every house-style option, the members as printed, the
// organisation's name and logo, the meeting) as canonical JSON. Its SHA-256 is the lock's content
// hash, so nothing that is printed can change without the hash (and `referent verify`) noticing.
import { DEFAULT_PUBLICATION_PROFILE, resolveTemplate, type CommitteeTemplate } from '../../../src-shared/domain';
import type { StoredReferatInput } from '../documents/referat-input';
import { AppError } from '../errors';
import { canonicalJson, sha256Hex } from '../util/canonical';

export const SEAL_FORMAT = 'referent-seal/1';

/** The text stored and hashed: canonical, so the same input always gives the same hash. */
export const sealContent = (input: StoredReferatInput): string => canonicalJson({ format: SEAL_FORMAT, input });

export const sealHash = (content: string): string => sha256Hex(content);

/** The input as sealed, exactly as stored (an addendum extends this, nothing else). */
export function sealedInput(content: string): StoredReferatInput {
  let parsed: { format?: unknown; input?: StoredReferatInput };
  try {
    parsed = JSON.parse(content) as typeof parsed;
  } catch {
    parsed = {};
  }
  if (parsed.format !== SEAL_FORMAT || typeof parsed.input !== 'object' || parsed.input === null) {
    throw new AppError('Corrupt', `Sealed minutes are stored in a form this version cannot read (${String(parsed.format ?? 'not JSON')}).`,
      `Et forseglet referat er gemt i en form, denne version ikke kan læse (${String(parsed.format ?? 'ikke JSON')}).`,
    );
  }
  return parsed.input;
}

/**
 * The input to print from. The template is resolved again, so a house-style option added after
 * the minutes were sealed takes its default (which must print as before the option existed); so
 * does the publication profile of a seal made before it existed.
 */
export function parseSealContent(content: string): StoredReferatInput {
  const input = sealedInput(content);
  const { publicationProfile = DEFAULT_PUBLICATION_PROFILE } = input.committee as Partial<StoredReferatInput['committee']>;
  return { ...input, committee: { ...input.committee, publicationProfile, template: resolveTemplate(input.committee.template as CommitteeTemplate) } };
}
