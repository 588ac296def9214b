// A meeting held for offline work (issue 14 §4): on the server, everyone sees who holds it and
// since when, and that it is read-only until it is checked in (the core refuses every edit with
// the same sentence); a secretary can free it by force, and the holder, at her own computer, opens
// her copy from it. On a laptop, its checked-out copy says that she works offline on a copy, since
// when, and is handed in from here ("Aflever": screens/offline/HandIn.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CheckoutInfo } from '../../../src-shared/api/checkout';
import { api } from '../../api/client';
import { checkoutKey, useCheckoutStatus, useOffline } from '../../api/offline';
import { useAction } from '../../app/useAction';
import { refreshMeetings } from '../../app/queries';
import { Button } from '../../components/Button';
import { useNoticeText } from '../../i18n/notice';
import { stampText } from '../../lib/dates';
import { HandIn } from '../offline/HandIn';
import { useSwitchArchive } from '../offline/useArchive';

export function CheckoutBanner({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('checkout');
  const text = useNoticeText();
  const qc = useQueryClient();
  const status = useCheckoutStatus(meetingId);
  const offline = useOffline().data;
  const switching = useSwitchArchive();
  const [confirming, setConfirming] = useState(false);
  const release = useAction({
    mutationFn: () => api.checkout.release({ meetingId, holder: t('releasedBy'), force: true }),
    onSuccess: async () => {
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: checkoutKey(meetingId) });
      await refreshMeetings(qc);
    },
  });
  const info = status.data;
  if (!info) return null;
  if (info.role === 'copy') return <CopyBanner info={info} canHandIn={!!offline?.server} />;
  const sentence = text(info);
  const mine = offline?.server && offline.copies?.some((c) => c.meetingId === meetingId);
  return (
    <section className="notice checkout-banner" aria-label={t('heldLabel')}>
      <p>
        <strong>{t('held')}</strong> {sentence}
      </p>
      {mine && (
        <Button variant="secondary" pending={switching.isPending} onPress={() => switching.mutate({ to: 'laptop', meetingId })}>
          {t('offline:held.openCopy')}
        </Button>
      )}
      {!confirming && (
        <Button variant="quiet" onPress={() => setConfirming(true)}>
          {t('release')}
        </Button>
      )}
      {confirming && (
        <div className="checkout-confirm">
          <p>{t('releaseExplain', { holder: info.holder })}</p>
          <Button variant="danger" pending={release.isPending} onPress={() => release.mutate()}>
            {t('releaseConfirm')}
          </Button>
          <Button variant="quiet" onPress={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
          {release.error && (
            <p className="form-error" role="alert">
              {release.error.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** The copy on this computer: she works offline on it, since when; handed in from here when the app knows the server. */
function CopyBanner({ info, canHandIn }: { info: CheckoutInfo; canHandIn: boolean }) {
  const { t, i18n } = useTranslation('offline');
  return (
    <section className="notice checkout-banner checkout-copy" aria-label={t('copy.label')}>
      <p>
        <strong>{t('copy.title')}</strong> {t('copy.text', { holder: info.holder, since: stampText(info.since, i18n.language) })}
      </p>
      {canHandIn && <HandIn meetingId={info.meetingId} />}
    </section>
  );
}
