// Placeholder until its issue lands.
import { useTranslation } from 'react-i18next';

export function DocumentsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return <p className="empty" data-meeting={meetingId}>{t('soon')}</p>;
}
