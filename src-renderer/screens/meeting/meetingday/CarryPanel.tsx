// Carry an item on: "Udsat" to the committee's next meeting; "Anbefales" goes to the next body on
// its route as a proposal, which that committee's secretary accepts or rejects: the panel says which.
import { useTranslation } from 'react-i18next';
import { dateText } from '../../../lib/dates';
import type { ItemView, MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorText } from '../../../components/QueryState';
import { useDayMutation, useReadOnly } from './useMeetingDay';

export function CarryPanel({ view, item }: { view: MeetingDayView; item: ItemView }) {
  const { t, i18n } = useTranslation('meetingday');
  const carry = useDayMutation(view.meeting.id, () => api.meetingday.carryForward({ itemId: item.id }));
  const propose = useDayMutation(view.meeting.id, () => api.proposals.propose({ itemId: item.id }));
  const readOnly = useReadOnly(view);
  const outcome = item.decision?.outcome;
  const day = (iso: string) => dateText(iso.slice(0, 10), i18n.language);
  if (outcome === 'recommended') {
    const p = item.proposal;
    if (p?.status === 'accepted' && p.accepted) {
      return <p className="md-carried" role="status">{t('proposal.accepted', { committee: p.to.committeeName, date: day(p.accepted.start), number: p.accepted.number })}</p>;
    }
    if (p?.status === 'accepted') {
      return <p className="md-carried" role="status">{t('proposal.acceptedRemoved', { committee: p.to.committeeName })}</p>;
    }
    if (p?.status === 'rejected') {
      return <p className="md-proposal-rejected" role="status">{t('proposal.rejected', { committee: p.to.committeeName, reason: p.reason ?? '' })}</p>;
    }
    if (p?.status === 'pending') {
      return (
        <p className="md-carried" role="status">
          {p.meeting ? t('proposal.pending', { committee: p.to.committeeName, date: day(p.meeting.start) }) : t('proposal.pendingInbox', { committee: p.to.committeeName })}
        </p>
      );
    }
    return (
      <div className="md-carry">
        <Button onPress={() => propose.mutate(undefined)} pending={propose.isPending} isDisabled={readOnly || !item.nextBody}>
          {item.nextBody ? t('proposal.propose', { body: item.nextBody }) : t('carry.noRoute')}
        </Button>
        <ErrorText error={propose.error} />
      </div>
    );
  }
  if (item.carriedTo) {
    return (
      <p className="md-carried" role="status">
        {t('carry.done', { committee: item.carriedTo.committeeName, date: day(item.carriedTo.start), number: item.carriedTo.number })}
      </p>
    );
  }
  if (outcome !== 'postponed') return null;
  return (
    <div className="md-carry">
      <Button onPress={() => carry.mutate(undefined)} pending={carry.isPending} isDisabled={readOnly}>{t('carry.postponed')}</Button>
      <ErrorText error={carry.error} />
    </div>
  );
}
