// "Tag med offline" on a meeting of the server (issue 14 §4): the server marks it as held by her,
// the copy goes into this computer's file, and she can go on working on the copy at once or stay.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { checkoutKey, offline, offlineKey, useOffline } from '../../api/offline';
import { useAction } from '../../app/useAction';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useSwitchArchive } from './useArchive';

/** Shown on the server's meetings that can be taken: not held, not approved, hers to edit. */
export function TakeOffline({ meetingId, possible }: { meetingId: string; possible: boolean }) {
  const { t } = useTranslation('offline');
  const qc = useQueryClient();
  const state = useOffline().data;
  const [open, setOpen] = useState(false);
  const take = useAction({
    mutationFn: () => offline.take(meetingId),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: offlineKey });
      await qc.invalidateQueries({ queryKey: checkoutKey(meetingId) });
    },
  });
  const switching = useSwitchArchive();
  if (!state?.server || state.archive !== 'server' || (!possible && !take.data)) return null;
  const close = (): void => {
    setOpen(false);
    take.reset();
  };
  return (
    <>
      {possible && (
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t('take.button')}
        </Button>
      )}
      <Dialog title={take.data ? t('take.doneTitle') : t('take.title')} isOpen={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
        {take.data ? (
          <>
            <p>{t('take.done')}</p>
            <div className="form-actions">
              <Button variant="quiet" onPress={close}>
                {t('take.stay')}
              </Button>
              <Button variant="primary" pending={switching.isPending} onPress={() => switching.mutate({ to: 'laptop', meetingId }, { onSuccess: close })}>
                {t('take.openCopy')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p>{t('take.explain')}</p>
            <p>{t('take.explainBack')}</p>
            {take.error && (
              <p className="form-error" role="alert">
                {t('take.refused', { reason: take.error.message })}
              </p>
            )}
            <div className="form-actions">
              <Button variant="quiet" onPress={close}>
                {t('cancel')}
              </Button>
              <Button variant="primary" pending={take.isPending} onPress={() => take.mutate()}>
                {t('take.confirm')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
