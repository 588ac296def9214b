// Create a meeting of a committee: date, time and place (the committee's usual ones filled in).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { Committee } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { refreshMeetings } from '../../app/queries';
import { DialogActions } from '../../components/DialogActions';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';

export function CreateMeetingDialog({ committee, isOpen, onOpenChange, onCreated }: { committee: Committee; isOpen: boolean; onOpenChange: (open: boolean) => void; onCreated: (start: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [date, setDate] = useState('');
  const [start, setStart] = useState(committee.defaults.start ?? '');
  const [location, setLocation] = useState(committee.defaults.location ?? '');
  const create = useAction({
    mutationFn: () => api.meetings.create({ committeeId: committee.id, start: `${date}T${start}`, location: location || null }),
    onSuccess: async (m) => {
      await refreshMeetings(qc);
      onCreated(m.start);
      onOpenChange(false);
      setDate('');
    },
  });
  return (
    <Dialog title={t('meeting.createTitle')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <TextField label={t('meeting.date')} type="date" value={date} onChange={setDate} isRequired autoFocus />
        <TextField label={t('meeting.start')} type="time" value={start} onChange={setStart} isRequired />
        <TextField label={t('meeting.location')} value={location} onChange={setLocation} />
        <DialogActions error={create.error} onCancel={() => onOpenChange(false)} confirm={t('actions.create')} pending={create.isPending} />
      </Form>
    </Dialog>
  );
}
