// Carried items: a postponed item goes to the committee's next meeting as a new item linked back
// (postponedFrom) whose "Sagens forløb" section tells the earlier treatment and decision. A
// recommended one goes to the next body on its route as a proposal (core/flow/), never directly.
import type { CarryResult } from '../../../src-shared/api/meetingday';
import { OUTCOME_LABEL_DA } from '../../../src-shared/domain';
import type { ExItem } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { CommitteeRow, Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { newId, nowIso } from '../util/canonical';
import { numbersOfMeetingIds } from '../meetings/meeting-numbers';
import { closureColumns, writeItemContent } from '../meetings/meeting-write';
import { assertMeetingUnlocked } from '../meetings/meetings.service';
import { itemOf, loadMeeting, meetingOfItem } from './meeting-context';
import { historyEntry, withHistory } from '../flow/history';

const TRAILING_ROLES = new Set(['mutual-information', 'signature']);

export const sameBody = (body: string, c: Pick<CommitteeRow, 'name' | 'short_name'>): boolean => {
  const b = body.trim().toLowerCase();
  return b === c.name.toLowerCase() || (c.short_name !== null && b === c.short_name.toLowerCase());
};

/** The body an item recommended by this committee goes to next, by its route; null if none. */
export function nextBodyOnRoute(route: ExItem['route'], committee: Pick<CommitteeRow, 'name' | 'short_name'>): { body: string; date?: string | undefined } | null {
  const steps = route ?? [];
  const here = steps.findIndex((s) => sameBody(s.body, committee));
  return steps.slice(here + 1).find((s) => !sameBody(s.body, committee)) ?? null;
}

export async function carryForward(db: Db, itemId: string): Promise<CarryResult> {
  const source = await loadMeeting(db, await meetingOfItem(db, itemId));
  const { item, number } = itemOf(source, itemId);
  const outcome = item.decision?.outcome;
  if (outcome !== 'postponed' && outcome !== 'recommended') {
    const was = outcome ? `was decided "${OUTCOME_LABEL_DA[outcome]}"` : 'has no decision';
    const wasDa = outcome ? `har beslutningen "${OUTCOME_LABEL_DA[outcome]}"` : 'har ingen beslutning';
    throw new AppError(
      'Invalid',
      `Item ${number} ${was}; only an item decided "Udsat" or "Anbefales" is carried on.`,
      `Punkt ${number} ${wasDa}; kun et punkt med beslutningen "Udsat" eller "Anbefales" kan føres videre.`,
    );
  }
  if (outcome === 'recommended') {
    // Across committees nothing lands on another agenda until that committee's secretary accepts it.
    throw new AppError('Invalid', `Item ${number} was decided "Anbefales": it goes to the next body as a proposal, which that committee's secretary accepts into an agenda; it is not carried there directly.`,
      `Punkt ${number} har beslutningen "Anbefales": det går videre til næste organ som et forslag, som dets sekretær optager på en dagsorden; det føres ikke direkte videre.`);
  }
  const earlier = await db
    .selectFrom('items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['m.start', 'c.name'])
    .where('i.postponed_from_meeting_id', '=', source.row.id)
    .where('i.postponed_from_number', '=', number)
    .executeTakeFirst();
  if (earlier) throw new AppError('Conflict', `Item ${number} was already carried on to ${earlier.name} on ${formatShortDa(earlier.start)}.`,
      `Punkt ${number} er allerede ført videre til ${earlier.name} den ${formatShortDa(earlier.start)}.`,
    );

  const committee: CommitteeRow = source.committee;
  const notBefore = source.row.start;
  const target = await db
    .selectFrom('meetings')
    .selectAll()
    .where('committee_id', '=', committee.id)
    .where('start', '>', notBefore)
    .where('status', '!=', 'cancelled')
    .where('locked_at', 'is', null)
    .orderBy('start')
    .executeTakeFirst();
  if (!target) throw new AppError('NotFound', `${committee.name} has no open meeting after ${formatShortDa(notBefore)} to carry item ${number} to; create one first.`,
      `${committee.name} har intet åbent møde efter ${formatShortDa(notBefore)}, som punkt ${number} kan føres videre til; opret et først.`,
    );
  await assertMeetingUnlocked(db, target.id);

  const position = await insertPosition(db, target.id);
  const newItemId = newId();
  await db
    .insertInto('items')
    .values({
      id: newItemId,
      meeting_id: target.id,
      position,
      number: null,
      title: item.title,
      case_number: item.caseNumber ?? null,
      access: item.access ?? 'open',
      ...closureColumns(item),
      role: null,
      supplementary: target.status !== 'planned',
      postponed_from_meeting_id: source.row.id,
      postponed_from_number: number,
    })
    .execute();
  await writeItemContent(db, newItemId, { ...item, sections: withHistory(item.sections ?? [], historyEntry(source, item, number)) });
  await db.updateTable('meetings').set({ updated_at: nowIso() }).where('id', '=', target.id).execute();
  const numbers = await numbersOfMeetingIds(db, [target.id]);
  const newNumber = numbers.get(newItemId) ?? position + 1;
  await appendChange(db, {
    meetingId: target.id,
    committeeId: committee.id,
    action: 'meetingday.carryForward',
    payload: { from: { meetingId: source.row.id, number }, outcome, item: newNumber, title: item.title },
  });
  return { meetingId: target.id, start: target.start, committeeName: committee.name, itemId: newItemId, number: newNumber };
}

/** Before the standard closing items (mutual information, signature) of a meeting whose numbers are not frozen. */
async function insertPosition(db: Db, meetingId: string): Promise<number> {
  const items = await db.selectFrom('items').select(['position', 'role', 'number']).where('meeting_id', '=', meetingId).orderBy('position').execute();
  const end = items.length === 0 ? 0 : items[items.length - 1]!.position + 1;
  if (items.some((i) => i.number !== null)) return end;
  let at = items.length;
  while (at > 0 && TRAILING_ROLES.has(items[at - 1]!.role ?? '')) at--;
  if (at === items.length) return end;
  const from = items[at]!.position;
  // Two steps, so that the unique (meeting_id, position) never sees two rows on one position.
  await db.updateTable('items').set((eb) => ({ position: eb('position', '+', 1_000_000) })).where('meeting_id', '=', meetingId).where('position', '>=', from).execute();
  await db.updateTable('items').set((eb) => ({ position: eb('position', '-', 999_999) })).where('meeting_id', '=', meetingId).where('position', '>=', 1_000_000).execute();
  return from;
}
