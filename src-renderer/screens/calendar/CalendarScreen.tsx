// Placeholder until the calendar issue lands.
import { useTranslation } from 'react-i18next';

export function CalendarScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('nav.calendar')}</h1>
      <p className="empty">{t('soon')}</p>
    </section>
  );
}
