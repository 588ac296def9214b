// Items taken onto this agenda from another committee whose decision that committee changed since
// (issue 14 §5): nothing changed here by itself. A list above the agenda names them; on the item the
// secretary reads what changed, by whom and when, and keeps the item or takes it off the agenda.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agenda } from '../../../../src-shared/api/agenda';
import type { ProposalSummary } from '../../../../src-shared/api/proposals';
import { api } from '../../../api/client';
import { useAction } from '../../../app/useAction';
import { Button } from '../../../components/Button';
import { ErrorText } from '../../../components/QueryState';
import { shortDate, stampText } from '../../../lib/dates';
import { agendaKeys, refreshMeetings } from './queries';
import { proposalKeys } from './ProposalsPanel';

/** The proposals accepted onto this meeting whose sending decision changed, unanswered. */
function useChanged(agenda: Agenda): ProposalSummary[] {
  const inbox = useQuery({ queryKey: proposalKeys.inbox(agenda.meeting.committeeId), queryFn: () => api.proposals.list({ committeeId: agenda.meeting.committeeId }) });
  return (inbox.data ?? []).filter((p) => p.change && p.accepted?.meetingId === agenda.meeting.id);
}

/** Above the agenda: which items changed at their sender, each a button to the item. */
export function SourceChangesList({ agenda, onSelect }: { agenda: Agenda; onSelect: (itemId: string) => void }) {
  const { t } = useTranslation('agenda');
  const changed = useChanged(agenda);
  if (changed.length === 0) return null;
  return (
    <section className="source-changes" aria-labelledby="source-changes-heading">
      <h2 id="source-changes-heading" className="proposals-heading">{t('changes.heading', { count: changed.length })}</h2>
      <ul className="proposals-list">
        {changed.map((p) => (
          <li key={p.id} className="proposal-row">
            <span>{t('changes.line', { number: p.accepted!.number, title: p.title, committee: p.from.committeeName })}</span>
            <Button onPress={() => onSelect(p.accepted!.itemId)} aria-label={t('changes.showNamed', { number: p.accepted!.number })}>{t('changes.show')}</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On the item: what the sender changed, and the secretary's answer (only where the agenda may change; else why not). */
export function SourceChangeNotice({ agenda, itemId, canAnswer, whyNot }: { agenda: Agenda; itemId: string; canAnswer: boolean; whyNot: string | null }) {
  const { t, i18n } = useTranslation('agenda');
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const p = useChanged(agenda).find((x) => x.accepted?.itemId === itemId);
  const done = async (): Promise<void> => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: proposalKeys.inbox(agenda.meeting.committeeId) }),
      qc.invalidateQueries({ queryKey: agendaKeys.agenda(agenda.meeting.id) }),
      qc.invalidateQueries({ queryKey: ['meetingday'] }),
      refreshMeetings(qc),
    ]);
  };
  const keep = useAction({ mutationFn: () => api.proposals.keep({ proposalId: p!.id }), onSuccess: done });
  const remove = useAction({ mutationFn: () => api.proposals.removeAccepted({ proposalId: p!.id }), onSuccess: done });
  if (!p?.change) return null;
  const c = p.change;
  const lang = i18n.language;
  return (
    <section className="source-change" role="alert" aria-label={t('changes.label')}>
      <p className="source-change-head">
        <strong>{t('changes.notice', { committee: p.from.committeeName, number: p.from.number, date: shortDate(p.from.start.slice(0, 10), lang) })}</strong>{' '}
        {c.by ? t('changes.by', { by: c.by, when: stampText(c.at, lang) }) : t('changes.byNobody', { when: stampText(c.at, lang) })}
      </p>
      <div className="source-change-compare">
        <div>
          <h3>{t('changes.was')}</h3>
          <Decision text={c.was ?? ''} empty={t('changes.unknown')} />
        </div>
        <div>
          <h3>{t('changes.now')}</h3>
          <Decision text={c.now} empty={t('changes.removed')} />
        </div>
      </div>
      <ErrorText error={keep.error ?? remove.error} />
      {!canAnswer ? (
        whyNot && <p className="muted">{whyNot}</p>
      ) : confirming ? (
        <div className="source-change-actions">
          <span>{t('changes.removeQuestion')}</span>
          <Button onPress={() => setConfirming(false)}>{t('changes.cancel')}</Button>
          <Button variant="danger" onPress={() => remove.mutate()} isDisabled={remove.isPending}>{t('changes.removeConfirm')}</Button>
        </div>
      ) : (
        <div className="source-change-actions">
          <Button variant="primary" onPress={() => keep.mutate()} isDisabled={keep.isPending}>{t('changes.keep')}</Button>
          <Button onPress={() => setConfirming(true)}>{t('changes.remove')}</Button>
        </div>
      )}
    </section>
  );
}

/** The decision as "Sagens forløb" prints it, without its first line (the committee, date and item, said above). */
function Decision({ text, empty }: { text: string; empty: string }) {
  const paragraphs = text.split(/\n{2,}/).slice(1).map((s) => s.replace(/\*\*/g, '').replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1'));
  if (paragraphs.length === 0) return <p className="muted">{empty}</p>;
  return <>{paragraphs.map((para, i) => <p key={i}>{para}</p>)}</>;
}
