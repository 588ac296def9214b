// The municipality's name and logo, printed at the top of every agenda and set of minutes: the
// settings screen and the first-run screen both edit them here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileTrigger, Form } from 'react-aria-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText, QueryState } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { fileToBase64 } from '../../lib/files';

export const useSettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api.settings.get({}) });

export function OrganisationForm({ confirm }: { confirm?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useSettings();
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
    <QueryState query={settings}>
      {(s) => (
        <Form
          className="form form-narrow"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ name: name.trim() });
          }}
        >
          <TextField label={t('settings.organization')} value={name} onChange={setName} placeholder={t('settings.organizationExample')} description={t('settings.organizationHelp')} isRequired />
          <div className="field">
            <span>{t('settings.logo')}</span>
            <div className="logo-row">
              {s.logo ? <img className="logo-preview" alt={t('settings.logoCurrent')} src={`data:${s.logo.mime};base64,${s.logo.base64}`} /> : <span className="muted">{t('settings.noLogo')}</span>}
              <FileTrigger acceptedFileTypes={['image/png', 'image/jpeg', 'image/svg+xml']} onSelect={(files) => void onLogo(files?.[0])}>
                <Button>{s.logo ? t('settings.changeLogo') : t('settings.chooseLogo')}</Button>
              </FileTrigger>
            </div>
          </div>
          <ErrorText error={save.error} />
          <div className="form-actions form-actions-start">
            <Button variant="primary" type="submit" pending={save.isPending}>
              {confirm ?? t('actions.save')}
            </Button>
            {save.isSuccess && <span role="status">{t('settings.saved')}</span>}
          </div>
        </Form>
      )}
    </QueryState>
  );
}
