// The meeting's step (planned -> agenda published -> held, and back) and the save indicator.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../../app/useAction';
import type { MeetingStatus } from '../../../../src-shared/domain';
import type { Agenda } from '../../../../src-shared/api/agenda';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { DialogActions } from '../../../components/DialogActions';
import { Dialog } from '../../../components/Dialog';
import { ItemSaver, useSaveState } from './autosave';
import { refreshMeetings } from './queries';
import { useHeld } from '../held';

export function SaveIndicator() {
  const { t } = useTranslation('agenda');
  const s = useSaveState();
  const text = s.status === 'saved' ? t('save.saved') : s.status === 'pending' || s.status === 'saving' ? t('save.saving') : s.status === 'error' ? t('save.error', { message: s.message }) : '';
  return (
    <span className={`save-state save-${s.status}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

const NEXT: Partial<Record<MeetingStatus, { to: MeetingStatus; key: string; forward?: boolean }[]>> = {
  planned: [{ to: 'agenda-published', key: 'publish', forward: true }],
  'agenda-published': [
    { to: 'held', key: 'markHeld', forward: true },
    { to: 'planned', key: 'unpublish' },
  ],
  held: [{ to: 'agenda-published', key: 'unhold' }],
  cancelled: [{ to: 'planned', key: 'reopen' }],
};

export function StatusControl({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation('agenda');
  const qc = useQueryClient();
  const [asking, setAsking] = useState<{ to: MeetingStatus; key: string } | null>(null);
  const step = useAction({
    mutationFn: async (to: MeetingStatus) => {
      await ItemSaver.flushAll();
      return api.meetings.setStatus({ id: agenda.meeting.id, status: to });
    },
    onSuccess: async () => {
      setAsking(null);
      await refreshMeetings(qc);
    },
  });
  // Held offline by someone: its status moves with the copy, and is handed in with it.
  const held = useHeld();
  if (agenda.meeting.locked || held) return null;
  const steps = NEXT[agenda.meeting.status] ?? [];
  return (
    <div className="status-control">
      {steps.map((s) => (
        <Button key={s.key} variant={s.forward ? 'secondary' : 'quiet'} onPress={() => setAsking(s)}>
          {t(`status.action.${s.key}`)}
        </Button>
      ))}
      <Dialog title={asking ? t(`status.action.${asking.key}`) : ''} isOpen={asking !== null} onOpenChange={(o) => !o && setAsking(null)}>
        <div className="form">
          <p>{asking ? t(`status.explain.${asking.key}`) : ''}</p>
          <DialogActions error={step.error} onCancel={() => setAsking(null)} confirm={asking ? t(`status.action.${asking.key}`) : ''} onConfirm={() => asking && step.mutate(asking.to)} pending={step.isPending} />
        </div>
      </Dialog>
    </div>
  );
}
