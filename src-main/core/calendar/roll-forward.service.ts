// Roll-forward over the store: reads year N's meetings, proposes year N+1 (rollForwardCalendar),
// and creates the meetings the secretary accepted, all in the caller's one transaction.
import type { RollForwardProposal } from '../../../src-shared/api/calendar';
import type { ExBlockedPeriods } from '../../../src-shared/exchange';
import { formatLongDa, formatShortDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { createMeeting } from '../meetings/meetings.service';
import { getBlockedPeriods, setBlockedPeriods } from '../settings/settings.service';
import type { BlockedDays } from './blocked-periods';
import { rollForwardCalendar, type Proposal, type SourceMeeting } from './roll-forward';

const DEFAULT_BLOCKED: Required<ExBlockedPeriods> = { winterWeek: 7, extra: [] };

export async function readBlockedPeriods(db: Db): Promise<Required<ExBlockedPeriods>> {
  const stored = await getBlockedPeriods(db);
  return { winterWeek: stored?.winterWeek ?? DEFAULT_BLOCKED.winterWeek, extra: stored?.extra ?? [] };
}

export async function writeBlockedPeriods(db: Db, value: ExBlockedPeriods): Promise<Required<ExBlockedPeriods>> {
  for (const [i, e] of (value.extra ?? []).entries()) {
    if (e.until < e.from) throw new AppError('Invalid', `extra[${i}]: the period "${e.reason}" ends (${e.until}) before it begins (${e.from}).`,
        `extra[${i}]: perioden "${e.reason}" slutter (${formatShortDa(e.until)}), før den begynder (${formatShortDa(e.from)}).`,
      );
  }
  await setBlockedPeriods(db, { winterWeek: value.winterWeek ?? 7, extra: value.extra ?? [] });
  return readBlockedPeriods(db);
}

/** A year's meetings, cancelled ones left out, with their committee's name. */
export async function readYear(db: Db, year: number, committeeId?: string): Promise<SourceMeeting[]> {
  let q = db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['m.committee_id', 'c.name', 'm.start', 'm.end', 'm.location'])
    .where('m.start', '>=', `${year}-01-01`)
    .where('m.start', '<', `${year + 1}-01-01`)
    .where('m.status', '!=', 'cancelled');
  if (committeeId !== undefined) q = q.where('m.committee_id', '=', committeeId);
  const rows = await q.orderBy('m.start').execute();
  return rows.map((r) => ({ committeeId: r.committee_id, committee: r.name, start: r.start, end: r.end, location: r.location }));
}

export async function proposeRollForward(db: Db, input: { fromYear: number; toYear: number; committeeId?: string | undefined }): Promise<RollForwardProposal> {
  const { fromYear, toYear, committeeId } = input;
  if (toYear !== fromYear + 1) throw new AppError('Invalid', `A calendar rolls forward one year at a time: --to must be ${fromYear + 1}, not ${toYear}.`,
      `En kalender rulles frem ét år ad gangen: --to skal være ${fromYear + 1}, ikke ${toYear}.`,
    );
  if (committeeId !== undefined && !(await db.selectFrom('committees').select('id').where('id', '=', committeeId).executeTakeFirst())) {
    throw new AppError('NotFound', 'The committee was not found.', 'Udvalget findes ikke.');
  }
  const settings = await readBlockedPeriods(db);
  // Loaded here, not at start: date-holidays is large and only a roll-forward needs it.
  const { blockedDays } = await import('./blocked-periods');
  const blocked = blockedDays(toYear, settings);
  const meetings = await readYear(db, fromYear, committeeId);
  const existingRows = await readYear(db, toYear, committeeId);
  const proposals = proposeAgainst(meetings, existingRows, toYear, blocked);
  const ids = new Set([...meetings, ...existingRows].map((m) => m.committeeId));
  let cq = db.selectFrom('committees').select(['id', 'name', 'short_name']).orderBy('name');
  if (committeeId !== undefined) cq = cq.where('id', '=', committeeId);
  const committees = (await cq.execute()).filter((c) => committeeId !== undefined || ids.has(c.id)).map((c) => ({ id: c.id, name: c.name, shortName: c.short_name }));
  return {
    fromYear,
    toYear,
    proposals: proposals.map(({ proposal: p, planned }) => ({
      committeeId: p.committeeId,
      committee: p.committee,
      source: p.start,
      sourceEnd: p.end,
      location: p.location,
      ruleDay: p.ruleDay,
      proposed: p.proposed,
      proposedEnd: p.proposedEnd,
      moved: p.moved,
      blockedBy: p.blockedBy,
      reason: p.reason,
      planned,
    })),
    blockedDays: [...blocked].map(([day, b]) => ({ day, kind: b.kind, label: b.label })).sort((a, b) => (a.day < b.day ? -1 : 1)),
    existing: existingRows.map((m) => ({ committeeId: m.committeeId, start: m.start })),
    committees,
  };
}

