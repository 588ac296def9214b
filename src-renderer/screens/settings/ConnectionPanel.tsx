// Indstillinger → Forbind til server: work against the municipality's Referent server instead of
// the own file. The address is tried first (does it answer, is it Referent, whose is it), then she
// chooses; the choice is kept between starts. Where the shell has no such choice (`referent
// serve` in a browser) the panel is not shown.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import type { ServerProbe } from '../../../src-shared/api/connection';
import { connection } from '../../api/connection';
import { useAction } from '../../app/useAction';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { useConnection } from '../connection/ConnectionGate';

export function ConnectionPanel() {
  const { t } = useTranslation('connection');
  const state = useConnection().data;
  const [url, setUrl] = useState<string | null>(null);
  const [probe, setProbe] = useState<ServerProbe | null>(null);
  const address = url ?? state?.url ?? '';
  const test = useAction({ mutationFn: () => connection.call('connection.probe', { url: address }), onMutate: () => setProbe(null), onSuccess: setProbe });
  // A new place to work: the page starts afresh there (what it shows belongs to the other place).
  const use = useAction({ mutationFn: (mode: 'local' | 'server') => connection.call('connection.use', mode === 'local' ? { mode } : { mode, url: address }), onSuccess: () => location.reload() });
  if (!state) return null;
  const onServer = state.mode === 'server';

  return (
    <section className="connection-panel" aria-labelledby="connection-title">
      <h2 id="connection-title">{t('panel.title')}</h2>
      <p className="connection-now" role="status">
        {onServer
          ? state.account
            ? t('panel.nowServerAs', { url: state.url, name: state.account.displayName })
            : t('panel.nowServer', { url: state.url })
          : t('panel.nowLocal')}
      </p>
      {state.override ? (
        <p className="connection-override">{t('panel.override')}</p>
      ) : (
        <>
          <Form className="connection-form" aria-label={t('panel.title')} onSubmit={(e) => (e.preventDefault(), test.mutate())}>
            <TextField label={t('panel.address')} description={t('panel.addressHint')} value={address} onChange={(v) => (setUrl(v), setProbe(null))} isRequired autoComplete="url" />
            <Button type="submit" pending={test.isPending}>
              {t('panel.test')}
            </Button>
          </Form>
          {probe && (
            <p className="connection-answer" role="status">
              {probe.organisation ? t('panel.answersOrg', { version: probe.version, organisation: probe.organisation }) : t('panel.answers', { version: probe.version })}
            </p>
          )}
          <ErrorText error={test.error ?? use.error} />
          <div className="connection-actions">
            {!(onServer && address.trim().replace(/\/+$/, '') === state.url) && (
              <Button variant="primary" isDisabled={!address.trim()} pending={use.isPending && use.variables === 'server'} onPress={() => use.mutate('server')}>
                {t('panel.useServer')}
              </Button>
            )}
            {onServer && (
              <Button pending={use.isPending && use.variables === 'local'} onPress={() => use.mutate('local')}>
                {t('panel.useLocal')}
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
