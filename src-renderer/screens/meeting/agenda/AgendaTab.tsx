// Placeholder until its issue lands.
import { useTranslation } from 'react-i18next';

export function AgendaTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return <p className="empty" data-meeting={meetingId}>{t('soon')}</p>;
}
