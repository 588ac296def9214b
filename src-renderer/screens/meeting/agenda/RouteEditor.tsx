// The procedure: the bodies that treat the case, in order, each with its meeting date
// ("Organisations- og Beredskabsudvalget 2. juni 2026, Kommunalbestyrelsen 23. juni 2026").
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteStep } from '../../../../src-shared/api/agenda';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { DateField } from '../../../components/DateFields';

/** Memoised: typing in the item's text (a new draft, the same route) does not re-render its date pickers. */
export const RouteEditor = memo(function RouteEditor({ route, readOnly, onChange, meetingStart, committeeName }: { route: RouteStep[]; readOnly: boolean; onChange: (route: RouteStep[]) => void; meetingStart: string; committeeName: string }) {
  const { t } = useTranslation('agenda');
  const put = (i: number, step: Partial<RouteStep>): void => onChange(route.map((r, j) => (j === i ? { ...r, ...step } : r)));
  const hasThisMeeting = route.some((r) => r.body === committeeName && r.date === meetingStart.slice(0, 10));
  return (
    <div className="route" role="group" aria-label={t('route.label')}>
      {route.length === 0 && <p className="muted">{t('route.empty')}</p>}
      <ol className="route-steps">
        {route.map((step, i) => (
          <li key={i} className="route-step">
            <TextField label={t('route.body', { n: i + 1 })} value={step.body} onChange={(body) => put(i, { body })} isReadOnly={readOnly} />
            <DateField label={t('route.date', { n: i + 1 })} value={step.date ?? ''} onChange={(date) => put(i, { date: date || null })} isReadOnly={readOnly} />
            {!readOnly && (
              <Button variant="quiet" aria-label={t('route.remove', { n: i + 1, body: step.body })} onPress={() => onChange(route.filter((_, j) => j !== i))}>
                ✕
              </Button>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div className="route-actions">
          <Button variant="quiet" onPress={() => onChange([...route, { body: '', date: null }])}>
            + {t('route.add')}
          </Button>
          {!hasThisMeeting && (
            <Button variant="quiet" onPress={() => onChange([{ body: committeeName, date: meetingStart.slice(0, 10) }, ...route])}>
              + {t('route.addThis')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
});
