// A closed item as the public version shows it: its public title, why it was closed, and whether
// its decision is published (by default as the committee's publication profile says). Shown in
// the item editor while the item is closed; every change is saved like the rest of the item.
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { CLOSED_REASONS, DEFAULT_PUBLIC_TITLE, type ClosedReasonKind, type PublicationProfile } from '../../../../src-shared/domain';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import type { Draft } from './draft';

type Field = 'publicTitle' | 'closedReason' | 'decisionPublic';

type Props = {
  itemId: string;
  draft: Draft;
  profile: PublicationProfile;
  /** As the item was read; asked again on showing, since the decision is made in another tab. */
  hasDecision: boolean;
  readOnly: boolean;
  set: <K extends Field>(key: K, value: Draft[K]) => void;
};

const NONE = 'none';
const DEFAULT = 'default';

export function ClosedItemPanel({ itemId, draft, profile, hasDecision: known, readOnly, set }: Props) {
  const { t } = useTranslation('agenda');
  const decided = useQuery({ queryKey: ['closed-item-decision', itemId], queryFn: async () => (await api.agenda.getItem({ itemId })).publication, staleTime: 0 });
  const hasDecision = decided.data?.hasDecision ?? known;
  const reason = draft.closedReason;
  const byProfile = profile === 'council';
  const publication = draft.decisionPublic === null ? DEFAULT : draft.decisionPublic ? 'published' : 'withheld';
  return (
    <section className="item-section closed-panel" aria-labelledby="closed-panel-h">
      <h3 className="section-heading" id="closed-panel-h">
        {t('closed.heading')}
      </h3>
      <p className="muted closed-profile">{t(`closed.profile.${profile}`)}</p>
      <div className="closed-fields">
        <TextField
          label={t('closed.publicTitle')}
          value={draft.publicTitle}
          placeholder={DEFAULT_PUBLIC_TITLE}
          description={t('closed.publicTitleHelp')}
          onChange={(v) => set('publicTitle', v)}
          isReadOnly={readOnly}
        />
        <Select
          label={t('closed.reason')}
          value={reason?.kind ?? NONE}
          isDisabled={readOnly}
          onChange={(v) => set('closedReason', v === NONE ? null : { kind: v as ClosedReasonKind, ...(reason?.text ? { text: reason.text } : {}) })}
          options={[{ id: NONE, label: t('closed.reasons.none') }, ...CLOSED_REASONS.map((k) => ({ id: k, label: t(`closed.reasons.${k}`) }))]}
        />
        <TextField
          label={reason?.kind === 'other' ? t('closed.reasonOther') : t('closed.reasonText')}
          value={reason?.text ?? ''}
          description={t('closed.reasonTextHelp')}
          isDisabled={!reason}
          isReadOnly={readOnly}
          onChange={(v) => reason && set('closedReason', { kind: reason.kind, ...(v ? { text: v } : {}) })}
        />
        <Select
          label={t('closed.decision')}
          value={publication}
          isDisabled={readOnly || !hasDecision}
          onChange={(v) => set('decisionPublic', v === DEFAULT ? null : v === 'published')}
          options={[
            { id: DEFAULT, label: t(byProfile ? 'closed.decisionDefaultYes' : 'closed.decisionDefaultNo') },
            { id: 'published', label: t('closed.decisionPublished') },
            { id: 'withheld', label: t('closed.decisionWithheld') },
          ]}
        />
      </div>
      {!hasDecision && <p className="muted closed-note">{t('closed.noDecisionYet')}</p>}
    </section>
  );
}
