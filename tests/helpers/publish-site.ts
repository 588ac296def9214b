// The website folder of the documents fixtures: the rich meeting (approved, with closed items)
// and the reference referat (approved here), plus a planned meeting, with stored attachment bytes.
import fs from 'node:fs';
import path from 'node:path';
import type { ExCommittee, ExMeeting, ReferentDocument } from '../../src-shared/exchange';
import { referatInputFromExchange } from '../../src-main/core/documents/exchange-input';
import type { SiteInput, SiteMeeting } from '../../src-main/core/publish/site';
import { sha256Hex } from '../../src-main/core/util/canonical';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const read = (file: string): ExCommittee => (JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as ReferentDocument).committees[0]!;
export const rich = read('documents/rich-meeting.json');
export const reference = read('reference-referat.json');

const attachmentBytes = new Map<string, Uint8Array>();
/** Gives every attachment stored bytes (the fixtures name files; the store would hold them). */
export function withFiles(m: ExMeeting): ExMeeting {
  return {
    ...m,
    items: m.items.map((it) => ({
      ...it,
      attachments: it.attachments?.map((a) => {
        const bytes = new TextEncoder().encode(`%PDF-1.4 ${a.title}`);
        const sha256 = sha256Hex(bytes);
        attachmentBytes.set(sha256, bytes);
        return { ...a, sha256 };
      }),
    })),
  };
}

export const richMeeting = withFiles(rich.meetings[0]!);
export const refMeeting = withFiles({ ...reference.meetings[0]!, status: 'minutes-approved' });
export const plannedMeeting: ExMeeting = { id: '0c6f7a1e-2222-4c71-9a52-0b6e2f4d9a10', start: '2026-11-03T14:30', status: 'planned', items: [] };

export function siteInput(meetings: ExMeeting[], profile: 'council' | 'committee' = 'committee'): SiteInput {
  const members = [...rich.members, ...reference.members.filter((m) => !rich.members.some((r) => r.key === m.key))];
  const base = referatInputFromExchange({ ...rich, publicationProfile: profile, members }, meetings[0]!, 'Haderslev Kommune');
  const sm: SiteMeeting[] = meetings.map((m) => ({ id: m.id!, meeting: m, version: sha256Hex(JSON.stringify(m)), updatedAt: '2026-06-03T10:00:00Z', pdf: new TextEncoder().encode(`%PDF ${m.id}`) }));
  return { committee: { ...base.committee, shortName: 'OBU' }, organization: base.organization, year: 2026, meetings: sm, readAttachment: (h) => attachmentBytes.get(h)! };
}
