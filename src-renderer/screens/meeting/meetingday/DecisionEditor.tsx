// The decision of one item: outcome, the committee's phrases as one-key choices, and free text.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Label, TextArea, TextField } from 'react-aria-components';
import { OUTCOMES, OUTCOME_LABEL_DA, type Outcome } from '../../../../src-shared/domain';
import { phraseToDecision, type ItemView, type MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Select } from '../../../components/Select';
import { ErrorText } from '../../../components/QueryState';
import { useReadOnly, useDayMutation } from './useMeetingDay';

const NONE = 'none';

type Props = { view: MeetingDayView; item: ItemView; onNavigate: (delta: number) => void; canPrev: boolean; canNext: boolean };

export function DecisionEditor({ view, item, onNavigate, canPrev, canNext }: Props) {
  const { t } = useTranslation('meetingday');
  const locked = useReadOnly(view);
  const [outcome, setOutcome] = useState<Outcome | null>(item.decision?.outcome ?? null);
  const [text, setText] = useState(item.decision?.text ?? '');
  const field = useRef<HTMLTextAreaElement>(null);
  const save = useDayMutation(view.meeting.id, (d: { outcome: Outcome | null; text: string }) => api.meetingday.setDecision({ itemId: item.id, outcome: d.outcome, text: d.text || null }), 'setting');
  const dirty = outcome !== (item.decision?.outcome ?? null) || text !== (item.decision?.text ?? '');

  useEffect(() => field.current?.focus(), [item.id]);

  const commit = useCallback(
    async (o: Outcome | null, tx: string): Promise<void> => {
      if (locked || (o === null && !item.decision)) return;
      await save.mutateAsync({ outcome: o, text: tx }).catch(() => undefined);
    },
    [locked, item.decision, save],
  );

  const applyPhrase = useCallback(
    (phrase: string): void => {
      if (locked) return;
      const d = phraseToDecision(phrase);
      const next = text.trim() ? text : (d.text ?? '');
      setOutcome(d.outcome);
      setText(next);
      void commit(d.outcome, next);
    },
    [locked, text, commit],
  );

  const navigate = useCallback(
    async (delta: number): Promise<void> => {
      if (dirty && outcome !== null) await commit(outcome, text);
      onNavigate(delta);
    },
    [dirty, outcome, text, commit, onNavigate],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
        const phrase = view.phrases[Number(e.code.slice(5)) - 1];
        if (phrase) {
          e.preventDefault();
          applyPhrase(phrase);
        }
      } else if (e.altKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
        e.preventDefault();
        void navigate(e.key === 'PageDown' ? 1 : -1);
      } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && outcome !== null) {
        e.preventDefault();
        void commit(outcome, text);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view.phrases, applyPhrase, navigate, commit, outcome, text]);

  const shown = item.decision ? (item.decision.text ?? OUTCOME_LABEL_DA[item.decision.outcome]) : null;
  return (
    <section className="md-decision" aria-labelledby="md-decision-h">
      <h3 id="md-decision-h">{t('decision.title')}</h3>
      <div className="md-phrases" role="group" aria-label={t('decision.phrases')}>
        {view.phrases.map((p, i) => (
          <Button key={p} variant={outcome !== null && phraseToDecision(p).outcome === outcome ? 'primary' : 'secondary'} isDisabled={locked} aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined} onPress={() => applyPhrase(p)}>
            {p}
            {i < 9 && <kbd className="md-kbd">Alt+{i + 1}</kbd>}
          </Button>
        ))}
      </div>
      <div className="md-decision-row">
        <Select
          label={t('decision.outcome')}
          isDisabled={locked}
          value={outcome ?? NONE}
          options={[{ id: NONE, label: t('decision.noOutcome') }, ...OUTCOMES.map((o) => ({ id: o, label: t(`outcome.${o}`) }))]}
          onChange={(id) => {
            const o = id === NONE ? null : (id as Outcome);
            setOutcome(o);
            void commit(o, text);
          }}
        />
      </div>
      <TextField className="field md-decision-text" value={text} onChange={setText} isReadOnly={locked}>
        <Label>{t('decision.text')}</Label>
        <TextArea ref={field} rows={4} />
      </TextField>
      <div className="md-decision-actions">
        <Button variant="quiet" isDisabled={!canPrev} aria-keyshortcuts="Alt+PageUp" onPress={() => void navigate(-1)}>
          ← {t('mode.previous')} <kbd className="md-kbd">Alt+PgUp</kbd>
        </Button>
        <Button variant="primary" pending={save.isPending} isDisabled={locked || outcome === null || !dirty} aria-keyshortcuts="Control+Enter" onPress={() => void commit(outcome, text)}>
          {t('decision.save')} <kbd className="md-kbd">Ctrl+Enter</kbd>
        </Button>
        <Button variant="quiet" isDisabled={!canNext} aria-keyshortcuts="Alt+PageDown" onPress={() => void navigate(1)}>
          {t('mode.next')} → <kbd className="md-kbd">Alt+PgDn</kbd>
        </Button>
      </div>
      <p className="md-saved" role="status" aria-live="polite">
        {save.isPending ? t('decision.saving') : shown ? t('decision.recorded', { decision: shown }) : t('decision.none')}
      </p>
      <ErrorText error={save.error} />
    </section>
  );
}
