// One committee: its meetings of a year, newest plans first, and a new meeting.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys, useCommittee } from '../../app/queries';
import { href } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { formatLong } from '../../../src-shared/dates';
import { CreateMeetingDialog } from './CreateMeetingDialog';

export function CommitteeScreen({ committeeId }: { committeeId: string }) {
  const { t, i18n } = useTranslation();
  const committee = useCommittee(committeeId);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const meetings = useQuery({ queryKey: keys.meetings(committeeId, year), queryFn: () => api.meetings.list({ committeeId, year }) });
  const [creating, setCreating] = useState(false);
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <QueryState query={committee}>
      {(c) => (
        <section className="screen">
          <header className="screen-header">
            <div>
              <h1>{c.name}</h1>
              <p className="muted">
                {c.shortName ? `${c.shortName} · ` : ''}
                {c.numbering === 'per-year' ? t('committee.numberingPerYear') : t('committee.numberingPerMeeting')}
              </p>
            </div>
            <Button variant="primary" onPress={() => setCreating(true)}>
              + {t('meeting.new')}
            </Button>
          </header>
          <div className="toolbar">
            <h2 id="meetings-heading">{t('committee.meetingsIn', { year })}</h2>
            <Select label={t('committee.year')} value={String(year)} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ id: String(y), label: String(y) }))} />
          </div>
          <QueryState query={meetings}>
            {(list) =>
              list.length === 0 ? (
                <p className="empty">{t('committee.noMeetings', { year })}</p>
              ) : (
                <ul className="meeting-list" aria-labelledby="meetings-heading">
                  {list.map((m) => (
                    <li key={m.id} className={`meeting-row status-${m.status}`}>
                      <Link href={href({ view: 'meeting', meetingId: m.id, tab: 'agenda' })} className="meeting-link">
                        <span className="meeting-date">{formatLong(m.start, i18n.language)}</span>
                        <span className="meeting-place">{m.location ?? ''}</span>
                      </Link>
                      <span className="meeting-items">{t('meeting.items', { count: m.itemCount })}</span>
                      <span className={`badge badge-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
          <CreateMeetingDialog committee={c} isOpen={creating} onOpenChange={setCreating} onCreated={(start) => setYear(Number(start.slice(0, 4)))} />
        </section>
      )}
    </QueryState>
  );
}
