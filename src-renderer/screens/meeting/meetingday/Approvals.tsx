// The signature page: each member who took part approves (who, when), the missing ones listed;
// then the secretary's step "Referat godkendt" locks the meeting. After that, only dated addenda.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDayView } from '../../../../src-shared/api/meetingday';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { DialogActions } from '../../../components/DialogActions';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/TextField';
import { ErrorText } from '../../../components/QueryState';
import { isLocked, people, useDayMutation, useReadOnly } from './useMeetingDay';
import { formatStamp, joinNames } from './format';

export function Approvals({ view }: { view: MeetingDayView }) {
  const { t, i18n } = useTranslation('meetingday');
  const who = people(view);
  const locked = isLocked(view);
  // Held offline by someone: shown as it is, nothing to press.
  const readOnly = useReadOnly(view);
  const meetingId = view.meeting.id;
  const approve = useDayMutation(meetingId, (member: string) => api.meetingday.approve({ meetingId, member }));
  const withdraw = useDayMutation(meetingId, (member: string) => api.meetingday.withdrawApproval({ meetingId, member }));
  const held = useDayMutation(meetingId, () => api.meetings.setStatus({ id: meetingId, status: 'held' }));
  const lock = useDayMutation(meetingId, () => api.meetingday.approveMinutes({ meetingId }));
  const [confirming, setConfirming] = useState(false);
  const approvedAt = new Map(view.approvals.map((a) => [a.member, a.at]));
  const undecided = view.items.filter((i) => i.role !== 'signature' && !i.decision);

  return (
    <div className="md-approval">
      <section className="md-section" aria-labelledby="md-sign-h">
        <h2 id="md-sign-h">{t('approval.title')}</h2>
        <table className="md-sign-table">
          <caption className="sr-only">{t('approval.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('approval.member')}</th>
              <th scope="col">{t('approval.state')}</th>
              <th scope="col">
                <span className="sr-only">{t('approval.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.signatories.map((k) => {
              const at = approvedAt.get(k);
              return (
                <tr key={k}>
                  <th scope="row">{who.name(k)}</th>
                  <td className={at ? 'md-approved' : 'md-missing'}>{at ? t('approval.approvedAt', { at: formatStamp(at, i18n.language) }) : t('approval.missing')}</td>
                  <td>
                    {!readOnly &&
                      (at ? (
                        <Button variant="quiet" aria-label={t('approval.withdrawNamed', { name: who.name(k) })} onPress={() => withdraw.mutate(k)}>
                          {t('approval.withdraw')}
                        </Button>
                      ) : (
                        <Button aria-label={t('approval.approveNamed', { name: who.name(k) })} pending={approve.isPending} onPress={() => approve.mutate(k)}>
                          {t('approval.approve')}
                        </Button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="md-missing-line" role="status">
          {view.missingApprovals.length === 0 ? t('approval.allApproved') : t('approval.missingList', { names: joinNames(view.missingApprovals.map(who.name), t('and')) })}
        </p>
        <ErrorText error={approve.error ?? withdraw.error} />
      </section>

      <section className="md-section" aria-labelledby="md-lock-h">
        <h2 id="md-lock-h">{t('approval.lockTitle')}</h2>
        {locked ? (
          <p>{t('approval.lockedAt', { at: formatStamp(view.meeting.lockedAt!, i18n.language) })}</p>
        ) : (
          <>
            {view.meeting.status !== 'held' && (
              <div className="md-row">
                <p>{t('approval.notHeld')}</p>
                {view.meeting.status === 'agenda-published' && !readOnly && (
                  <Button onPress={() => held.mutate(undefined)} pending={held.isPending}>
                    {t('approval.markHeld')}
                  </Button>
                )}
              </div>
            )}
            {undecided.length > 0 && <p className="muted">{t('approval.undecided', { items: undecided.map((i) => i.number).join(', ') })}</p>}
            <Button variant="primary" isDisabled={readOnly || view.meeting.status !== 'held' || undecided.length > 0} onPress={() => setConfirming(true)}>
              {t('approval.lock')}
            </Button>
            <ErrorText error={held.error} />
          </>
        )}
      </section>

      {locked && <Addenda view={view} />}

      <Dialog title={t('approval.confirmTitle')} isOpen={confirming} onOpenChange={setConfirming}>
        <div className="form">
          <p>{t('approval.confirmBody')}</p>
          {view.missingApprovals.length > 0 && <p className="md-warn">{t('approval.missingList', { names: joinNames(view.missingApprovals.map(who.name), t('and')) })}</p>}
          <DialogActions error={lock.error} onCancel={() => setConfirming(false)} confirm={t('approval.confirm')} onConfirm={() => lock.mutate(undefined, { onSuccess: () => setConfirming(false) })} pending={lock.isPending} />
        </div>
      </Dialog>
    </div>
  );
}

function Addenda({ view }: { view: MeetingDayView }) {
  const { t, i18n } = useTranslation('meetingday');
  const meetingId = view.meeting.id;
  const [text, setText] = useState('');
  const add = useDayMutation(meetingId, (body: string) => api.meetingday.addAddendum({ meetingId, text: body }));
  return (
    <section className="md-section" aria-labelledby="md-addenda-h">
      <h2 id="md-addenda-h">{t('addenda.title')}</h2>
      {view.addenda.length > 0 && (
        <ol className="md-addenda">
          {view.addenda.map((a) => (
            <li key={a.at}>
              <strong>{formatStamp(a.at, i18n.language)}:</strong> {a.text}
            </li>
          ))}
        </ol>
      )}
      <TextField label={t('addenda.text')} description={t('addenda.help')} value={text} onChange={setText} multiline />
      <div className="md-row">
        <Button pending={add.isPending} isDisabled={!text.trim()} onPress={() => add.mutate(text, { onSuccess: () => setText('') })}>
          {t('addenda.add')}
        </Button>
      </div>
      {add.isSuccess && (
        <p className="success" role="status">
          {t('addenda.added')}
        </p>
      )}
      <ErrorText error={add.error} />
    </section>
  );
}
