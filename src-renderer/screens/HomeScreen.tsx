import { useTranslation } from 'react-i18next';
import { useCommittees } from '../app/queries';

export function HomeScreen() {
  const { t } = useTranslation();
  const committees = useCommittees();
  return (
    <section className="screen">
      <h1>{t('home.title')}</h1>
      <p className="lead">{committees.data?.length === 0 ? t('home.noCommittees') : ''} {t('home.intro')}</p>
    </section>
  );
}
