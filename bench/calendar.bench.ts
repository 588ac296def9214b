// A whole municipality's calendar (20 committees x 11 meetings) rolled forward, against the time
// to merely read the same meetings from the store in the same run.
import type { Bench } from './lib';
import { medianMs } from './lib';
import { tempStore } from '../tests/helpers/store';
import { newId, nowIso } from '../src-main/core/util/canonical';
import { blockedDays } from '../src-main/core/calendar/blocked-periods';
import { rollForwardCalendar } from '../src-main/core/calendar/roll-forward';
import { proposeRollForward, readYear } from '../src-main/core/calendar/roll-forward.service';
import { weekdaysInMonth } from '../src-main/core/calendar/days';

const COMMITTEES = 20;
const MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

const bench: Bench = async (report) => {
  const store = tempStore();
  const now = nowIso();
  await store.db.transaction().execute(async (db) => {
    for (let c = 0; c < COMMITTEES; c++) {
      const id = newId();
      await db.insertInto('committees').values({ id, name: `Udvalg ${c + 1}`, short_name: `U${c + 1}`, numbering: 'per-meeting', default_location: null, default_start: null, default_end: null, created_at: now, updated_at: now }).execute();
      const weekday = 1 + (c % 4);
      const nth = c % 4;
      for (const m of MONTHS) {
        const day = weekdaysInMonth(2026, m, weekday)[nth]!;
        const hour = String(13 + (c % 4)).padStart(2, '0');
        await db.insertInto('meetings').values({ id: newId(), committee_id: id, start: `${day}T${hour}:00`, end: `${day}T${String(Number(hour) + 2)}:00`, location: 'Rådhuset', calendar_uid: null, status: 'planned', created_at: now, updated_at: now }).execute();
      }
    }
  });
  const coldT0 = performance.now();
  const cold = await proposeRollForward(store.db, { fromYear: 2026, toYear: 2027 });
  const coldMs = performance.now() - coldT0;
  const meetings = await readYear(store.db, 2026);
  const readMs = await medianMs(() => readYear(store.db, 2026), 15, 3);
  const pureMs = await medianMs(() => rollForwardCalendar({ meetings, toYear: 2027, blocked: blockedDays(2027) }), 15, 3);
  const fullMs = await medianMs(() => proposeRollForward(store.db, { fromYear: 2026, toYear: 2027 }), 15, 3);
  const moved = cold.proposals.filter((p) => p.moved).length;
  report({ name: `roll forward ${meetings.length} meetings, store to proposal (median)`, value: fullMs, unit: 'ms', target: '< 100 ms', met: fullMs < 100, note: `${moved} moved, ${cold.proposals.filter((p) => p.proposed === null).length} conflicts` });
  report({ name: 'the same, first call (holiday tables cold)', value: coldMs, unit: 'ms', target: '< 100 ms', met: coldMs < 100 });
  report({ name: 'rollForwardCalendar alone (median)', value: pureMs, unit: 'ms' });
  report({ name: `baseline: read the ${meetings.length} meetings from the store (median)`, value: readMs, unit: 'ms' });
  report({ name: 'ratio: roll forward / read the meetings', value: fullMs / readMs, unit: 'x' });
  await store.close();
};

export default bench;
