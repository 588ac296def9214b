// Organisation settings: the municipality's name and logo, printed in document headers; and the
// database's backups; the server the app works against, if any; and, for an administrator of a
// served archive, its accounts.
import { useTranslation } from 'react-i18next';
import { OrganisationForm } from './OrganisationForm';
import { BackupsPanel } from './BackupsPanel';
import { AccountsPanel } from './AccountsPanel';
import { ConnectionPanel } from './ConnectionPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('settings.title')}</h1>
      <OrganisationForm />
      <ConnectionPanel />
      <AccountsPanel />
      <BackupsPanel />
    </section>
  );
}
