// The proposal as a year: a row per month, a column per committee; each meeting's date can be
// changed by hand, moved meetings say why, and conflicts are marked.
import { useTranslation } from 'react-i18next';
import type { RollForwardProposal, RollProposal } from '../../../src-shared/api/calendar';
import { shortDate, timeText } from '../../lib/dates';
import { DateField } from '../../components/DateFields';
import { reasonText, blockText } from './reasons';

export type Entry = { index: number; proposal: RollProposal; day: string; edited: boolean; problem: string | null; warning: string | null };

/** Each proposal with the day it will get and what is wrong with that day, if anything. */
export function entriesOf(t: ReturnType<typeof useTranslation<'calendar'>>['t'], data: RollForwardProposal, edits: Record<number, string>): Entry[] {
  const blocked = new Map(data.blockedDays.map((b) => [b.day, b]));
  const entries = data.proposals.map((p, index) => {
    const day = edits[index] ?? p.proposed?.slice(0, 10) ?? '';
    return { index, proposal: p, day, edited: edits[index] !== undefined && edits[index] !== p.proposed?.slice(0, 10) };
  });
  const plannedStarts = new Set(data.proposals.filter((p) => p.planned && p.proposed).map((p) => `${p.committeeId}|${p.proposed}`));
  const existingDays = new Set(data.existing.filter((e) => !plannedStarts.has(`${e.committeeId}|${e.start}`)).map((e) => `${e.committeeId}|${e.start.slice(0, 10)}`));
  return entries.map((e) => {
    let problem: string | null = null;
    let warning: string | null = null;
    if (!e.day) problem = t('problem.noDate');
    else if (!e.day.startsWith(`${data.toYear}-`)) problem = t('problem.otherYear', { year: data.toYear });
    else if (entries.some((o) => o !== e && o.proposal.committeeId === e.proposal.committeeId && o.day === e.day) || existingDays.has(`${e.proposal.committeeId}|${e.day}`)) problem = t('problem.sameDay');
    else {
      const b = blocked.get(e.day);
      if (b) warning = blockText(t, b);
    }
    return { ...e, problem, warning };
  });
}

export function YearView({ data, entries, onEdit }: { data: RollForwardProposal; entries: Entry[]; onEdit: (index: number, day: string) => void }) {
  const { t } = useTranslation('calendar');
  const months = t('months', { returnObjects: true }) as string[];
  const monthOf = (e: Entry): number => Number((e.proposal.proposed ?? e.proposal.ruleDay).slice(5, 7));
  return (
    <div className="year-view-scroll">
      <table className="year-view" aria-label={t('roll.yearView', { year: data.toYear })}>
        <thead>
          <tr>
            <th scope="col">{t('roll.month')}</th>
            {data.committees.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month, mi) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              {data.committees.map((c) => (
                <td key={c.id}>
                  {entries
                    .filter((e) => e.proposal.committeeId === c.id && monthOf(e) === mi + 1)
                    .sort((a, b) => (a.proposal.proposed ?? a.proposal.ruleDay).localeCompare(b.proposal.proposed ?? b.proposal.ruleDay))
                    .map((e) => (
                      <EntryCell key={e.index} entry={e} onEdit={onEdit} />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntryCell({ entry, onEdit }: { entry: Entry; onEdit: (index: number, day: string) => void }) {
  const { t, i18n } = useTranslation('calendar');
  const p = entry.proposal;
  const shortDay = (v: string): string => shortDate(v.slice(0, 10), i18n.language);
  const reason = entry.edited ? null : reasonText(t, p);
  const state = entry.problem ? 'conflict' : entry.warning ? 'warning' : entry.edited ? 'edited' : p.planned ? 'planned' : p.moved ? 'moved' : 'kept';
  const label = t('roll.dateFor', { committee: p.committee, source: shortDay(p.source) });
  return (
    <div className={`entry entry-${state}`} data-state={state}>
      <div className="entry-line">
        <DateField className="entry-date" label={label} labelHidden validateAsTyped value={entry.day} {...(p.proposed ? { min: `${p.proposed.slice(0, 4)}-01-01` } : {})} onChange={(day) => day && onEdit(entry.index, day)} />
        <span className="entry-time">{timeText(p.source.slice(11, 16), i18n.language)}</span>
      </div>
      {reason && <p className="entry-reason">{reason}</p>}
      {entry.edited && <p className="entry-reason">{t('roll.edited', { date: p.proposed ? shortDay(p.proposed) : '—' })}</p>}
      {p.planned && !entry.edited && <p className="entry-reason">{t('roll.planned')}</p>}
      {entry.problem && (
        <p className="entry-problem" role="note">
          {entry.problem}
        </p>
      )}
      {entry.warning && <p className="entry-problem">{t('problem.blocked', { why: entry.warning })}</p>}
    </div>
  );
}
