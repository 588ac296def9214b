// Said, never refused, while a meeting's date is chosen: a day already past, a public holiday
// (24 December too) or a period the organisation keeps free of meetings. The meeting can still
// be created; she just does not do it by accident.
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { blockText } from '../calendar/reasons';
import { dateText } from '../../lib/dates';

/** Now as a local "2026-06-02T14:30", to compare with a meeting's start. */
const nowLocal = (): string => {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function DayWarning({ date, time }: { date: string; time: string }) {
  const { t, i18n } = useTranslation('committees');
  const { t: tcal } = useTranslation('calendar');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const check = useQuery({ queryKey: ['calendar', 'checkDay', date], queryFn: () => api.calendar.checkDay({ day: date }), enabled: valid, staleTime: 60_000 });
  if (!valid) return null;
  const past = `${date}T${time || '23:59'}` < nowLocal();
  const blocked = check.data?.blocked;
  if (!past && !blocked) return null;
  return (
    <div className="notice day-warning" role="status">
      {past && <p>{t('dayWarning.past', { date: dateText(date, i18n.language) })}</p>}
      {blocked && <p>{t('dayWarning.blocked', { why: blockText(tcal, blocked) })}</p>}
    </div>
  );
}
