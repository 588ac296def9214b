// The sealed content: canonical (the same input always hashes alike), read back exactly, and
// printed with a template option (or a committee setting) added after it was sealed taking its default.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLICATION_PROFILE, resolveTemplate } from '../../../src-shared/domain';
import type { StoredReferatInput } from '../documents/referat-input';
import { parseSealContent, sealContent, sealedInput, sealHash } from './snapshot';

const input: StoredReferatInput = {
  committee: { name: 'Økonomiudvalget', shortName: 'ØU', template: resolveTemplate({ decisionFirst: true }), publicationProfile: 'council', members: [{ key: 'a', name: 'Anne', role: 'chair', title: 'Borgmester', party: 'A' }] },
  meeting: { id: '6f1c2a4e-8d3b-4c71-9a52-0b6e2f4d9a10', start: '2026-06-02T14:30', status: 'minutes-approved', items: [{ title: 'Punkt', number: 1 }] },
  organization: { name: 'Haderslev Kommune', logo: { mime: 'image/png', base64: 'AAAA' } },
  shortName: 'ØU',
};

describe('sealed content', () => {
  it('is canonical: key order does not change the text or the hash', () => {
    const reordered = { shortName: input.shortName, organization: input.organization, meeting: input.meeting, committee: input.committee };
    expect(sealContent(reordered)).toBe(sealContent(input));
    expect(sealHash(sealContent(input))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads back exactly what was sealed', () => {
    expect(sealedInput(sealContent(input))).toEqual(input);
    expect(parseSealContent(sealContent(input))).toEqual(input);
  });

  it('prints a template option it does not hold (one added later) with the option\'s default', () => {
    const { signaturePage: _dropped, ...older } = input.committee.template;
    const content = sealContent({ ...input, committee: { ...input.committee, template: older as typeof input.committee.template } });
    expect(parseSealContent(content).committee.template).toEqual({ ...input.committee.template, signaturePage: resolveTemplate({}).signaturePage });
  });

  it('prints a seal made before publication profiles existed with the default profile', () => {
    const { publicationProfile: _dropped, ...older } = input.committee;
    const content = sealContent({ ...input, committee: older as typeof input.committee });
    expect(parseSealContent(content).committee.publicationProfile).toBe(DEFAULT_PUBLICATION_PROFILE);
  });

  it('refuses content in a form it cannot read, in one sentence', () => {
    expect(() => sealedInput('{"format":"referent-seal/9","input":{}}')).toThrow('Sealed minutes are stored in a form this version cannot read (referent-seal/9).');
    expect(() => sealedInput('not json')).toThrow('Sealed minutes are stored in a form this version cannot read (not JSON).');
  });
});
