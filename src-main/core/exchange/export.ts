// Exports the store as a referent/v1 document: every field it knows, each meeting's id and each
// item's number included.
import type { CommitteeTemplate } from '../../../src-shared/domain';
import type { ExCommittee, ReferentDocument } from '../../../src-shared/exchange';
import type { Db } from '../store/database';
import { insertionOrder } from '../store/insertion-order';
import { committeesRepository } from '../committees/committees.repository';
import { findCommittee, toExMember } from '../committees/committees.service';
import { readMeetings, stripUndefined } from '../meetings/meeting-content';
import { getBlockedPeriods } from '../settings/settings.service';
import { chainAnchor, formatAnchor } from '../seal/anchor';
import { exportProposals } from '../flow/proposals.exchange';

export type ExportFilter = { committee?: string | undefined; year?: number | undefined };

/** The committees an export holds, in the order they were entered, each as its document form without meetings. */
export async function committeeHeaders(db: Db, filter: ExportFilter): Promise<{ id: string; header: Omit<ExCommittee, 'meetings'> }[]> {
  const committees = filter.committee
    ? [await committeesRepository.byId(db, (await findCommittee(db, filter.committee)).id)]
    : // In the order they were entered (an import keeps its document's order).
      await db.selectFrom('committees').selectAll().orderBy('created_at').orderBy(insertionOrder(db)).execute();
  const out: { id: string; header: Omit<ExCommittee, 'meetings'> }[] = [];
  for (const c of committees) {
    if (!c) continue;
    const members = await committeesRepository.members(db, c.id);
    const template = JSON.parse(c.template) as CommitteeTemplate;
    const defaults = { location: c.default_location ?? undefined, start: c.default_start ?? undefined, end: c.default_end ?? undefined };
    out.push({
      id: c.id,
      header: stripUndefined({
        name: c.name,
        shortName: c.short_name ?? undefined,
        numbering: c.numbering,
        defaults: Object.values(defaults).some((v) => v !== undefined) ? defaults : undefined,
        template: Object.keys(template).length > 0 ? template : undefined,
        publicationProfile: c.publication_profile,
        members: members.map(toExMember),
      }),
    });
  }
  return out;
}

export async function organizationOf(db: Db): Promise<ReferentDocument['organization']> {
  const name = await db.selectFrom('settings').select('value').where('key', '=', 'organization.name').executeTakeFirst();
  const blocked = await getBlockedPeriods(db);
  return name ? stripUndefined({ name: JSON.parse(name.value) as string, blockedPeriods: blocked ?? undefined }) : undefined;
}

/** The whole document in memory: for the Api and small exports. A file is written by writeExport (export-stream.ts). */
export async function exportDocument(db: Db, filter: ExportFilter = {}): Promise<ReferentDocument> {
  // Read first: the anchor may only name entries the exported content already reflects.
  const anchor = await exportAnchor(db);
  const out: ExCommittee[] = [];
  for (const { id, header } of await committeeHeaders(db, filter)) {
    const meetings = await readMeetings(db, { committeeIds: [id], ...(filter.year !== undefined ? { year: filter.year } : {}) });
    out.push({ ...header, meetings: meetings.map((m) => m.meeting) });
  }
  const proposals = await exportProposals(db, filter);
  return stripUndefined({ format: 'referent/v1', anchor, organization: await organizationOf(db), committees: out, proposals: proposals.length > 0 ? proposals : undefined });
}

/** The change log's head ("HASH:LENGTH") an export carries, for `referent verify --anchor FILE`. */
export async function exportAnchor(db: Db): Promise<string | undefined> {
  const anchor = await chainAnchor(db);
  return anchor ? formatAnchor(anchor) : undefined;
}
