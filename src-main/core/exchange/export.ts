// Exports the store as a referent/v1 document: every field it knows, each meeting's id and each
// item's number included.
import type { CommitteeTemplate } from '../../../src-shared/domain';
import type { ExCommittee, ReferentDocument } from '../../../src-shared/exchange';
import { sql } from 'kysely';
import type { Db } from '../store/database';
import { committeesRepository } from '../committees/committees.repository';
import { findCommittee, toExMember } from '../committees/committees.service';
import { readMeetings, stripUndefined } from '../meetings/meeting-content';
import { getBlockedPeriods } from '../settings/settings.service';

export type ExportFilter = { committee?: string | undefined; year?: number | undefined };

export async function exportDocument(db: Db, filter: ExportFilter = {}): Promise<ReferentDocument> {
  const committees = filter.committee
    ? [await committeesRepository.byId(db, (await findCommittee(db, filter.committee)).id)]
    : // In the order they were entered (an import keeps its document's order).
      await db.selectFrom('committees').selectAll().orderBy('created_at').orderBy(sql`rowid`).execute();
  const out: ExCommittee[] = [];
  for (const c of committees) {
    if (!c) continue;
    const members = await committeesRepository.members(db, c.id);
    const meetings = await readMeetings(db, { committeeIds: [c.id], ...(filter.year !== undefined ? { year: filter.year } : {}) });
    const template = JSON.parse(c.template) as CommitteeTemplate;
    const defaults = { location: c.default_location ?? undefined, start: c.default_start ?? undefined, end: c.default_end ?? undefined };
    out.push({
      name: c.name,
      shortName: c.short_name ?? undefined,
      numbering: c.numbering,
      defaults: Object.values(defaults).some((v) => v !== undefined) ? defaults : undefined,
      template: Object.keys(template).length > 0 ? template : undefined,
      members: members.map(toExMember),
      meetings: meetings.map((m) => m.meeting),
    });
  }
  const name = await db.selectFrom('settings').select('value').where('key', '=', 'organization.name').executeTakeFirst();
  const blocked = await getBlockedPeriods(db);
  const organization = name ? { name: JSON.parse(name.value) as string, blockedPeriods: blocked ?? undefined } : undefined;
  return stripUndefined({ format: 'referent/v1', organization, committees: out });
}

/** The hashes of every attachment file a document refers to (for the .referent.zip bundle). */
export function attachmentHashes(doc: ReferentDocument): Set<string> {
  const out = new Set<string>();
  for (const c of doc.committees) for (const m of c.meetings) for (const i of m.items) for (const a of i.attachments ?? []) if (a.sha256) out.add(a.sha256);
  return out;
}
