// The committee's numbering rule: items numbered afresh at each meeting, or on through the year.
import { useTranslation } from 'react-i18next';
import type { NumberingRule } from '../../../src-shared/domain';
import { Select } from '../../components/Select';

export function NumberingSelect({ value, onChange }: { value: NumberingRule; onChange: (rule: NumberingRule) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('committee.numbering')}
      value={value}
      onChange={(v) => onChange(v === 'per-year' ? 'per-year' : 'per-meeting')}
      options={[
        { id: 'per-meeting', label: t('committee.numberingPerMeeting') },
        { id: 'per-year', label: t('committee.numberingPerYear') },
      ]}
    />
  );
}
