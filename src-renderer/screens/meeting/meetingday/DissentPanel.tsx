// Dissent (protokoltilførsel): a member who took part and voted in the minority may have a brief
// dissent recorded with the decision; the core refuses it otherwise and says why.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countVotes, type ItemView, type MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import { ErrorText } from '../../../components/QueryState';
import { useReadOnly, people, useDayMutation } from './useMeetingDay';

export function DissentPanel({ view, item }: { view: MeetingDayView; item: ItemView }) {
  const { t } = useTranslation('meetingday');
  const who = people(view);
  const locked = useReadOnly(view);
  const votes = item.decision?.votes;
  // Those on the losing side are offered first; anyone who took part can be chosen (and is told why not).
  const c = votes ? countVotes(votes) : null;
  const minority = votes && c ? (c.for > c.against ? votes.against : votes.for).filter((v): v is string => typeof v === 'string' && item.participants.includes(v)) : [];
  const options = [...minority, ...item.participants.filter((k) => !minority.includes(k))];
  const [chosen, setMember] = useState<string>('');
  const member = chosen && options.includes(chosen) ? chosen : (options[0] ?? '');
  const [text, setText] = useState('');
  const add = useDayMutation(view.meeting.id, () => api.meetingday.addDissent({ itemId: item.id, member, text }));
  const remove = useDayMutation(view.meeting.id, (m: string) => api.meetingday.removeDissent({ itemId: item.id, member: m }));
  const dissents = item.decision?.dissents ?? [];
  if (!item.decision || (locked && dissents.length === 0)) return null;
  return (
    <section className="md-dissent" aria-labelledby="md-dissent-h">
      <h3 id="md-dissent-h">{t('dissent.title')}</h3>
      {dissents.length > 0 && (
        <ul className="md-dissents">
          {dissents.map((d) => (
            <li key={d.member}>
              <span>{t('dissent.line', { name: who.name(d.member), text: d.text })}</span>
              <Button variant="quiet" isDisabled={locked} aria-label={t('dissent.removeNamed', { name: who.name(d.member) })} onPress={() => remove.mutate(d.member)}>
                {t('dissent.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <div className="md-dissent-form">
          <Select
            label={t('dissent.member')}
            value={member}
            options={options.map((k) => ({ id: k, label: who.name(k) }))}
            onChange={setMember}
          />
          <TextField label={t('dissent.text')} value={text} onChange={setText} multiline />
          <Button
            pending={add.isPending} isDisabled={!member || !text.trim()}
            onPress={() =>
              add.mutate(undefined, {
                onSuccess: () => setText(''),
              })
            }
          >
            {t('dissent.add')}
          </Button>
        </div>
      )}
      <ErrorText error={add.error ?? remove.error} />
    </section>
  );
}
