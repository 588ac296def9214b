// What can happen to a whole item: move it to another meeting, or delete it (after asking).
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../../app/useAction';
import type { AgendaItemDetail } from '../../../../src-shared/api/agenda';
import type { MeetingHeader } from '../../../../src-shared/domain';
import { dateHeading } from '../../../lib/dates';
import { api } from '../../../api/client';
import { keys } from '../../../app/queries';
import { Button } from '../../../components/Button';
import { DialogActions } from '../../../components/DialogActions';
import { Dialog } from '../../../components/Dialog';
import { QueryState } from '../../../components/QueryState';
import { Select } from '../../../components/Select';
import { ItemSaver } from './autosave';
import { refreshMeetings } from './queries';

/** Meetings of the committee that can take an item: not this one, not cancelled, not locked. */
export function useOtherMeetings(meeting: MeetingHeader) {
  return useQuery({
    queryKey: keys.meetings(meeting.committeeId),
    queryFn: () => api.meetings.list({ committeeId: meeting.committeeId }),
    select: (list) => list.filter((m) => m.id !== meeting.id),
  });
}

/** Memoised: typing in the item's text does not re-render it (its props change only with the item). */
export const ItemActions = memo(function ItemActions({ item, meeting, title }: { item: AgendaItemDetail; meeting: MeetingHeader; title: string }) {
  const { t, i18n } = useTranslation('agenda');
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<'move' | 'delete' | null>(null);
  const [target, setTarget] = useState('');
  const meetings = useOtherMeetings(meeting);
  const move = useAction({
    mutationFn: async () => {
      await ItemSaver.flushAll();
      return api.agenda.moveItem({ itemId: item.id, meetingId: target });
    },
    onSuccess: async () => {
      setDialog(null);
      await refreshMeetings(qc);
    },
  });
  const remove = useAction({
    mutationFn: async () => {
      await ItemSaver.flushAll();
      return api.agenda.removeItem({ itemId: item.id });
    },
    onSuccess: async () => {
      setDialog(null);
      await refreshMeetings(qc);
    },
  });
  return (
    <div className="item-actions">
      <Button variant="quiet" onPress={() => setDialog('move')}>
        {t('actions.move')}
      </Button>
      <Button variant="danger" onPress={() => setDialog('delete')}>
        {t('actions.delete')}
      </Button>
      <Dialog title={t('move.title', { title })} isOpen={dialog === 'move'} onOpenChange={(o) => setDialog(o ? 'move' : null)}>
        <div className="form">
          <p className="muted">{t('move.explain')}</p>
          <QueryState query={meetings}>
            {(list) => {
              const open = list.filter((m) => m.status !== 'cancelled' && !m.locked);
              return open.length === 0 ? (
                <p className="empty">{t('move.none')}</p>
              ) : (
                <Select label={t('move.target')} value={target} onChange={setTarget} options={open.map((m) => ({ id: m.id, label: `${dateHeading(m.start, i18n.language)}${m.status !== 'planned' ? ` (${t(`status.${m.status}`)})` : ''}` }))} />
              );
            }}
          </QueryState>
          <DialogActions error={move.error} onCancel={() => setDialog(null)} confirm={t('move.confirm')} onConfirm={() => move.mutate()} pending={move.isPending} isDisabled={!target} />
        </div>
      </Dialog>
      <Dialog title={t('delete.title')} isOpen={dialog === 'delete'} onOpenChange={(o) => setDialog(o ? 'delete' : null)}>
        <div className="form">
          <p>{t('delete.question', { title })}</p>
          {item.attachments.length > 0 && <p className="muted">{t('delete.attachments', { count: item.attachments.length })}</p>}
          <DialogActions error={remove.error} onCancel={() => setDialog(null)} confirm={t('delete.confirm')} onConfirm={() => remove.mutate()} pending={remove.isPending} variant="danger" />
        </div>
      </Dialog>
    </div>
  );
});
