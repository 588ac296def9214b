// Proposals in the exchange format (referent/v1 `proposals`, beside the committees): written by
// export-json for every proposal made from an exported meeting's items, and taken back by import
// after all its committees are written, so that moving an archive (export and import, or `referent
// migrate`, which compares the two exports) keeps every pending and decided proposal. Items are
// named by meeting id and number, the receiving committee by name. docs/server-design.md §10.
import type { ExProposal } from '../../../src-shared/exchange';
import type { ImportReport } from '../../../src-shared/api/exchange';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { numbersOfItems } from '../meetings/meeting-numbers';
import { stripUndefined } from '../meetings/meeting-content';
import { newId } from '../util/canonical';
import type { ExportFilter } from '../exchange/export';
import { findCommittee } from '../committees/committees.service';

const orUndef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The proposals made from the items of the meetings an export holds, oldest first (sorted here: the same order on both dialects). */
export async function exportProposals(db: Db, filter: ExportFilter): Promise<ExProposal[]> {
  let q = db
    .selectFrom('proposals as p')
    .innerJoin('items as si', 'si.id', 'p.source_item_id')
    .innerJoin('meetings as sm', 'sm.id', 'si.meeting_id')
    .innerJoin('committees as tc', 'tc.id', 'p.target_committee_id')
    .leftJoin('items as ai', 'ai.id', 'p.accepted_item_id')
    .selectAll('p')
    .select(['sm.id as source_meeting_id', 'tc.name as target_name', 'ai.meeting_id as accepted_meeting_id']);
  if (filter.committee) q = q.where('sm.committee_id', '=', (await findCommittee(db, filter.committee)).id);
  if (filter.year !== undefined) q = q.where('sm.start', 'like', `${filter.year}-%`);
  const rows = (await q.execute()).sort((a, b) => byText(a.created_at, b.created_at) || byText(a.id, b.id));
  if (rows.length === 0) return [];
  const numbers = await numbersOfItems(db, [...rows.map((r) => r.source_item_id), ...rows.flatMap((r) => (r.accepted_item_id ? [r.accepted_item_id] : []))]);
  return rows.map((r) =>
    stripUndefined({
      id: r.id,
      from: { meetingId: r.source_meeting_id, number: numbers.get(r.source_item_id)! },
      to: r.target_name,
      status: r.status,
      notBefore: r.not_before,
      createdAt: r.created_at,
      createdBy: orUndef(r.created_by),
      decidedAt: orUndef(r.decided_at),
      decidedBy: orUndef(r.decided_by),
      reason: orUndef(r.reason),
      accepted: r.accepted_item_id && r.accepted_meeting_id ? { meetingId: r.accepted_meeting_id, number: numbers.get(r.accepted_item_id)! } : undefined,
      acceptedDecision: orUndef(r.accepted_decision),
      change: r.change_at !== null && r.change_now !== null ? { at: r.change_at, by: orUndef(r.change_by), now: r.change_now } : undefined,
    }),
  );
}

/** The item of a meeting with that number, as the document numbered it (stored or counted). */
async function itemAt(db: Db, meetingId: string, number: number): Promise<string | null> {
  const ids = (await db.selectFrom('items').select('id').where('meeting_id', '=', meetingId).execute()).map((r) => r.id);
  for (const [id, n] of await numbersOfItems(db, ids)) if (n === number) return id;
  return null;
}

/**
 * Writes a document's proposals, after its committees and meetings: each replaces the proposal of its
 * item (the document says what became of it) or is added. One whose committee is not in this archive
 * (a document of one committee, imported elsewhere) is not kept, and the report says so; an item the
 * archive does not hold is a fault in the document, named by its path.
 */
export async function importProposals(db: Db, proposals: readonly ExProposal[], report: ImportReport): Promise<void> {
  const committees = await db.selectFrom('committees').select(['id', 'name']).execute();
  const kept = { kept: 0, skipped: [] as { title: string; to: string }[] };
  for (const [i, p] of proposals.entries()) {
    const at = `proposals[${i}]`;
    const source = await itemAt(db, p.from.meetingId, p.from.number);
    if (!source) {
      throw new AppError('Invalid', `${at}.from: names item ${p.from.number} of the meeting ${p.from.meetingId}, which neither this document nor this archive holds`,
        `${at}.from: nævner punkt ${p.from.number} på mødet ${p.from.meetingId}, som hverken dokumentet eller arkivet indeholder.`);
    }
    const target = committees.find((c) => c.name === p.to);
    if (!target) {
      const { title } = await db.selectFrom('items').select('title').where('id', '=', source).executeTakeFirstOrThrow();
      kept.skipped.push({ title, to: p.to });
      continue;
    }
    const values = {
      target_committee_id: target.id,
      status: p.status,
      not_before: p.notBefore,
      created_at: p.createdAt,
      created_by: p.createdBy ?? null,
      decided_at: p.decidedAt ?? null,
      decided_by: p.decidedBy ?? null,
      reason: p.reason ?? null,
      // Its meeting not in this archive: as if the item were taken off that agenda again.
      accepted_item_id: p.accepted ? await itemAt(db, p.accepted.meetingId, p.accepted.number) : null,
      accepted_decision: p.acceptedDecision ?? null,
      change_at: p.change?.at ?? null,
      change_by: p.change?.by ?? null,
      change_now: p.change?.now ?? null,
    };
    const existing = await db.selectFrom('proposals').select('id').where('source_item_id', '=', source).executeTakeFirst();
    if (existing) {
      await db.updateTable('proposals').set(values).where('id', '=', existing.id).execute();
    } else {
      // Its id kept, so the change log's entries about it still name it; unless another proposal here has it.
      const taken = p.id ? await db.selectFrom('proposals').select('id').where('id', '=', p.id).executeTakeFirst() : undefined;
      await db.insertInto('proposals').values({ id: p.id && !taken ? p.id : newId(), source_item_id: source, ...values }).execute();
    }
    kept.kept++;
  }
  report.proposals = kept;
}
