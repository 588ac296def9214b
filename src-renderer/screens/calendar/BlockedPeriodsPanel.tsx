// The organisation's calendar rules: which week is the winter holiday, and its own extra
// periods without meetings (the public holidays, January, Easter week, July, week 42 and the
// election weeks are always blocked).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSetting } from '../../app/useAction';
import type { ExBlockedPeriods } from '../../../src-shared/exchange';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorText, QueryState } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateFields';

type Extra = { from: string; until: string; reason: string };
const KEY = ['calendar', 'blocked'] as const;

export function BlockedPeriodsPanel() {
  const { t } = useTranslation('calendar');
  const qc = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: () => api.calendar.getBlockedPeriods({}) });
  const [winterWeek, setWinterWeek] = useState<7 | 8>(7);
  const [extra, setExtra] = useState<Extra[]>([]);
  useEffect(() => {
    if (!query.data) return;
    setWinterWeek(query.data.winterWeek);
    setExtra(query.data.extra);
  }, [query.data]);
  const save = useSetting({
    mutationFn: (value: ExBlockedPeriods) => api.calendar.setBlockedPeriods(value),
    onSuccess: (v) => qc.setQueryData(KEY, v),
  });
  const update = (i: number, patch: Partial<Extra>): void => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <section className="panel" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">{t('blocked.title')}</h2>
      <p className="muted">{t('blocked.intro')}</p>
      <QueryState query={query}>
        {() => (
          <div className="form">
            <div className="narrow">
              <Select label={t('blocked.winterWeek')} value={String(winterWeek)} onChange={(v) => setWinterWeek(v === '8' ? 8 : 7)} options={[{ id: '7', label: t('blocked.week', { week: 7 }) }, { id: '8', label: t('blocked.week', { week: 8 }) }]} />
            </div>
            <h3 className="subheading">{t('blocked.extra')}</h3>
            {extra.length === 0 && <p className="muted">{t('blocked.noExtra')}</p>}
            {extra.map((x, i) => (
              <fieldset key={i} className="extra-row">
                <legend className="sr-only">{t('blocked.period', { n: i + 1 })}</legend>
                <DateField label={t('blocked.from')} value={x.from} onChange={(v) => update(i, { from: v })} />
                <DateField label={t('blocked.until')} value={x.until} onChange={(v) => update(i, { until: v })} />
                <TextField label={t('blocked.reason')} value={x.reason} onChange={(v) => update(i, { reason: v })} />
                <Button variant="quiet" aria-label={t('blocked.remove', { n: i + 1 })} onPress={() => setExtra((xs) => xs.filter((_, j) => j !== i))}>
                  {t('blocked.removeShort')}
                </Button>
              </fieldset>
            ))}
            <div className="form-actions form-actions-start">
              <Button onPress={() => setExtra((xs) => [...xs, { from: '', until: '', reason: '' }])}>+ {t('blocked.add')}</Button>
              <Button variant="primary" pending={save.isPending} onPress={() => save.mutate({ winterWeek, extra })}>
                {t('blocked.save')}
              </Button>
              {save.isSuccess && <span role="status">{t('blocked.saved')}</span>}
            </div>
            <ErrorText error={save.error} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
