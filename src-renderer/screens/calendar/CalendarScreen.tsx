// The meeting calendar (issue 6): import last year's calendar, roll it forward to next year,
// export it, and the organisation's blocked periods.
import { useTranslation } from 'react-i18next';
import { BlockedPeriodsPanel } from './BlockedPeriodsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RollForwardPanel } from './RollForwardPanel';
import './calendar.css';

export function CalendarScreen() {
  const { t } = useTranslation('calendar');
  const thisYear = new Date().getFullYear();
  return (
    <section className="screen screen-wide calendar-screen">
      <header>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      <ImportPanel />
      <RollForwardPanel initialYear={thisYear} />
      <ExportPanel initialYear={thisYear + 1} />
      <BlockedPeriodsPanel />
    </section>
  );
}
