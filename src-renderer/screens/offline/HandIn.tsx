// "Aflever" on a checked-out copy (issue 14 §4): the copy goes back to the server, and the dialog
// then says what the server took (changes made offline, items, new attachments) and what next, or
// the server's one-sentence refusal, that nothing was changed, and what she can do: when the
// server cannot be reached, the copy stays here with everything in it, to be handed in later.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { HandInReport } from '../../../src-shared/api/offline';
import { ApiError } from '../../../src-shared/result';
import { checkoutKey, offline, offlineKey } from '../../api/offline';
import { useAction } from '../../app/useAction';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useSwitchArchive } from './useArchive';

export function HandIn({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('offline');
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const handIn = useAction({
    mutationFn: () => offline.handIn(meetingId),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: offlineKey });
    },
  });
  const switching = useSwitchArchive();
  const close = (): void => {
    setOpen(false);
    // Closed after a hand-in: the copy is an ordinary meeting now, its banner goes.
    if (handIn.data) void qc.invalidateQueries({ queryKey: checkoutKey(meetingId) });
    handIn.reset();
  };
  const title = handIn.data ? t('handIn.doneTitle') : handIn.error ? t('handIn.refusedTitle') : t('handIn.title');
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)}>
        {t('copy.handIn')}
      </Button>
      <Dialog title={title} isOpen={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
        {handIn.data ? (
          <Done report={handIn.data} onClose={close} onServer={() => switching.mutate({ to: 'server', meetingId }, { onSuccess: close })} pending={switching.isPending} />
        ) : handIn.error ? (
          <section className="offline-result offline-result-refused" aria-label={t('handIn.refusedTitle')}>
            <p role="alert">{handIn.error.message}</p>
            <p className="offline-next">{t(handIn.error instanceof ApiError && handIn.error.code === 'Busy' ? 'handIn.nextUnreachable' : 'handIn.nextRefused')}</p>
            <div className="form-actions">
              <Button variant="quiet" onPress={close}>
                {t('handIn.close')}
              </Button>
              <Button variant="primary" pending={handIn.isPending} onPress={() => handIn.mutate()}>
                {t('handIn.tryAgain')}
              </Button>
            </div>
          </section>
        ) : (
          <>
            <p>{t('handIn.explain')}</p>
            <p>{t('handIn.explainSafe')}</p>
            <div className="form-actions">
              <Button variant="quiet" onPress={close}>
                {t('cancel')}
              </Button>
              <Button variant="primary" pending={handIn.isPending} onPress={() => handIn.mutate()}>
                {t('handIn.confirm')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}

function Done({ report, onClose, onServer, pending }: { report: HandInReport; onClose: () => void; onServer: () => void; pending: boolean }) {
  const { t } = useTranslation('offline');
  return (
    <section className="offline-result offline-result-done" aria-label={t('handIn.doneTitle')}>
      {report.alreadyMerged ? (
        <p>{t('handIn.alreadyDone')}</p>
      ) : (
        <>
          <p>{t('handIn.done')}</p>
          <ul>
            <li>{t('handIn.entries', { count: report.entries })}</li>
            {report.itemsChanged !== null && <li>{t('handIn.items', { count: report.itemsChanged })}</li>}
            {report.attachmentsAdded !== null && <li>{t('handIn.attachments', { count: report.attachmentsAdded })}</li>}
          </ul>
        </>
      )}
      <p className="offline-next">{t('handIn.doneNext')}</p>
      <div className="form-actions">
        <Button variant="quiet" onPress={onClose}>
          {t('handIn.close')}
        </Button>
        <Button variant="primary" pending={pending} onPress={onServer}>
          {t('handIn.toServer')}
        </Button>
      </div>
    </section>
  );
}
