// Carry an item on: "Udsat" to the committee's next meeting, "Anbefales" to the next body on its
// route; once carried, where it went.
import { useTranslation } from 'react-i18next';
import { dateText } from '../../../lib/dates';
import type { ItemView, MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorText } from '../../../components/QueryState';
import { useDayMutation } from './useMeetingDay';

export function CarryPanel({ view, item }: { view: MeetingDayView; item: ItemView }) {
  const { t, i18n } = useTranslation('meetingday');
  const carry = useDayMutation(view.meeting.id, () => api.meetingday.carryForward({ itemId: item.id }));
  const outcome = item.decision?.outcome;
  if (item.carriedTo) {
    return (
      <p className="md-carried" role="status">
        {t('carry.done', { committee: item.carriedTo.committeeName, date: dateText(item.carriedTo.start.slice(0, 10), i18n.language), number: item.carriedTo.number })}
      </p>
    );
  }
  if (outcome !== 'postponed' && outcome !== 'recommended') return null;
  return (
    <div className="md-carry">
      <Button onPress={() => carry.mutate(undefined)} pending={carry.isPending} isDisabled={(outcome === 'recommended' && !item.nextBody)}>
        {outcome === 'postponed' ? t('carry.postponed') : item.nextBody ? t('carry.recommended', { body: item.nextBody }) : t('carry.noRoute')}
      </Button>
      <ErrorText error={carry.error} />
    </div>
  );
}
