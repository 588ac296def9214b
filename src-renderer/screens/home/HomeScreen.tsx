// The first screen. On a first run (no committee yet) it walks her through what documents need:
// the municipality's name and logo, then the first committee, made by hand or brought in from an
// exchange file or last year's meeting calendar. Afterwards it says where to go next.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommittees } from '../../app/queries';
import { href, navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { CreateCommitteeDialog } from '../committees/CreateCommitteeDialog';
import { OrganisationForm, useSettings } from '../settings/OrganisationForm';
import { ExchangeImport } from './ExchangeImport';
import './home.css';

export function HomeScreen() {
  const { t } = useTranslation();
  const committees = useCommittees();
  const settings = useSettings();
  const [creating, setCreating] = useState(false);
  if (committees.isPending) return <section className="screen" aria-busy="true" />;
  const firstRun = committees.data?.length === 0;
  const named = Boolean(settings.data?.name);

  const committeeButtons = (
    <div className="onboarding-actions">
      <Button variant="primary" onPress={() => setCreating(true)}>
        {t('home.createCommittee')}
      </Button>
      <ExchangeImport />
      <Button onPress={() => navigate({ view: 'calendar' })}>{t('home.importCalendar')}</Button>
    </div>
  );

  if (!firstRun) {
    return (
      <section className="screen">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        {!named && (
          <p className="notice">
            {t('home.noOrganisation')} <a href={href({ view: 'settings' })}>{t('home.toSettings')}</a>
          </p>
        )}
        <CreateCommitteeDialog isOpen={creating} onOpenChange={setCreating} />
      </section>
    );
  }

  return (
    <section className="screen onboarding">
      <header>
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.firstRun')}</p>
      </header>
      <ol className="onboarding-steps">
        <li className={`onboarding-step${named ? ' onboarding-done' : ''}`} aria-labelledby="step-organisation">
          <h2 id="step-organisation">
            <span className="onboarding-number" aria-hidden="true">
              {named ? '✓' : '1'}
            </span>
            {t('home.stepOrganisation')}
          </h2>
          <p className="muted">{t('home.stepOrganisationWhy')}</p>
          <OrganisationForm confirm={t('home.saveOrganisation')} />
        </li>
        <li className="onboarding-step" aria-labelledby="step-committee">
          <h2 id="step-committee">
            <span className="onboarding-number" aria-hidden="true">
              2
            </span>
            {t('home.stepCommittee')}
          </h2>
          <p className="muted">{t('home.stepCommitteeWhy')}</p>
          {committeeButtons}
        </li>
      </ol>
      <CreateCommitteeDialog isOpen={creating} onOpenChange={setCreating} />
    </section>
  );
}
