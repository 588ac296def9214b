// One meeting: its header and the tabs where the agenda is composed, the meeting recorded and
// the documents made.
import { useTranslation } from 'react-i18next';
import { Link, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useMeeting } from '../../app/queries';
import { href, navigate, type ItemFocus, type MeetingTab } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { dateHeading } from '../../lib/dates';
import { AgendaTab } from './agenda/AgendaTab';
import { MeetingDayTab } from './meetingday/MeetingDayTab';
import { DocumentsTab } from './documents/DocumentsTab';
import { CheckoutBanner } from './CheckoutBanner';
import { HeldContext } from './held';
import { TakeOffline } from '../offline/TakeOffline';
import { useCheckoutStatus } from '../../api/offline';
import { useMayEdit } from '../accounts/AccountBox';

export function MeetingScreen({ meetingId, tab, focus }: { meetingId: string; tab: MeetingTab; focus?: ItemFocus | undefined }) {
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(meetingId);
  const held = useCheckoutStatus(meetingId);
  return (
    <QueryState query={meeting}>
      {(m) => (
        <section className="screen screen-meeting">
          <header className="screen-header">
            <div>
              <Link href={href({ view: 'committee', committeeId: m.committeeId })} className="back-link">
                ← {t('meeting.back', { committee: m.committeeName })}
              </Link>
              <h1>{dateHeading(m.start, i18n.language)}</h1>
              <p className="muted">
                {m.location ? `${m.location} · ` : ''}<span className={`badge badge-${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
              </p>
            </div>
            <OfflineAction meetingId={meetingId} committeeId={m.committeeId} possible={!m.locked && m.status !== 'cancelled' && held.isSuccess && held.data === null} />
          </header>
          <CheckoutBanner meetingId={meetingId} />
          <HeldContext.Provider value={held.data?.role === 'server'}>
          <Tabs className="meeting-tabs" selectedKey={tab} onSelectionChange={(k) => navigate({ view: 'meeting', meetingId, tab: k as MeetingTab })}>
            <TabList aria-label={t('meeting.tabs.label')} className="tabs">
              <Tab id="agenda" className="tab">
                {t('meeting.tabs.agenda')}
              </Tab>
              <Tab id="meetingday" className="tab">
                {t('meeting.tabs.meetingday')}
              </Tab>
              <Tab id="documents" className="tab">
                {t('meeting.tabs.documents')}
              </Tab>
            </TabList>
            <TabPanel id="agenda" className="tab-panel">
              <AgendaTab meetingId={meetingId} focus={focus} />
            </TabPanel>
            <TabPanel id="meetingday" className="tab-panel">
              <MeetingDayTab meetingId={meetingId} focus={focus} />
            </TabPanel>
            <TabPanel id="documents" className="tab-panel">
              <DocumentsTab meetingId={meetingId} />
            </TabPanel>
          </Tabs>
          </HeldContext.Provider>
        </section>
      )}
    </QueryState>
  );
}

/** "Tag med offline" where the meeting can be taken: not approved or cancelled, held by nobody, hers to edit. */
function OfflineAction({ meetingId, committeeId, possible }: { meetingId: string; committeeId: string; possible: boolean }) {
  const mayEdit = useMayEdit(committeeId);
  return <TakeOffline meetingId={meetingId} possible={possible && mayEdit} />;
}
