// A meeting held for offline work (issue 14 §4): on the server, everyone sees who holds it and
// since when, and that it is read-only until it is checked in (the core refuses every edit with
// the same sentence); a secretary can free it by force. On a laptop, its checked-out copy says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAction } from '../../app/useAction';
import { refreshMeetings } from '../../app/queries';
import { Button } from '../../components/Button';

export const checkoutKey = (meetingId: string) => ['checkout', meetingId] as const;

export function CheckoutBanner({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation('checkout');
  const qc = useQueryClient();
  const status = useQuery({ queryKey: checkoutKey(meetingId), queryFn: () => api.checkout.status({ meetingId }) });
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
  const sentence = i18n.language === 'en' ? info.message : info.messageDa;
  return (
    <section className="notice checkout-banner" aria-label={t(info.role === 'server' ? 'heldLabel' : 'copyLabel')}>
      <p>
        <strong>{t(info.role === 'server' ? 'held' : 'copy')}</strong> {sentence}
      </p>
      {info.role === 'server' && !confirming && (
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
