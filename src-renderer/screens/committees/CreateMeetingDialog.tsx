// Create a meeting of a committee: date, time and place (the committee's usual ones filled in).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { Committee, MeetingSummary } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { refreshMeetings } from '../../app/queries';
import { DialogActions } from '../../components/DialogActions';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { DateField, TimeField } from '../../components/DateFields';
import { DayWarning } from './DayWarning';

export function CreateMeetingDialog({ committee, isOpen, onOpenChange, onCreated }: { committee: Committee; isOpen: boolean; onOpenChange: (open: boolean) => void; onCreated: (meeting: MeetingSummary) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [date, setDate] = useState('');
  const [start, setStart] = useState(committee.defaults.start ?? '');
  const [location, setLocation] = useState(committee.defaults.location ?? '');
  const create = useAction({
    mutationFn: () => api.meetings.create({ committeeId: committee.id, start: `${date}T${start}`, location: location || null }),
    onSuccess: async (m) => {
      await refreshMeetings(qc);
      onCreated(m);
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
        <DateField label={t('meeting.date')} value={date} onChange={setDate} isRequired autoFocus />
        <TimeField label={t('meeting.start')} value={start} onChange={setStart} isRequired />
        <DayWarning date={date} time={start} />
        <TextField label={t('meeting.location')} value={location} onChange={setLocation} />
        <DialogActions error={create.error} onCancel={() => onOpenChange(false)} confirm={t('actions.create')} pending={create.isPending} />
      </Form>
    </Dialog>
  );
}
