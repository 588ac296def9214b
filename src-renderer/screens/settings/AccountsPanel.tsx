// Settings → Konti, for an administrator of a served archive (`referent serve`): the accounts, their
// roles per committee, a new account, a role given or taken, an account disabled or enabled. The
// same operations as `referent user`. Not shown on the desktop, where there are no accounts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form } from 'react-aria-components';
import type { AccountRole, AccountSummary } from '../../../src-shared/api/accounts';
import { api } from '../../api/client';
import { useAction } from '../../app/useAction';
import { useCommittees } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText, QueryState } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { useMe } from '../accounts/AccountBox';

const ACCOUNTS_KEY = ['accounts'] as const;

function NewAccountForm() {
  const { t } = useTranslation('accounts');
  const qc = useQueryClient();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const add = useAction({
    mutationFn: () => api.accounts.add({ login, displayName, password }),
    onSuccess: async () => {
      setLogin('');
      setDisplayName('');
      setPassword('');
      await qc.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
  });
  return (
    <Form className="accounts-form" aria-label={t('new.title')} onSubmit={(e) => (e.preventDefault(), add.mutate())}>
      <h3>{t('new.title')}</h3>
      <TextField label={t('new.login')} value={login} onChange={setLogin} isRequired autoComplete="off" />
      <TextField label={t('new.name')} value={displayName} onChange={setDisplayName} isRequired />
      <TextField label={t('new.password')} description={t('new.passwordHint')} type="password" value={password} onChange={setPassword} isRequired autoComplete="new-password" />
      <Button type="submit" variant="primary" pending={add.isPending}>
        {t('new.add')}
      </Button>
      <ErrorText error={add.error} />
    </Form>
  );
}

function RoleForm({ accounts }: { accounts: AccountSummary[] }) {
  const { t } = useTranslation('accounts');
  const qc = useQueryClient();
  const committees = useCommittees().data ?? [];
  const [login, setLogin] = useState(accounts[0]?.login ?? '');
  const [committeeId, setCommitteeId] = useState(committees[0]?.id ?? '');
  const [role, setRole] = useState<AccountRole | 'none'>('secretary');
  const [memberKey, setMemberKey] = useState('');
  const set = useAction({
    mutationFn: () => api.accounts.setRole({ login, committeeId, role: role === 'none' ? null : role, memberKey: role === 'member' ? memberKey || null : null }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
  return (
    <Form className="accounts-form" aria-label={t('roleForm.title')} onSubmit={(e) => (e.preventDefault(), set.mutate())}>
      <h3>{t('roleForm.title')}</h3>
      <Select label={t('roleForm.account')} value={login} onChange={setLogin} options={accounts.map((a) => ({ id: a.login, label: `${a.displayName} (${a.login})` }))} />
      <Select label={t('roleForm.committee')} value={committeeId || (committees[0]?.id ?? '')} onChange={setCommitteeId} options={committees.map((c) => ({ id: c.id, label: c.name }))} />
      <Select
        label={t('roleForm.role')}
        value={role}
        onChange={(v) => setRole(v as AccountRole | 'none')}
        options={(['secretary', 'member', 'reader', 'none'] as const).map((r) => ({ id: r, label: t(`role.${r}`) }))}
      />
      {role === 'member' && <TextField label={t('roleForm.memberKey')} description={t('roleForm.memberKeyHint')} value={memberKey} onChange={setMemberKey} isRequired />}
      <Button type="submit" variant="primary" pending={set.isPending} isDisabled={!login || !(committeeId || committees[0])}>
        {t('roleForm.set')}
      </Button>
      <ErrorText error={set.error} />
    </Form>
  );
}

export function AccountsPanel() {
  const { t } = useTranslation('accounts');
  const me = useMe().data;
  const qc = useQueryClient();
  const accounts = useQuery({ queryKey: ACCOUNTS_KEY, queryFn: () => api.accounts.list({}), enabled: me?.admin === true });
  const toggle = useAction({
    mutationFn: (a: AccountSummary) => api.accounts.update({ login: a.login, disabled: !a.disabled }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
  if (!me?.admin) return null;
  return (
    <section className="accounts" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <QueryState query={accounts}>
        {(list) => (
          <>
            <table className="accounts-table" aria-label={t('table')}>
              <thead>
                <tr>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('col.login')}</th>
                  <th scope="col">{t('col.roles')}</th>
                  <th scope="col">{t('col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id}>
                    <td>{a.displayName}</td>
                    <td>{a.login}</td>
                    <td>{[a.admin ? t('admin') : null, ...a.roles.map((r) => `${t(`role.${r.role}`)}, ${r.committee}`)].filter(Boolean).join(' · ') || t('noRoles')}</td>
                    <td>
                      {a.disabled ? t('disabled') : t('active')}{' '}
                      {a.id !== me.id && (
                        <Button variant="quiet" onPress={() => toggle.mutate(a)} aria-label={t(a.disabled ? 'enableNamed' : 'disableNamed', { name: a.displayName })}>
                          {t(a.disabled ? 'enable' : 'disable')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ErrorText error={toggle.error} />
            <div className="accounts-forms">
              <NewAccountForm />
              <RoleForm accounts={list} />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
