// Organisation settings: the municipality's name and logo, printed in document headers; and the
// database's backups.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText, QueryState } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { fileToBase64 } from '../../lib/files';
import { BackupsPanel } from './BackupsPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: keys.settings, queryFn: () => api.settings.get({}) });
  const [name, setName] = useState('');
  useEffect(() => setName(settings.data?.name ?? ''), [settings.data?.name]);
  const save = useAction({
    mutationFn: (patch: Parameters<typeof api.settings.update>[0]) => api.settings.update(patch),
    onSuccess: (s) => qc.setQueryData(keys.settings, s),
  });
  const onLogo = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const base64 = await fileToBase64(file);
    const mime = file.type === 'image/jpeg' || file.type === 'image/svg+xml' ? file.type : 'image/png';
    save.mutate({ logo: { mime, base64 } });
  };
  return (
    <section className="screen">
      <h1>{t('settings.title')}</h1>
      <QueryState query={settings}>
        {(s) => (
          <Form
            className="form form-narrow"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ name });
            }}
          >
            <TextField label={t('settings.organization')} value={name} onChange={setName} />
            <label className="field">
              <span>{t('settings.logo')}</span>
              <input type="file" accept="image/png,image/jpeg,image/svg+xml" onChange={(e) => void onLogo(e.target.files?.[0])} />
            </label>
            {s.logo && <img className="logo-preview" alt={t('settings.logo')} src={`data:${s.logo.mime};base64,${s.logo.base64}`} />}
            <ErrorText error={save.error} />
            <div className="form-actions">
              <Button variant="primary" type="submit">
                {t('actions.save')}
              </Button>
              {save.isSuccess && <span role="status">{t('settings.saved')}</span>}
            </div>
          </Form>
        )}
      </QueryState>
      <BackupsPanel />
    </section>
  );
}
