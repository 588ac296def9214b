// Items other committees recommended onward to this one ("Anbefales"), proposed for this meeting:
// the secretary opens one with its history (Sagens forløb) and accepts it onto the agenda at the
// position she chooses, or rejects it with a reason the sending committee's secretary sees.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../../app/useAction';
import type { Agenda } from '../../../../src-shared/api/agenda';
import type { ProposalDetail, ProposalSummary } from '../../../../src-shared/api/proposals';
import { shortDate } from '../../../lib/dates';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { DialogActions } from '../../../components/DialogActions';
import { QueryState } from '../../../components/QueryState';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import { ItemSaver } from './autosave';
import { agendaKeys, refreshMeetings } from './queries';

export const proposalKeys = {
  inbox: (committeeId: string) => ['proposals', committeeId] as const,
  one: (proposalId: string) => ['proposal', proposalId] as const,
};

/** The pending proposals of the committee that are proposed for this meeting (its next one not yet held). */
export function ProposalsPanel({ agenda, onAccepted }: { agenda: Agenda; onAccepted: (itemId: string) => void }) {
  const { t, i18n } = useTranslation('agenda');
  const inbox = useQuery({ queryKey: proposalKeys.inbox(agenda.meeting.committeeId), queryFn: () => api.proposals.list({ committeeId: agenda.meeting.committeeId }) });
  const [open, setOpen] = useState<string | null>(null);
  const here = (inbox.data ?? []).filter((p) => p.meeting?.id === agenda.meeting.id);
  if (here.length === 0) return null;
  return (
    <section className="proposals" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading" className="proposals-heading">{t('proposals.heading', { count: here.length })}</h2>
      <p className="muted proposals-explain">{t('proposals.explain')}</p>
      <ul className="proposals-list">
        {here.map((p) => (
          <li key={p.id} className="proposal-row">
            <div className="proposal-text">
              <span className="proposal-title">{p.title}</span>
              <span className="muted">{fromLine(t, p, i18n.language)}</span>
            </div>
            <Button onPress={() => setOpen(p.id)} aria-label={t('proposals.openNamed', { title: p.title })}>
              {t('proposals.open')}
            </Button>
          </li>
        ))}
      </ul>
      {open && <ProposalDialog key={open} proposalId={open} agenda={agenda} onClose={() => setOpen(null)} onAccepted={onAccepted} />}
    </section>
  );
}

type T = ReturnType<typeof useTranslation<'agenda'>>['t'];
const fromLine = (t: T, p: ProposalSummary, lang: string): string =>
  t('proposals.from', { committee: p.from.committeeName, date: shortDate(p.from.start.slice(0, 10), lang), number: p.from.number }) + (p.caseNumber ? ` · ${p.caseNumber}` : '');

/** Where a new item goes by default: before the closing standard items, as the core places it. */
function defaultPosition(agenda: Agenda): number {
  let at = agenda.items.length;
  while (at > 0 && (agenda.items[at - 1]!.role === 'mutual-information' || agenda.items[at - 1]!.role === 'signature')) at--;
  return at;
}

function ProposalDialog({ proposalId, agenda, onClose, onAccepted }: { proposalId: string; agenda: Agenda; onClose: () => void; onAccepted: (itemId: string) => void }) {
  const { t } = useTranslation('agenda');
  const proposal = useQuery({ queryKey: proposalKeys.one(proposalId), queryFn: () => api.proposals.get({ proposalId }) });
  return (
    <Dialog title={proposal.data?.title ?? t('proposals.loading')} isOpen onOpenChange={(o) => !o && onClose()} wide>
      <QueryState query={proposal}>{(p) => <ProposalBody proposal={p} agenda={agenda} onClose={onClose} onAccepted={onAccepted} />}</QueryState>
    </Dialog>
  );
}

function ProposalBody({ proposal: p, agenda, onClose, onAccepted }: { proposal: ProposalDetail; agenda: Agenda; onClose: () => void; onAccepted: (itemId: string) => void }) {
  const { t, i18n } = useTranslation('agenda');
  const qc = useQueryClient();
  const [position, setPosition] = useState(String(defaultPosition(agenda)));
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const done = async (): Promise<void> => {
    onClose();
    await Promise.all([
      qc.invalidateQueries({ queryKey: proposalKeys.inbox(agenda.meeting.committeeId) }),
      qc.invalidateQueries({ queryKey: agendaKeys.agenda(agenda.meeting.id) }),
      qc.invalidateQueries({ queryKey: ['meetingday'] }),
      refreshMeetings(qc),
    ]);
  };
  const accept = useAction({
    mutationFn: async () => {
      await ItemSaver.flushAll();
      return api.proposals.accept({ proposalId: p.id, meetingId: agenda.meeting.id, position: Number(position) });
    },
    onSuccess: async (r) => {
      await done();
      if (r.accepted) onAccepted(r.accepted.itemId);
    },
  });
  const reject = useAction({ mutationFn: () => api.proposals.reject({ proposalId: p.id, reason }), onSuccess: done });
  const options = [
    ...agenda.items.map((item, i) => ({ id: String(i), label: t('proposals.before', { number: item.number, title: item.title }) })),
    { id: String(agenda.items.length), label: t('proposals.last') },
  ];
  return (
    <div className="form proposal-dialog">
      <p className="proposal-from">{fromLine(t, p, i18n.language)}</p>
      <div className="proposal-content">
        {p.sections.map((s, i) => (
          <section key={i} className={`proposal-section proposal-section-${s.kind}`} aria-label={s.heading ?? agenda.template.headings[s.kind]}>
            <h3 className="section-heading">{s.heading ?? agenda.template.headings[s.kind]}</h3>
            <MarkdownText source={s.body} />
          </section>
        ))}
        {p.attachments.length > 0 && (
          <section className="proposal-section" aria-label={t('proposals.attachments')}>
            <h3 className="section-heading">{t('proposals.attachments')}</h3>
            <ul>{p.attachments.map((a, i) => <li key={i}>{a.title}</li>)}</ul>
          </section>
        )}
      </div>
      {rejecting ? (
        <>
          <TextField label={t('proposals.reason')} description={t('proposals.reasonHelp', { committee: p.from.committeeName })} value={reason} onChange={setReason} multiline isRequired autoFocus />
          <DialogActions error={reject.error} onCancel={() => setRejecting(false)} confirm={t('proposals.rejectConfirm')} onConfirm={() => reject.mutate()} pending={reject.isPending} isDisabled={reason.trim() === ''} variant="danger" />
        </>
      ) : (
        <>
          <Select label={t('proposals.position')} value={position} onChange={setPosition} options={options} />
          <div className="proposal-actions">
            <Button onPress={() => setRejecting(true)}>{t('proposals.reject')}</Button>
          </div>
          <DialogActions error={accept.error} onCancel={onClose} confirm={t('proposals.accept')} onConfirm={() => accept.mutate()} pending={accept.isPending} />
        </>
      )}
    </div>
  );
}

/** The history as stored (Markdown paragraphs, "**Udvalg den …, punkt N**" headings), shown as text. */
function MarkdownText({ source }: { source: string }) {
  const unescape = (s: string): string => s.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1');
  return (
    <>
      {source.split(/\n{2,}/).map((para, i) => {
        const strong = /^\*\*(.+)\*\*$/.exec(para.trim());
        return strong ? <p key={i} className="proposal-strong"><strong>{unescape(strong[1]!)}</strong></p> : <p key={i}>{unescape(para.replace(/\*\*/g, ''))}</p>;
      })}
    </>
  );
}
