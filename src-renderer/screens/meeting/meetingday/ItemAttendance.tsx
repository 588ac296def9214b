// Attendance at hand for one item: the running list of who is absent (afbud, absent, left,
// not yet arrived, disqualified), guests of the item, and one-step changes from here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemView, MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import { ErrorText } from '../../../components/QueryState';
import { useReadOnly, people, useDayMutation } from './useMeetingDay';
import { seatEntry } from './RollCall';
import { joinNames } from './format';

export function ItemAttendance({ view, item }: { view: MeetingDayView; item: ItemView }) {
  const { t } = useTranslation('meetingday');
  const who = people(view);
  const locked = useReadOnly(view);
  const meetingId = view.meeting.id;
  const seated = view.seats.filter((s) => s.sitting !== null);
  const [chosen, setChosen] = useState('');
  const seat = seated.find((s) => s.sitting === chosen) ?? seated[0];
  const [guest, setGuest] = useState('');

  const attend = useDayMutation(meetingId, (patch: { fromItem?: number | null; untilItem?: number | null }) =>
    api.meetingday.setAttendance({ meetingId, entries: [seatEntry(seat!, patch)] }),
  );
  const mark = useDayMutation(meetingId, (a: { member: string; reason: 'absent' | 'disqualified' | null }) => api.meetingday.setItemAbsence({ itemId: item.id, ...a }), 'setting');
  const guests = useDayMutation(meetingId, (name: string) => {
    const list = view.guests.map((g) => ({ ...g }));
    const known = list.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (known) known.items = known.items ? [...known.items, item.number] : null;
    else list.push({ name, title: null, items: [item.number] });
    return api.meetingday.setGuests({ meetingId, guests: list });
  });

  const note = (k: string): string => {
    const s = view.seats.find((x) => x.sitting === k);
    if (s?.untilItem !== null && s?.untilItem !== undefined && item.number > s.untilItem) return t('presence.left', { name: who.name(k), number: s.untilItem });
    if (s?.fromItem !== null && s?.fromItem !== undefined && item.number < s.fromItem) return t('presence.arrives', { name: who.name(k), number: s.fromItem });
    return who.name(k);
  };
  const and = t('and');
  const busy = attend.isPending || mark.isPending;

  return (
    <aside className="md-presence" aria-labelledby="md-presence-h">
      <h3 id="md-presence-h">{t('presence.title', { number: item.number })}</h3>
      <dl className="md-presence-list">
        <dt>{t('presence.participants', { count: item.participants.length })}</dt>
        <dd>{joinNames(item.participants.map(who.name), and) || '—'}</dd>
        {item.apologies.length > 0 && (
          <>
            <dt>{t('presence.apologies')}</dt>
            <dd>{joinNames(item.apologies.map(who.name), and)}</dd>
          </>
        )}
        <dt>{t('presence.absent')}</dt>
        <dd data-testid="absent-list">{joinNames(item.absent.map(note), and) || t('presence.nobody')}</dd>
        {item.disqualified.length > 0 && (
          <>
            <dt>{t('presence.disqualified')}</dt>
            <dd>{joinNames(item.disqualified.map(who.name), and)}</dd>
          </>
        )}
        {item.guests.length > 0 && (
          <>
            <dt>{t('presence.guests')}</dt>
            <dd>{joinNames(item.guests.map((g) => g.name), and)}</dd>
          </>
        )}
      </dl>
      {item.markedAbsences.length > 0 && (
        <ul className="md-marked">
          {item.markedAbsences.map((a) => (
            <li key={a.member}>
              {t(a.reason === 'absent' ? 'presence.markedAbsent' : 'presence.markedDisqualified', { name: who.name(a.member) })}{' '}
              <Button variant="quiet" isDisabled={locked || busy} aria-label={t('presence.unmarkNamed', { name: who.name(a.member) })} onPress={() => mark.mutate({ member: a.member, reason: null })}>
                {t('presence.unmark')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!locked && seat && (
        <div className="md-at-hand">
          <Select label={t('presence.member')} value={seat.sitting ?? ''} options={seated.map((s) => ({ id: s.sitting!, label: who.name(s.sitting!) }))} onChange={setChosen} />
          <div className="md-at-hand-actions">
            <Button isDisabled={busy} onPress={() => attend.mutate({ untilItem: item.number })}>
              {t('presence.leavesAfter')}
            </Button>
            <Button isDisabled={busy} onPress={() => attend.mutate({ fromItem: item.number })}>
              {t('presence.arrivesAt')}
            </Button>
            <Button isDisabled={busy} onPress={() => mark.mutate({ member: seat.sitting!, reason: 'absent' })}>
              {t('presence.markAbsent')}
            </Button>
            <Button isDisabled={busy} onPress={() => mark.mutate({ member: seat.sitting!, reason: 'disqualified' })}>
              {t('presence.markDisqualified')}
            </Button>
          </div>
          <form
            className="md-guest-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (guest.trim()) guests.mutate(guest.trim(), { onSuccess: () => setGuest('') });
            }}
          >
            <TextField label={t('presence.guest')} value={guest} onChange={setGuest} />
            <Button type="submit" pending={guests.isPending} isDisabled={!guest.trim()}>
              {t('presence.addGuest')}
            </Button>
          </form>
        </div>
      )}
      <ErrorText error={attend.error ?? mark.error ?? guests.error} />
    </aside>
  );
}
