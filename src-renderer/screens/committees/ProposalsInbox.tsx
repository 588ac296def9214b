// The committee's inbox of items other committees recommended onward to it: each proposal names the
// meeting whose agenda it waits on, or that it waits for a meeting to be created; an item already
// taken on whose decision its sender changed since links to the agenda where it is answered.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { href } from '../../app/router';
import { dateText, shortDate } from '../../lib/dates';

export function ProposalsInbox({ committeeId }: { committeeId: string }) {
  const { t, i18n } = useTranslation('committees');
  const inbox = useQuery({ queryKey: ['proposals', committeeId], queryFn: () => api.proposals.list({ committeeId }) });
  const list = inbox.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="proposals-inbox" aria-labelledby="proposals-inbox-heading">
      <h2 id="proposals-inbox-heading">{t('proposals.heading', { count: list.length })}</h2>
      <ul>
        {list.map((p) => (
          <li key={p.id}>
            <span className="proposal-title">{p.title}</span>{' '}
            <span className="muted">{t('proposals.from', { committee: p.from.committeeName, date: shortDate(p.from.start.slice(0, 10), i18n.language), number: p.from.number })}</span>{' '}
            {p.change && p.accepted ? (
              <Link href={href({ view: 'meeting', meetingId: p.accepted.meetingId, tab: 'agenda' })} className="proposal-changed">
                {t('proposals.changed', { committee: p.from.committeeName, number: p.accepted.number, date: dateText(p.accepted.start.slice(0, 10), i18n.language) })}
              </Link>
            ) : p.meeting ? (
              <Link href={href({ view: 'meeting', meetingId: p.meeting.id, tab: 'agenda' })}>{t('proposals.toMeeting', { date: dateText(p.meeting.start.slice(0, 10), i18n.language) })}</Link>
            ) : (
              <span>{t('proposals.noMeeting')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
