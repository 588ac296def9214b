// The meeting-day tab ("Mødeafvikling"): roll call, meeting mode (one item at a time), and the
// approval of the minutes with the lock, over one view of the meeting from the core.
import { useEffect, useState } from 'react';
import type { ItemFocus } from '../../../app/router';
import { FoundBanner } from '../agenda/FoundBanner';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { QueryState } from '../../../components/QueryState';
import type { MeetingDayView } from '../../../../src-shared/api/meetingday';
import { isLocked, useMeetingDayView } from './useMeetingDay';
import { RollCall } from './RollCall';
import { MeetingMode } from './MeetingMode';
import { Approvals } from './Approvals';
import { formatStamp } from './format';
import './meetingday.css';

type Part = 'rollcall' | 'mode' | 'approval';

export function MeetingDayTab({ meetingId, focus }: { meetingId: string; focus?: ItemFocus | undefined }) {
  const view = useMeetingDayView(meetingId);
  return <QueryState query={view}>{(v) => <MeetingDay view={v} focus={focus} />}</QueryState>;
}

function MeetingDay({ view, focus }: { view: MeetingDayView; focus?: ItemFocus | undefined }) {
  const { t } = useTranslation('meetingday');
  const recorded = view.seats.some((s) => s.status !== 'unrecorded');
  const [part, setPart] = useState<Part>(isLocked(view) ? 'approval' : recorded ? 'mode' : 'rollcall');
  const [itemIndex, setItemIndex] = useState(0);
  // A decision, vote or dissent found by a search: meeting mode, at that item.
  const found = focus ? view.items.findIndex((i) => i.id === focus.itemId) : -1;
  useEffect(() => {
    if (found < 0) return;
    setPart('mode');
    setItemIndex(found);
  }, [found, focus]);
  return (
    <div className="meetingday">
      <LockBanner view={view} />
      {focus && found >= 0 && found === itemIndex && <FoundBanner focus={focus} meetingId={view.meeting.id} tab="meetingday" />}
      <Tabs selectedKey={part} onSelectionChange={(k) => setPart(k as Part)}>
        <TabList aria-label={t('parts.label')} className="md-subtabs">
          <Tab id="rollcall" className="md-subtab">
            {t('parts.rollcall')}
          </Tab>
          <Tab id="mode" className="md-subtab">
            {t('parts.mode')}
          </Tab>
          <Tab id="approval" className="md-subtab">
            {t('parts.approval')}
          </Tab>
        </TabList>
        <TabPanel id="rollcall" className="md-panel">
          <RollCall view={view} />
        </TabPanel>
        <TabPanel id="mode" className="md-panel">
          <MeetingMode view={view} index={Math.min(itemIndex, Math.max(0, view.items.length - 1))} onIndex={setItemIndex} />
        </TabPanel>
        <TabPanel id="approval" className="md-panel">
          <Approvals view={view} />
        </TabPanel>
      </Tabs>
    </div>
  );
}

function LockBanner({ view }: { view: MeetingDayView }) {
  const { t, i18n } = useTranslation('meetingday');
  if (!view.meeting.lockedAt) return null;
  return (
    <div className="md-lock" role="status">
      <svg className="md-lock-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <rect x="4" y="10" width="16" height="11" rx="2" fill="currentColor" />
        <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <div>
        <strong>{t('lock.title')}</strong>
        <p>{t('lock.body', { at: formatStamp(view.meeting.lockedAt, i18n.language) })}</p>
        <p className="md-hash">{t('lock.hash', { hash: view.meeting.contentHash ?? '' })}</p>
        <p className="muted">{view.addenda.length > 0 ? t('lock.hashWithAddenda', { count: view.addenda.length }) : t('lock.hashWhy')}</p>
      </div>
    </div>
  );
}