/**
 * A source meeting whose proposal is already in the target year (an earlier apply) is shown as
 * planned, not moved again; every meeting of the target year still blocks its day for the rest.
 */
function proposeAgainst(meetings: SourceMeeting[], existing: SourceMeeting[], toYear: number, blocked: BlockedDays): { proposal: Proposal; planned: boolean }[] {
  const existingStarts = new Set(existing.map((m) => `${m.committeeId}|${m.start}`));
  const free = rollForwardCalendar({ meetings, toYear, blocked });
  const planned = free.filter((p) => p.proposed !== null && existingStarts.has(`${p.committeeId}|${p.proposed}`));
  const plannedSources = new Set(planned.map((p) => `${p.committeeId}|${p.start}`));
  const taken = new Map<string, Set<string>>();
  for (const m of existing) {
    const s = taken.get(m.committeeId) ?? new Set<string>();
    s.add(m.start.slice(0, 10));
    taken.set(m.committeeId, s);
  }
  const rest = rollForwardCalendar({ meetings: meetings.filter((m) => !plannedSources.has(`${m.committeeId}|${m.start}`)), toYear, blocked, taken });
  return [...planned.map((proposal) => ({ proposal, planned: true })), ...rest.map((proposal) => ({ proposal, planned: false }))].sort((a, b) =>
    a.proposal.start < b.proposal.start ? -1 : a.proposal.start > b.proposal.start ? 1 : a.proposal.committee.localeCompare(b.proposal.committee, 'da'),
  );
}

export type AcceptedMeeting = { committeeId: string; start: string; end: string | null; location: string | null };

/**
 * Creates the accepted meetings through createMeeting, so each gets its committee template's
 * standard items as a meeting made by hand would. A meeting that already exists at the same
 * committee and start is left as it is (applying twice adds nothing).
 */
export async function applyRollForward(db: Db, input: { toYear: number; meetings: AcceptedMeeting[] }): Promise<{ created: number; unchanged: number }> {
  const seen = new Map<string, number>();
  for (const [i, m] of input.meetings.entries()) {
    if (!m.start.startsWith(`${input.toYear}-`)) throw new AppError('Invalid', `meetings[${i}]: ${m.start.replace('T', ' ')} is not in ${input.toYear}.`, `meetings[${i}]: ${formatLongDa(m.start)} ligger ikke i ${input.toYear}.`);
    if (m.end !== null && m.end <= m.start) throw new AppError('Invalid', `meetings[${i}]: the meeting of ${m.start.replace('T', ' ')} must end after it starts.`, `meetings[${i}]: mødet ${formatLongDa(m.start).toLowerCase()} skal slutte, efter det begynder.`);
    const key = `${m.committeeId}|${m.start.slice(0, 10)}`;
    const prior = seen.get(key);
    if (prior !== undefined) throw new AppError('Invalid', `meetings[${i}]: the committee already has meetings[${prior}] on ${m.start.slice(0, 10)}.`,
        `meetings[${i}]: udvalget har allerede meetings[${prior}] den ${formatShortDa(m.start)}.`,
      );
    seen.set(key, i);
  }
  let created = 0;
  let unchanged = 0;
  for (const m of input.meetings) {
    const exists = await db.selectFrom('meetings').select('id').where('committee_id', '=', m.committeeId).where('start', '=', m.start).executeTakeFirst();
    if (exists) {
      unchanged++;
      continue;
    }
    await createMeeting(db, { committeeId: m.committeeId, start: m.start, end: m.end, location: m.location || null });
    created++;
  }
  return { created, unchanged };
}
