// The vote on one item: by member (for / against / abstained, only those present for the item)
// or by party with a count; the counts are shown as they stand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Radio, RadioGroup, Switch } from 'react-aria-components';
import type { ExVote } from '../../../../src-shared/exchange';
import { countVotes, type ItemView, type MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';
import { ErrorText } from '../../../components/QueryState';
import { useReadOnly, people, useDayMutation } from './useMeetingDay';

type Side = 'for' | 'against' | 'abstained';
const SIDES: Side[] = ['for', 'against', 'abstained'];
type Votes = Record<Side, ExVote[]>;

export function VotesPanel({ view, item }: { view: MeetingDayView; item: ItemView }) {
  const { t } = useTranslation('meetingday');
  const who = people(view);
  const locked = useReadOnly(view);
  const votes = item.decision?.votes;
  const recordedByParty = !!votes && SIDES.some((s) => votes[s].some((v) => typeof v !== 'string'));
  const [byParty, setByParty] = useState(recordedByParty);
  const [choice, setChoice] = useState<Record<string, Side | 'none'>>(() => {
    const out: Record<string, Side | 'none'> = {};
    for (const k of item.participants) out[k] = SIDES.find((s) => votes?.[s].includes(k)) ?? 'none';
    return out;
  });
  const parties = [...new Set(item.participants.map((k) => who.party(k)).filter((p): p is string => !!p))];
  const [partyCounts, setPartyCounts] = useState<Record<string, Record<Side, string>>>(() => {
    const out: Record<string, Record<Side, string>> = {};
    for (const p of parties) {
      const get = (s: Side): string => String(votes?.[s].find((v): v is { party: string; count: number } => typeof v !== 'string' && v.party === p)?.count ?? '');
      out[p] = { for: get('for'), against: get('against'), abstained: get('abstained') };
    }
    return out;
  });
  const save = useDayMutation(view.meeting.id, (v: Votes | null) => api.meetingday.setVotes({ itemId: item.id, votes: v }), 'setting');

  const draft = (): Votes => {
    if (!byParty) {
      const out: Votes = { for: [], against: [], abstained: [] };
      for (const k of item.participants) {
        const c = choice[k];
        if (c && c !== 'none') out[c].push(k);
      }
      return out;
    }
    const out: Votes = { for: [], against: [], abstained: [] };
    for (const p of parties) {
      for (const s of SIDES) {
        const n = Number(partyCounts[p]?.[s] ?? '');
        if (Number.isInteger(n) && n > 0) out[s].push({ party: p, count: n });
      }
    }
    return out;
  };
  const counts = countVotes(draft());
  const disabled = locked || !item.decision || save.isPending;
  if (locked && !votes) return null;

  return (
    <section className="md-votes" aria-labelledby="md-votes-h">
      <h3 id="md-votes-h">{t('votes.title')}</h3>
      {!item.decision && <p className="muted">{t('votes.needDecision')}</p>}
      <Switch className="md-switch" isSelected={byParty} onChange={setByParty} isDisabled={locked}>
        <span className="md-switch-track" aria-hidden="true" />
        {t('votes.byParty')}
      </Switch>
      {!byParty ? (
        <ul className="md-voters">
          {item.participants.map((k) => (
            <li key={k}>
              <span className="md-voter">
                {who.name(k)}
                {who.party(k) ? ` (${who.party(k)})` : ''}
              </span>
              <RadioGroup
                className="md-radios"
                orientation="horizontal"
                aria-label={t('votes.voteOf', { name: who.name(k) })}
                value={choice[k] ?? 'none'}
                isDisabled={disabled}
                onChange={(v) => setChoice((c) => ({ ...c, [k]: v as Side | 'none' }))}
              >
                <Radio value="none" className="md-radio">
                  {t('votes.none')}
                </Radio>
                {SIDES.map((s) => (
                  <Radio key={s} value={s} className="md-radio">
                    {t(`votes.${s}`)}
                  </Radio>
                ))}
              </RadioGroup>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="md-voters">
          {parties.map((p) => (
            <li key={p} className="md-party">
              <span className="md-voter">{t('votes.party', { party: p, n: item.participants.filter((k) => who.party(k) === p).length })}</span>
              {SIDES.map((s) => (
                <TextField
                  key={s}
                  label={t('votes.partyCount', { side: t(`votes.${s}`), party: p })}
                  type="number"
                  inputMode="numeric"
                  value={partyCounts[p]?.[s] ?? ''}
                  isDisabled={disabled}
                  onChange={(v) => setPartyCounts((c) => ({ ...c, [p]: { ...(c[p] ?? { for: '', against: '', abstained: '' }), [s]: v } }))}
                />
              ))}
            </li>
          ))}
        </ul>
      )}
      <p className="md-counts" role="status" aria-live="polite">
        {t('votes.counts', counts)}
      </p>
      <div className="md-row">
        <Button variant="primary" isDisabled={disabled} onPress={() => save.mutate(draft())}>
          {t('votes.save')}
        </Button>
        {votes && (
          <Button variant="quiet" isDisabled={disabled} onPress={() => save.mutate(null)}>
            {t('votes.clear')}
          </Button>
        )}
      </div>
      <ErrorText error={save.error} />
    </section>
  );
}
