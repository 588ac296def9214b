// Settings → Backups: the checked backups Referent keeps beside the database (daily, before imports
// and upgrades), the last check of the file, a backup made now, and a restore after confirmation.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import type { BackupInfo } from '../../../src-shared/api/backups';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorText, QueryState } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import './settings.css';

const BACKUPS_KEY = ['backups'] as const;

/** Date and time to the second: two copies made the same minute (a manual one, an import) stay apart. */
function useWhen(): (iso: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  return (iso) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

export function BackupsPanel() {
  const { t } = useTranslation('backups');
  const when = useWhen();
  const qc = useQueryClient();
  const overview = useQuery({ queryKey: BACKUPS_KEY, queryFn: () => api.backups.list({}) });
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const create = useAction({
    mutationFn: () => api.backups.create({}),
    onSuccess: async () => {
      setDone(t('created'));
      await qc.invalidateQueries({ queryKey: BACKUPS_KEY });
    },
  });
  const restore = useAction({
    mutationFn: (b: BackupInfo) => api.backups.restore({ name: b.name }),
    onSuccess: async (r) => {
      setRestoring(null);
      setDone(t('restored', { when: when(r.restored.createdAt) }));
      // Everything on screen came from the file as it was: read it all again.
      await qc.invalidateQueries();
    },
  });

  return (
    <section className="backups" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <QueryState query={overview}>
        {(o) => (
          <>
            <p className="muted backups-folder">{t('folder', { folder: o.folder })}</p>
            {o.lastCheck === null ? (
              <p className="muted">{t('noCheck')}</p>
            ) : o.lastCheck.result === 'ok' ? (
              <p>{t('lastCheck', { when: when(o.lastCheck.at) })}</p>
            ) : (
              <p className="backups-check-failed" role="alert">
                {t('lastCheckFailed', { when: when(o.lastCheck.at), result: o.lastCheck.result })}
              </p>
            )}
            {o.backups.length === 0 ? (
              <p className="empty">{t('none')}</p>
            ) : (
              <table className="backups-table" aria-label={t('table')}>
                <thead>
                  <tr>
                    <th scope="col">{t('when')}</th>
                    <th scope="col">{t('reason')}</th>
                    <th scope="col" className="num">
                      {t('size')}
                    </th>
                    <th scope="col">{t('check')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.backups.map((b) => (
                    <tr key={b.name}>
                      <th scope="row">{when(b.createdAt)}</th>
                      <td>{t(`reasons.${b.reason}`)}</td>
                      <td className="num">{megabytes(b.size)}</td>
                      <td className={b.check === 'ok' ? 'check-ok' : 'check-failed'}>{b.check === 'ok' ? t('checkOk') : t('checkFailed', { result: b.check })}</td>
                      <td className="row-actions">
                        <Button variant="quiet" aria-label={t('restoreLabel', { when: when(b.createdAt) })} onPress={() => setRestoring(b)}>
                          {t('restore')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="backups-actions">
              <Button onPress={() => create.mutate()} pending={create.isPending}>
                {t('create')}
              </Button>
              {done && <span role="status">{done}</span>}
            </div>
            <ErrorText error={create.error} />
            <KeepForm keep={o.keep} />
          </>
        )}
      </QueryState>
      <Dialog title={t('confirmTitle')} isOpen={restoring !== null} onOpenChange={(open) => !open && setRestoring(null)}>
        {restoring && (
          <div className="form form-narrow">
            <p>{t('confirmText', { when: when(restoring.createdAt) })}</p>
            <p className="muted">{t('confirmSafety')}</p>
            <DialogActions error={restore.error} onCancel={() => setRestoring(null)} confirm={t('confirm')} variant="primary" pending={restore.isPending} onConfirm={() => restore.mutate(restoring)} />
          </div>
        )}
      </Dialog>
    </section>
  );
}

function KeepForm({ keep }: { keep: { daily: number; other: number } }) {
  const { t } = useTranslation('backups');
  const qc = useQueryClient();
  const [daily, setDaily] = useState(String(keep.daily));
  const [other, setOther] = useState(String(keep.other));
  useEffect(() => {
    setDaily(String(keep.daily));
    setOther(String(keep.other));
  }, [keep.daily, keep.other]);
  const save = useAction({
    mutationFn: () => api.backups.setKeep({ daily: Number(daily), other: Number(other) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BACKUPS_KEY }),
  });
  return (
    <form
      className="backups-keep"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField label={t('keepDaily')} type="number" inputMode="numeric" value={daily} onChange={setDaily} />
      <TextField label={t('keepOther')} type="number" inputMode="numeric" value={other} onChange={setOther} />
      <Button type="submit">{t('keepSave')}</Button>
      {save.isSuccess && <span role="status">{t('keepSaved')}</span>}
      <ErrorText error={save.error} />
    </form>
  );
}
