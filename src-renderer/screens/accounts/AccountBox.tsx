// Under `referent serve`, or the desktop app signed in to one: who is signed in, and the way out.
// Nothing on the desktop's own file, where there are no accounts (accounts.me answers null).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { connection } from '../../api/connection';
import { Button } from '../../components/Button';

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => api.accounts.me({}), staleTime: Infinity });

/** Whether the signed-in account may change this committee's meetings: everyone on the desktop; under `referent serve` its secretaries and administrators. */
export function useMayEdit(committeeId: string): boolean {
  const me = useMe().data;
  return !me || me.admin || me.roles.some((r) => r.committeeId === committeeId && r.role === 'secretary');
}

async function signOut(): Promise<void> {
  // The desktop app against a server: the shell holds the session and ends it; the sign-in screen follows.
  if (await connection.status()) {
    await connection.call('connection.signOut', {}).catch(() => null);
    location.reload();
    return;
  }
  await fetch('/auth/logout', { method: 'POST' }).catch(() => null);
  location.assign('/login?signed-out');
}

export function AccountBox() {
  const { t } = useTranslation('accounts');
  const me = useMe().data;
  if (!me) return null;
  return (
    <div className="nav-account" aria-label={t('signedInAs', { name: me.displayName })} role="group">
      <span className="nav-account-name">{me.displayName}</span>
      <span className="nav-account-roles">{me.admin ? t('admin') : me.roles.map((r) => `${t(`role.${r.role}`)}, ${r.committee}`).join(' · ')}</span>
      <Button variant="quiet" onPress={() => void signOut()}>
        {t('signOut')}
      </Button>
    </div>
  );
}
