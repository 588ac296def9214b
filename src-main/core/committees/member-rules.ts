// What a committee's list of members may not hold: the same person twice at the same time, or two
// chairs (formænd) or two vice-chairs (næstformænd) at the same time. Checked when a member is
// added or changed; each refusal is one sentence naming who is in the way and when.
import type { MemberRole } from '../../../src-shared/domain';
import { formatDayMonthDa } from '../../../src-shared/dates';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { committeesRepository } from './committees.repository';

export type Period = { from: string | null; until: string | null };
type Candidate = Period & { name: string; role: MemberRole };

/** Two membership periods share a day; an open end runs for ever. */
export const overlaps = (a: Period, b: Period): boolean => (a.from ?? '0000-01-01') <= (b.until ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a.until ?? '9999-12-31');

/** "Holger  mikkelsen" and "Holger Mikkelsen" are the same name. */
const sameName = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

function periodText(p: Period, lang: 'en' | 'da'): string {
  const day = (d: string): string => (lang === 'da' ? formatDayMonthDa(d) : d);
  if (p.from && p.until) return lang === 'da' ? `fra ${day(p.from)} til ${day(p.until)}` : `from ${day(p.from)} to ${day(p.until)}`;
  if (p.from) return lang === 'da' ? `fra ${day(p.from)}` : `from ${day(p.from)}`;
  if (p.until) return lang === 'da' ? `til ${day(p.until)}` : `until ${day(p.until)}`;
  return lang === 'da' ? 'uden slutdato' : 'with no end date';
}

const ROLE_DA: Partial<Record<MemberRole, string>> = { chair: 'formand', 'vice-chair': 'næstformand' };

/** Refuses a member (new, or `key` changed) who would double a person, a chair or a vice-chair in time. */
export async function assertMemberFits(db: Db, committeeId: string, candidate: Candidate, key: string | null): Promise<void> {
  const others = (await committeesRepository.members(db, committeeId)).filter((m) => m.key !== key);
  const period = { from: candidate.from, until: candidate.until };
  const twin = others.find((m) => sameName(m.name, candidate.name) && overlaps(period, { from: m.valid_from, until: m.valid_until }));
  if (twin) {
    const theirs = { from: twin.valid_from, until: twin.valid_until };
    throw new AppError(
      'Conflict',
      `${twin.name} is already a member of the committee in that period (${periodText(theirs, 'en')}); change that membership instead of adding the person twice.`,
      `${twin.name} er allerede medlem af udvalget i den periode (${periodText(theirs, 'da')}); ret det medlemskab i stedet for at tilføje personen to gange.`,
    );
  }
  const roleDa = ROLE_DA[candidate.role];
  if (!roleDa) return;
  const rival = others.find((m) => m.role === candidate.role && overlaps(period, { from: m.valid_from, until: m.valid_until }));
  if (rival) {
    const theirs = { from: rival.valid_from, until: rival.valid_until };
    const roleEn = candidate.role === 'chair' ? 'chair' : 'vice-chair';
    throw new AppError(
      'Conflict',
      `The committee already has a ${roleEn} in that period: ${rival.name} (${periodText(theirs, 'en')}). End that membership or change its role first.`,
      `Udvalget har allerede en ${roleDa} i den periode: ${rival.name} (${periodText(theirs, 'da')}). Afslut det medlemskab eller ret rollen først.`,
    );
  }
}
