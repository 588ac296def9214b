// A committee's meetings of one year: open, edit (date, time, place) or cancel each.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { Committee, MeetingSummary } from '../../../src-shared/domain';
import { dateHeading, dateText } from '../../lib/dates';
import { api } from '../../api/client';
import { keys, refreshMeetings } from '../../app/queries';
import { href } from '../../app/router';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorText, QueryState } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { EditMeetingDialog } from './EditMeetingDialog';

function CancelMeetingDialog({ meeting, onClose }: { meeting: MeetingSummary; onClose: () => void }) {
  const { t, i18n } = useTranslation('committees');
  const qc = useQueryClient();
  const cancel = useAction({
    mutationFn: () => api.meetings.cancel({ id: meeting.id }),
    onSuccess: async () => {
      await refreshMeetings(qc);
      onClose();
    },
  });
  return (
    <Dialog title={t('cancel.title')} isOpen onOpenChange={(o) => !o && onClose()}>
      <div className="form">
        <p>{t('cancel.question', { date: dateText(meeting.start, i18n.language) })}</p>
        {meeting.itemCount > 0 && (
          <p className="notice" role="alert">
            {t('cancel.hasItems', { count: meeting.itemCount })}
          </p>
        )}
        <ErrorText error={cancel.error} />
        <div className="form-actions">
          <Button variant="quiet" onPress={onClose}>
            {t('actions.back')}
          </Button>
          {meeting.itemCount > 0 ? (
            <Link className="btn btn-primary" href={href({ view: 'meeting', meetingId: meeting.id, tab: 'agenda' })}>
              {t('cancel.openAgenda')}
            </Link>
          ) : (
            <Button variant="danger" pending={cancel.isPending} onPress={() => cancel.mutate()}>
              {t('cancel.confirm')}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

export function MeetingsPanel({ committee, year, onYear, created, onNew }: { committee: Committee; year: number; onYear: (y: number) => void; created: MeetingSummary | null; onNew: () => void }) {
  const { t, i18n } = useTranslation();
  const { t: tc } = useTranslation('committees');
  const { t: ta } = useTranslation('agenda');
  const meetings = useQuery({ queryKey: keys.meetings(committee.id, year), queryFn: () => api.meetings.list({ committeeId: committee.id, year }) });
  const [editing, setEditing] = useState<MeetingSummary | null>(null);
  const [cancelling, setCancelling] = useState<MeetingSummary | null>(null);
  const thisYear = new Date().getFullYear();
  const years = [...new Set([thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2, year])].sort();

  return (
    <div className="panel">
      <div className="toolbar">
        <h2 id="meetings-heading">{t('committee.meetingsIn', { year })}</h2>
        <Select label={t('committee.year')} value={String(year)} onChange={(v) => onYear(Number(v))} options={years.map((y) => ({ id: String(y), label: String(y) }))} />
      </div>
      {created && (
        <p className="success" role="status">
          {tc('meetings.created', { date: dateText(created.start, i18n.language), count: created.itemCount })}{' '}
          <Link href={href({ view: 'meeting', meetingId: created.id, tab: 'agenda' })}>{tc('meetings.openCreated')}</Link>
        </p>
      )}
      <QueryState query={meetings}>
        {(list) =>
          list.length === 0 ? (
            <div className="empty empty-action">
              <p>{tc('meetings.none', { year })}</p>
              <Button variant="primary" onPress={onNew}>
                + {tc('meetings.createFirst', { year })}
              </Button>
            </div>
          ) : (
            <ul className="meeting-list" aria-labelledby="meetings-heading">
              {list.map((m) => (
                <li key={m.id} className={`meeting-row meeting-row-actions status-${m.status}${created?.id === m.id ? ' meeting-row-new' : ''}`}>
                  <Link href={href({ view: 'meeting', meetingId: m.id, tab: 'agenda' })} className="meeting-link">
                    <span className="meeting-date">{dateHeading(m.start, i18n.language)}</span>
                    <span className="meeting-place">{m.location ?? ''}</span>
                  </Link>
                  <span className="meeting-items">{t('meeting.items', { count: m.itemCount })}</span>
                  <span className={`badge badge-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
                  <span className="row-actions">
                    {!m.locked && (
                      <Button variant="quiet" aria-label={tc('meetings.editLabel', { date: dateText(m.start, i18n.language) })} isDisabled={m.heldOffline} aria-describedby={m.heldOffline ? `meeting-held-${m.id}` : undefined} onPress={() => setEditing(m)}>
                        {tc('meetings.edit')}
                      </Button>
                    )}
                    {!m.locked && (m.status === 'planned' || m.status === 'agenda-published') && (
                      <Button variant="quiet" aria-label={tc('meetings.cancelLabel', { date: dateText(m.start, i18n.language) })} isDisabled={m.heldOffline} aria-describedby={m.heldOffline ? `meeting-held-${m.id}` : undefined} onPress={() => setCancelling(m)}>
                        {tc('meetings.cancel')}
                      </Button>
                    )}
                  </span>
                  {/* Held offline by someone: read-only here until handed in, as its agenda says (the server would refuse the save). */}
                  {m.heldOffline && (
                    <span className="muted meeting-held-why" id={`meeting-held-${m.id}`}>
                      {ta('toolbar.whyHeld')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {editing && <EditMeetingDialog meeting={editing} onClose={() => setEditing(null)} onSaved={(start) => onYear(Number(start.slice(0, 4)))} />}
      {cancelling && <CancelMeetingDialog meeting={cancelling} onClose={() => setCancelling(null)} />}
    </div>
  );
}
