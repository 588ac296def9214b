// Which archive the page shows, when the app is connected to a server (issue 14 §4): on the
// server, a quiet line naming it (and the meetings this computer holds offline, with the way to
// them); on this computer's file, a strong bar saying she works offline on copies, and the way back.
import { useTranslation } from 'react-i18next';
import { useOffline } from '../../api/offline';
import { useNoticeText } from '../../i18n/notice';
import { Button } from '../../components/Button';
import { useSwitchArchive } from './useArchive';
import './offline.css';

export function ArchiveBar() {
  const { t } = useTranslation('offline');
  const text = useNoticeText();
  const state = useOffline().data;
  const switching = useSwitchArchive();
  if (!state?.server) return null;
  const host = new URL(state.server.url).host;
  const copies = state.copies?.length ?? 0;
  // The file would not open: say so and why, never "no copies" (they are not known).
  const unopened = state.unopened && (
    <p className="form-error" role="alert">
      {text(state.unopened)}
    </p>
  );
  if (state.archive === 'laptop') {
    return (
      <section className="archive-bar archive-bar-laptop" aria-label={t('bar.laptopLabel')}>
        <p>
          <strong>{t('bar.laptop')}</strong> {t('bar.laptopExplain', { count: copies })}
        </p>
        {unopened}
        <Button variant="secondary" pending={switching.isPending} onPress={() => switching.mutate({ to: 'server' })}>
          {t('bar.toServer')}
        </Button>
        {switching.error && <p className="form-error" role="alert">{switching.error.message}</p>}
      </section>
    );
  }
  return (
    <section className="archive-bar archive-bar-server" aria-label={t('bar.serverLabel')}>
      <p>
        {t('bar.server', { host })}
        {copies > 0 && <> {t('bar.copies', { count: copies })}</>}
      </p>
      {unopened}
      {copies > 0 && (
        <Button variant="quiet" pending={switching.isPending} onPress={() => switching.mutate({ to: 'laptop' })}>
          {t('bar.toLaptop')}
        </Button>
      )}
      {switching.error && <p className="form-error" role="alert">{switching.error.message}</p>}
    </section>
  );
}
