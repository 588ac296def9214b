// What "Opret N møder" is about to create, said before anything is written: how many meetings in
// which committee and between which dates, and which proposed meetings exist already.
import { useTranslation } from 'react-i18next';
import type { RollForwardProposal } from '../../../src-shared/api/calendar';
import { DialogActions } from '../../components/DialogActions';
import { shortDate } from '../../lib/dates';
import type { Entry } from './YearView';

type Props = { data: RollForwardProposal; entries: Entry[]; pending: boolean; error: Error | null; onCancel: () => void; onConfirm: () => void };

type Row = { committeeId: string; name: string; days: string[] };

export function RollConfirmation({ data, entries, pending, error, onCancel, onConfirm }: Props) {
  const { t, i18n } = useTranslation('calendar');
  // A proposal already in the calendar (applied before) is left as it is; the count says so.
  const existing = entries.filter((e) => e.proposal.planned && !e.edited);
  const fresh = entries.filter((e) => !existing.includes(e));
  const rows = new Map<string, Row>();
  for (const e of fresh) {
    const name = data.committees.find((c) => c.id === e.proposal.committeeId)?.name ?? e.proposal.committee;
    const row = rows.get(e.proposal.committeeId) ?? { committeeId: e.proposal.committeeId, name, days: [] };
    row.days.push(e.day);
    rows.set(e.proposal.committeeId, row);
  }
  const table = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const edited = fresh.filter((e) => e.edited).length;
  return (
    <div className="form">
      <p>{t('roll.confirm', { count: fresh.length, committees: table.length, year: data.toYear })}</p>
      {table.length > 0 && (
        <table className="data-table" aria-label={t('roll.confirmTable')}>
          <thead>
            <tr>
              <th scope="col">{t('roll.confirmCommittee')}</th>
              <th scope="col" className="num">
                {t('roll.confirmCount')}
              </th>
              <th scope="col">{t('roll.confirmFirst')}</th>
              <th scope="col">{t('roll.confirmLast')}</th>
            </tr>
          </thead>
          <tbody>
            {table.map((row) => {
              const days = [...row.days].sort();
              return (
                <tr key={row.committeeId}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{days.length}</td>
                  <td>{shortDate(days[0]!, i18n.language)}</td>
                  <td>{shortDate(days.at(-1)!, i18n.language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {edited > 0 && <p>{t('roll.confirmEdited', { count: edited })}</p>}
      {existing.length > 0 && <p>{t('roll.confirmExisting', { count: existing.length })}</p>}
      <p className="muted">{t('roll.confirmUndo')}</p>
      <DialogActions error={error} onCancel={onCancel} confirm={t('roll.apply', { count: fresh.length, year: data.toYear })} onConfirm={onConfirm} isDisabled={fresh.length === 0} pending={pending} />
    </div>
  );
}
