// Where a recommended item goes: the committee named next on its route, and that committee's next
// meeting not yet held (a proposal without one waits in the committee's inbox).
import type { ExItem } from '../../../src-shared/exchange';
import { AppError } from '../errors';
import type { CommitteeRow, Db } from '../store/database';
import { nextBodyOnRoute, sameBody } from '../meetingday/carry.service';
import type { LoadedMeeting } from '../meetingday/meeting-context';

/** The meetings a proposal may land on: their agenda is still being prepared. */
export const NOT_YET_HELD = ['planned', 'agenda-published'] as const;

export type Recommendation = { committee: CommitteeRow; notBefore: string };

/** The committee an item decided "Anbefales" is proposed to, or the sentence saying why there is none. */
export async function recommendationTarget(db: Db, source: LoadedMeeting, item: ExItem, number: number): Promise<Recommendation | AppError> {
  const next = nextBodyOnRoute(item.route, source.committee);
  if (!next) {
    return new AppError('Invalid', `Item ${number}'s route names no body after ${source.committee.name} to recommend it to.`,
      `Punkt ${number}s sagsgang nævner intet organ efter ${source.committee.name}, som punktet kan anbefales til.`);
  }
  // Matched in JS: SQLite's lower() leaves Æ, Ø and Å as they are.
  const committee = (await db.selectFrom('committees').selectAll().execute()).find((c) => sameBody(next.body, c));
  if (!committee) {
    return new AppError('NotFound', `No committee is called "${next.body}" (the next body on item ${number}'s route); create it before the item is proposed to it.`,
      `Der findes intet udvalg med navnet "${next.body}" (det næste organ i punkt ${number}s sagsgang); opret det, før punktet foreslås til det.`);
  }
  const notBefore = next.date && next.date > source.row.start.slice(0, 10) ? next.date : source.row.start;
  return { committee, notBefore };
}

/** The target committee's next meeting not yet held after `notBefore`, if it has one. */
export async function nextMeetingOf(db: Db, committeeId: string, notBefore: string): Promise<{ id: string; start: string } | null> {
  const row = await db
    .selectFrom('meetings')
    .select(['id', 'start'])
    .where('committee_id', '=', committeeId)
    .where('start', '>', notBefore)
    .where((eb) => eb.or(NOT_YET_HELD.map((s) => eb('status', '=', s))))
    .where('locked_at', 'is', null)
    .orderBy('start')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}
