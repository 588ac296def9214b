// Next year's calendar: propose it from this year's, let the secretary change any date, and
// create all the meetings at once, after a confirmation that says what will be created.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { RollForwardProposal } from '../../../src-shared/api/calendar';
import { api } from '../../api/client';
import { refreshMeetings, useCommittees } from '../../app/queries';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { RollConfirmation } from './RollConfirmation';
import { entriesOf, YearView } from './YearView';

const ALL = 'all';

export function RollForwardPanel({ initialYear }: { initialYear: number }) {
  const { t } = useTranslation('calendar');
  const qc = useQueryClient();
  const committees = useCommittees();
  const [fromYear, setFromYear] = useState(initialYear);
  const [committee, setCommittee] = useState(ALL);
  const [edits, setEdits] = useState<Record<number, string>>({});
  // Many meetings land in every committee's calendar at once: she sees what, and says yes, first.
  const [confirming, setConfirming] = useState(false);
  const propose = useAction({
    mutationFn: () => api.calendar.proposeRollForward({ fromYear, toYear: fromYear + 1, ...(committee === ALL ? {} : { committeeId: committee }) }),
    onSuccess: () => setEdits({}),
  });
  const data: RollForwardProposal | undefined = propose.data;
  const entries = data ? entriesOf(t, data, edits) : [];
  const dated = entries.filter((e) => e.day);
  const apply = useAction({
    mutationFn: () =>
      api.calendar.applyRollForward({
        toYear: data!.toYear,
        meetings: entries
          .filter((e) => e.day)
          .map((e) => ({
            committeeId: e.proposal.committeeId,
            start: `${e.day}${e.proposal.source.slice(10)}`,
            end: e.proposal.sourceEnd ? `${e.day}${e.proposal.sourceEnd.slice(10)}` : null,
            location: e.proposal.location,
          })),
      }),
    onSuccess: async () => {
      setConfirming(false);
      await refreshMeetings(qc);
    },
  });
  const blocking = entries.filter((e) => e.problem && e.day).length;
  const undated = entries.filter((e) => !e.day).length;
  const moved = entries.filter((e) => e.proposal.moved && e.proposal.proposed).length;
  const years = [initialYear - 2, initialYear - 1, initialYear, initialYear + 1];

  return (
    <section className="panel" aria-labelledby="roll-heading">
      <h2 id="roll-heading">{t('roll.title')}</h2>
      <p className="muted">{t('roll.intro')}</p>
      <div className="toolbar toolbar-start">
        <Select label={t('roll.fromYear')} value={String(fromYear)} onChange={(v) => setFromYear(Number(v))} options={years.map((y) => ({ id: String(y), label: String(y) }))} />
        <Select label={t('roll.committee')} value={committee} onChange={setCommittee} options={[{ id: ALL, label: t('roll.allCommittees') }, ...(committees.data ?? []).map((c) => ({ id: c.id, label: c.name }))]} />
        <Button
          variant="primary"
          onPress={() => {
            apply.reset();
            propose.mutate();
          }}
        >
          {t('roll.propose', { year: fromYear + 1 })}
        </Button>
      </div>
      <ErrorText error={propose.error} />
      {data && data.proposals.length === 0 && <p className="empty">{t('roll.nothing', { year: data.fromYear })}</p>}
      {data && data.proposals.length > 0 && (
        <>
          <p role="status">{t('roll.summary', { count: data.proposals.length, moved, conflicts: entries.filter((e) => e.problem).length })}</p>
          <ul className="legend" aria-label={t('roll.legend')}>
            <li className="entry-moved">{t('roll.legendMoved')}</li>
            <li className="entry-conflict">{t('roll.legendConflict')}</li>
            <li className="entry-edited">{t('roll.legendEdited')}</li>
          </ul>
          <YearView data={data} entries={entries} onEdit={(index, day) => setEdits((x) => ({ ...x, [index]: day }))} />
          <div className="form-actions form-actions-start">
            <Button
              variant="primary"
              isDisabled={blocking > 0}
              onPress={() => {
                apply.reset();
                setConfirming(true);
              }}
            >
              {t('roll.apply', { count: dated.length, year: data.toYear })}
            </Button>
            {blocking > 0 && <span className="form-error">{t('roll.fixFirst', { count: blocking })}</span>}
            {undated > 0 && <span className="muted">{t('roll.undated', { count: undated })}</span>}
          </div>
          <Dialog title={t('roll.confirmTitle', { year: data.toYear })} isOpen={confirming} onOpenChange={setConfirming} wide>
            <RollConfirmation data={data} entries={dated} pending={apply.isPending} error={apply.error} onCancel={() => setConfirming(false)} onConfirm={() => apply.mutate()} />
          </Dialog>
          {apply.data && (
            <p role="status" className="success">
              {t('roll.done', { created: apply.data.created, unchanged: apply.data.unchanged, year: data.toYear })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
