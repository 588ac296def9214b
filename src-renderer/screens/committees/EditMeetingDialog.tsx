// Edit a meeting's date, start and end time, and place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { MeetingSummary } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { refreshMeetings } from '../../app/queries';
import { DialogActions } from '../../components/DialogActions';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { DateField, TimeField } from '../../components/DateFields';
import { DayWarning } from './DayWarning';

export function EditMeetingDialog({ meeting, onClose, onSaved }: { meeting: MeetingSummary; onClose: () => void; onSaved: (start: string) => void }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('committees');
  const qc = useQueryClient();
  const [date, setDate] = useState(meeting.start.slice(0, 10));
  const [start, setStart] = useState(meeting.start.slice(11, 16));
  const [end, setEnd] = useState(meeting.end?.slice(11, 16) ?? '');
  const [location, setLocation] = useState(meeting.location ?? '');
  // The version the form was filled from: a change made meanwhile elsewhere refuses this save.
  const [version, setVersion] = useState(meeting.version);
  const save = useAction({
    mutationFn: () => api.meetings.update({ id: meeting.id, start: `${date}T${start}`, end: end ? `${date}T${end}` : null, location: location || null, version }),
    onSuccess: async (m) => {
      await refreshMeetings(qc);
      onSaved(m.start);
      onClose();
    },
    onError: async (e) => {
      if ((e as { code?: string }).code !== 'Conflict') return;
      // Refused as stale: the sentence stays shown, and the form shows the meeting as it now is.
      const now = await api.meetings.get({ id: meeting.id });
      setDate(now.start.slice(0, 10));
      setStart(now.start.slice(11, 16));
      setEnd(now.end?.slice(11, 16) ?? '');
      setLocation(now.location ?? '');
      setVersion(now.version);
      await refreshMeetings(qc);
    },
  });
  return (
    <Dialog title={tc('meetings.editTitle')} isOpen onOpenChange={(o) => !o && onClose()}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {meeting.status !== 'planned' && <p className="notice">{tc('meetings.editPublished')}</p>}
        <DateField label={t('meeting.date')} value={date} onChange={setDate} isRequired autoFocus />
        <div className="form-row">
          <TimeField label={t('meeting.start')} value={start} onChange={setStart} isRequired />
          <TimeField label={t('meeting.end')} value={end} onChange={setEnd} />
        </div>
        {date !== meeting.start.slice(0, 10) && <DayWarning date={date} time={start} />}
        <TextField label={t('meeting.location')} value={location} onChange={setLocation} />
        <DialogActions error={save.error} onCancel={onClose} confirm={t('actions.save')} pending={save.isPending} />
      </Form>
    </Dialog>
  );
}
