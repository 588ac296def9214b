// Signing in to the Referent server the app works against: login name and password (a local
// account), or the municipality's login in the system browser. The password goes to the shell,
// which signs in and keeps the session; the page never sees it again, nor the session.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import type { ConnectionState } from '../../../src-shared/api/connection';
import { connection } from '../../api/connection';
import { useAction } from '../../app/useAction';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { useNoticeText } from '../../i18n/notice';

export function SignInScreen({ state, onSignedIn }: { state: ConnectionState; onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation('connection');
  const text = useNoticeText();
  const signIn = state.signIn!;
  const [login, setLogin] = useState(signIn.login ?? '');
  const [password, setPassword] = useState('');
  const withPassword = useAction({
    mutationFn: () => connection.call('connection.signIn', { login, password }),
    onSuccess: async () => {
      setPassword('');
      await onSignedIn();
    },
    onError: () => setPassword(''),
  });
  const withProvider = useAction({ mutationFn: () => connection.call('connection.signInWithProvider', {}), onSuccess: onSignedIn });
  const useFile = useAction({
    mutationFn: () => connection.call('connection.use', { mode: 'local' }),
    onSuccess: () => location.reload(),
  });
  const reason = signIn.reason ? text(signIn.reason) : null;
  const error = withPassword.error ?? withProvider.error ?? useFile.error;

  return (
    <main className="signin" aria-labelledby="signin-title">
      <div className="signin-card">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <p className="signin-server">
          {t('signIn.server')} <strong>{state.url}</strong>
        </p>
        {reason && (
          <p className="signin-reason" role="status">
            {reason}
          </p>
        )}
        <Form className="signin-form" aria-label={t('signIn.title')} onSubmit={(e) => (e.preventDefault(), withPassword.mutate())}>
          <TextField label={t('signIn.login')} value={login} onChange={setLogin} isRequired autoComplete="username" autoFocus={!login} />
          <TextField label={t('signIn.password')} type="password" value={password} onChange={setPassword} isRequired autoComplete="current-password" autoFocus={Boolean(login)} />
          <Button type="submit" variant="primary" pending={withPassword.isPending}>
            {t('signIn.submit')}
          </Button>
        </Form>
        {signIn.oidc && (
          <Button variant="secondary" className="signin-provider" pending={withProvider.isPending} onPress={() => withProvider.mutate()}>
            {t('signIn.provider')}
          </Button>
        )}
        {withProvider.isPending && <p className="signin-note">{t('signIn.providerWaiting')}</p>}
        <ErrorText error={error} />
        {!state.override && (
          <p className="signin-local">
            <Button variant="quiet" pending={useFile.isPending} onPress={() => useFile.mutate()}>
              {t('signIn.useFile')}
            </Button>
          </p>
        )}
      </div>
    </main>
  );
}
