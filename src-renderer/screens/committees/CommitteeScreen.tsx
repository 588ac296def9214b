// One committee: its meetings by year, its members, its house style (template) and settings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../src-shared/domain';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useCommittee } from '../../app/queries';
import { QueryState } from '../../components/QueryState';
import { Button } from '../../components/Button';
import { CreateMeetingDialog } from './CreateMeetingDialog';
import { PublishDialog } from './PublishDialog';
import { MeetingsPanel } from './MeetingsPanel';
import { MembersPanel } from './MembersPanel';
import { TemplatePanel } from './TemplatePanel';
import { GeneralPanel } from './GeneralPanel';
import { ProposalsInbox } from './ProposalsInbox';
import './committees.css';

export function CommitteeScreen({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('committees');
  const committee = useCommittee(committeeId);
  const [year, setYear] = useState(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [created, setCreated] = useState<MeetingSummary | null>(null);
  const [tab, setTab] = useState<string>('meetings');

  return (
    <QueryState query={committee}>
      {(c) => (
        <section className="screen">
          <header className="screen-header">
            <div>
              <h1>{c.name}</h1>
              <p className="muted">
                {c.shortName ? `${c.shortName} · ` : ''}
                {c.numbering === 'per-year' ? t('committee.numberingPerYear') : t('committee.numberingPerMeeting')}
              </p>
            </div>
            <div className="screen-actions">
              <Button onPress={() => setPublishing(true)}>{tc('publish.open')}</Button>
              <Button variant="primary" onPress={() => setCreating(true)}>
                + {t('meeting.new')}
              </Button>
            </div>
          </header>
          {publishing && <PublishDialog committee={c} year={year} onClose={() => setPublishing(false)} />}
          <ProposalsInbox committeeId={c.id} />
          <Tabs selectedKey={tab} onSelectionChange={(k) => setTab(String(k))}>
            <TabList aria-label={tc('tabs.label')} className="tabs">
              <Tab id="meetings" className="tab">
                {tc('tabs.meetings')}
              </Tab>
              <Tab id="members" className="tab">
                {tc('tabs.members')}
              </Tab>
              <Tab id="template" className="tab">
                {tc('tabs.template')}
              </Tab>
              <Tab id="general" className="tab">
                {tc('tabs.general')}
              </Tab>
            </TabList>
            <TabPanel id="meetings" className="tab-panel">
              <MeetingsPanel committee={c} year={year} onYear={setYear} created={created} onNew={() => setCreating(true)} />
            </TabPanel>
            <TabPanel id="members" className="tab-panel">
              <MembersPanel committee={c} />
            </TabPanel>
            <TabPanel id="template" className="tab-panel">
              <TemplatePanel key={c.id} committee={c} />
            </TabPanel>
            <TabPanel id="general" className="tab-panel">
              <GeneralPanel key={c.id} committee={c} />
            </TabPanel>
          </Tabs>
          <CreateMeetingDialog committee={c} isOpen={creating} onOpenChange={setCreating} onCreated={(m) => {
              setYear(Number(m.start.slice(0, 4)));
              setCreated(m);
              setTab('meetings');
            }}
          />
        </section>
      )}
    </QueryState>
  );
}
