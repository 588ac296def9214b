// What the public version keeps of the committee's closed items: a stub (committee), or title,
// reason and decision with its vote count (city council). Chosen when the committee is created.
import { useTranslation } from 'react-i18next';
import { Text } from 'react-aria-components';
import type { PublicationProfile } from '../../../src-shared/domain';
import { Select } from '../../components/Select';

export function PublicationProfileSelect({ value, onChange }: { value: PublicationProfile; onChange: (profile: PublicationProfile) => void }) {
  const { t } = useTranslation('committees');
  return (
    <div className="field-with-hint">
      <Select
        label={t('general.publicationProfile')}
        value={value}
        onChange={(v) => onChange(v === 'council' ? 'council' : 'committee')}
        options={[
          { id: 'committee', label: t('general.profiles.committee') },
          { id: 'council', label: t('general.profiles.council') },
        ]}
      />
      <Text className="muted field-hint">{t('general.publicationProfileHint')}</Text>
    </div>
  );
}
