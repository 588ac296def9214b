// The window: navigation on the left (committees, calendar, settings), the chosen screen on the right.
import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import { I18nProvider, Input, Keyboard, Label, Link, SearchField } from 'react-aria-components';
import { href, useRoute, type Route } from './router';
import { useCommittees } from './queries';
import { QueryState } from '../components/QueryState';
import { Button } from '../components/Button';
import { Select } from '../components/Select';
import { BusyPrompt } from '../components/BusyPrompt';
import { setLanguage, storedLanguage, type Language } from '../i18n';
import { HomeScreen } from '../screens/home/HomeScreen';
import { CommitteeScreen } from '../screens/committees/CommitteeScreen';
import { CreateCommitteeDialog } from '../screens/committees/CreateCommitteeDialog';
import { MeetingScreen } from '../screens/meeting/MeetingScreen';
import { CalendarScreen } from '../screens/calendar/CalendarScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SearchScreen } from '../screens/search/SearchScreen';
import { SearchPalette, useSearchShortcut } from '../screens/search/SearchPalette';
import { AccountBox, useMe } from '../screens/accounts/AccountBox';
import { ArchiveBar } from '../screens/offline/ArchiveBar';

function Screen({ route }: { route: Route }) {
  switch (route.view) {
    case 'home':
      return <HomeScreen />;
    case 'committee':
      return <CommitteeScreen key={route.committeeId} committeeId={route.committeeId} />;
    case 'meeting':
      return <MeetingScreen key={route.meetingId} meetingId={route.meetingId} tab={route.tab} focus={route.focus} />;
    case 'calendar':
      return <CalendarScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'search':
      return <SearchScreen key={route.query} query={route.query} filters={route.filters} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('search');
  const route = useRoute();
  const committees = useCommittees();
  const me = useMe().data;
  const [creating, setCreating] = useState(false);
  const [lang, setLang] = useState<Language>(storedLanguage());
  const [search, setSearch] = useState<{ open: boolean; initial: string }>({ open: false, initial: '' });
  useSearchShortcut(useCallback(() => setSearch({ open: true, initial: '' }), []));
  const current = (r: Route): boolean => href(r) === href(route) || (r.view === 'committee' && route.view === 'committee' && r.committeeId === route.committeeId);

  return (
    // Date and time fields follow the UI's language, not the system's: dd.mm.åååå and 24-hour tt.mm in Danish.
    <I18nProvider locale={lang === 'en' ? 'en-GB' : 'da-DK'}>
    <div className="app">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        {/* What she types here continues in the search window, which shows results as she types. */}
        <SearchField className="nav-search" value="" onChange={(q) => q && setSearch({ open: true, initial: q })} onSubmit={() => setSearch({ open: true, initial: '' })}>
          <Label className="visually-hidden">{ts('field')}</Label>
          <Input placeholder={ts('placeholder')} />
          <Keyboard className="nav-search-key" aria-hidden="true">
            Ctrl K
          </Keyboard>
        </SearchField>
        <h2 className="sidebar-heading" id="nav-committees">
          {t('nav.committees')}
        </h2>
        <QueryState query={committees}>
          {(list) => (
            <ul className="nav-list" aria-labelledby="nav-committees">
              {list.map((c) => {
                const r: Route = { view: 'committee', committeeId: c.id };
                return (
                  <li key={c.id}>
                    <Link href={href(r)} className="nav-link" aria-current={current(r) ? 'page' : undefined}>
                      <span className="nav-link-name">{c.name}</span>
                      {c.shortName && <span className="nav-link-short">{c.shortName}</span>}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </QueryState>
        {/* Under `referent serve` only an administrator creates committees. */}
        {(!me || me.admin) && (
          <Button variant="quiet" className="nav-new" onPress={() => setCreating(true)}>
            + {t('nav.newCommittee')}
          </Button>
        )}
        <ul className="nav-list nav-bottom">
          <li>
            <Link href={href({ view: 'calendar' })} className="nav-link" aria-current={route.view === 'calendar' ? 'page' : undefined}>
              {t('nav.calendar')}
            </Link>
          </li>
          <li>
            <Link href={href({ view: 'settings' })} className="nav-link" aria-current={route.view === 'settings' ? 'page' : undefined}>
              {t('nav.settings')}
            </Link>
          </li>
        </ul>
        <AccountBox />
        <div className="nav-language">
          <Select
            label={t('nav.language')}
            value={lang}
            options={[
              { id: 'da', label: t('language.da') },
              { id: 'en', label: t('language.en') },
            ]}
            onChange={(v) => {
              const l = v === 'en' ? 'en' : 'da';
              setLang(l);
              setLanguage(l);
            }}
          />
        </div>
      </nav>
      <main className="main" id="main">
        <ArchiveBar />
        <Screen route={route} />
      </main>
      <CreateCommitteeDialog isOpen={creating} onOpenChange={setCreating} />
      <BusyPrompt />
      <SearchPalette isOpen={search.open} initial={search.initial} onOpenChange={(open) => setSearch({ open, initial: '' })} />
    </div>
    </I18nProvider>
  );
}
