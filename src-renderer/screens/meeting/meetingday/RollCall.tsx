// The roll call: for every seat present / afbud / absent, a substitute called in, arrival at and
// departure after an item. Each change is saved at once.
import { useTranslation } from 'react-i18next';
import { Radio, RadioGroup } from 'react-aria-components';
import type { AttendanceEntry, MeetingDayView, SeatView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Select } from '../../../components/Select';
import { ErrorText } from '../../../components/QueryState';
import { useReadOnly, people, useDayMutation } from './useMeetingDay';

const NONE = 'none';

/** The seat's current entry with a change applied: what setAttendance needs for one member. */
export function seatEntry(seat: SeatView, patch: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    member: seat.holder,
    status: seat.status === 'unrecorded' ? 'present' : seat.status,
    substitute: seat.substitute,
    fromItem: seat.fromItem,
    untilItem: seat.untilItem,
    ...patch,
  };
}

export function RollCall({ view }: { view: MeetingDayView }) {
  const { t } = useTranslation('meetingday');
  const meetingId = view.meeting.id;
  const set = useDayMutation(meetingId, (entries: AttendanceEntry[]) => api.meetingday.setAttendance({ meetingId, entries }), 'setting');
  const locked = useReadOnly(view);
  const who = people(view);
  const substitutes = view.members.filter((m) => m.role === 'substitute');
  const itemOptions = (none: string) => [{ id: NONE, label: none }, ...view.items.map((i) => ({ id: String(i.number), label: t('rollcall.itemOption', { number: i.number, title: i.title }) }))];
  const unrecorded = view.seats.filter((s) => s.status === 'unrecorded');

  return (
    <section className="md-section" aria-labelledby="md-rollcall">
      <div className="md-section-head">
        <h2 id="md-rollcall">{t('rollcall.title')}</h2>
        <Button pending={set.isPending} isDisabled={locked || unrecorded.length === 0} onPress={() => set.mutate(unrecorded.map((s) => seatEntry(s, { status: 'present' })))}>
          {t('rollcall.allPresent')}
        </Button>
      </div>
      <ErrorText error={set.error} />
      <ul className="md-seats">
        {view.seats.map((seat) => {
          const name = who.name(seat.holder);
          const party = who.party(seat.holder);
          const present = seat.status === 'present';
          return (
            <li key={seat.holder} className={`md-seat md-seat-${seat.status}`}>
              <div className="md-seat-name">
                <strong>{name}</strong>
                {party && <span className="muted"> ({party})</span>}
                {seat.sitting && seat.sitting !== seat.holder && <div className="md-sub-note">{t('rollcall.substituteNote', { substitute: who.name(seat.sitting), member: name })}</div>}
              </div>
              <RadioGroup
                className="md-radios"
                orientation="horizontal"
                aria-label={t('rollcall.statusOf', { name })}
                value={seat.status === 'unrecorded' ? null : seat.status}
                isDisabled={locked}
                onChange={(v) => {
                  const status = v as AttendanceEntry['status'];
                  set.mutate([seatEntry(seat, status === 'present' ? { status, substitute: null } : { status, fromItem: null, untilItem: null })]);
                }}
              >
                <Radio value="present" className="md-radio">
                  {t('rollcall.present')}
                </Radio>
                <Radio value="apologies" className="md-radio">
                  {t('rollcall.apologies')}
                </Radio>
                <Radio value="absent" className="md-radio">
                  {t('rollcall.absent')}
                </Radio>
              </RadioGroup>
              <Select
                label={t('rollcall.substituteFor', { name })}
                shortLabel={t('rollcall.substitute')}
                isDisabled={locked || present || seat.status === 'unrecorded' || substitutes.length === 0}
                value={seat.substitute ?? NONE}
                options={[{ id: NONE, label: t('rollcall.noSubstitute') }, ...substitutes.map((s) => ({ id: s.key, label: s.name }))]}
                onChange={(id) => set.mutate([seatEntry(seat, { substitute: id === NONE ? null : id, ...(id === NONE ? { fromItem: null, untilItem: null } : {}) })])}
              />
              <Select
                label={t('rollcall.fromItem', { name: who.name(seat.sitting ?? seat.holder) })}
                shortLabel={t('rollcall.from')}
                isDisabled={locked || seat.sitting === null || seat.status === 'unrecorded'}
                value={seat.fromItem !== null ? String(seat.fromItem) : NONE}
                options={itemOptions(t('rollcall.fromStart'))}
                onChange={(id) => set.mutate([seatEntry(seat, { fromItem: id === NONE ? null : Number(id) })])}
              />
              <Select
                label={t('rollcall.untilItem', { name: who.name(seat.sitting ?? seat.holder) })}
                shortLabel={t('rollcall.until')}
                isDisabled={locked || seat.sitting === null || seat.status === 'unrecorded'}
                value={seat.untilItem !== null ? String(seat.untilItem) : NONE}
                options={itemOptions(t('rollcall.toEnd'))}
                onChange={(id) => set.mutate([seatEntry(seat, { untilItem: id === NONE ? null : Number(id) })])}
              />
            </li>
          );
        })}
      </ul>
      <Guests view={view} />
    </section>
  );
}

function Guests({ view }: { view: MeetingDayView }) {
  const { t } = useTranslation('meetingday');
  const meetingId = view.meeting.id;
  const set = useDayMutation(meetingId, (guests: MeetingDayView['guests']) => api.meetingday.setGuests({ meetingId, guests }));
  const locked = useReadOnly(view);
  if (view.guests.length === 0) return null;
  return (
    <div className="md-guests">
      <h3>{t('guests.title')}</h3>
      <ErrorText error={set.error} />
      <ul>
        {view.guests.map((g, i) => (
          <li key={`${g.name}-${i}`}>
            {g.name}
            {g.title ? `, ${g.title}` : ''} — {g.items ? t('guests.items', { items: g.items.join(', ') }) : t('guests.whole')}{' '}
            <Button variant="quiet" isDisabled={locked} aria-label={t('guests.removeNamed', { name: g.name })} onPress={() => set.mutate(view.guests.filter((_, j) => j !== i))}>
              {t('guests.remove')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
