// Meeting mode: one item at a time, for taking minutes live. The decision field has the focus;
// Alt+1..9 apply the committee's phrases, Alt+PageDown / Alt+PageUp go to the next / previous
// item; attendance changes and the running list of who is absent sit beside the decision.
import { useTranslation } from 'react-i18next';
import { ListBox, ListBoxItem } from 'react-aria-components';
import { OUTCOME_LABEL_DA } from '../../../../src-shared/domain';
import type { MeetingDayView } from '../../../../src-shared/api/meetingday';
import { DecisionEditor } from './DecisionEditor';
import { VotesPanel } from './VotesPanel';
import { DissentPanel } from './DissentPanel';
import { ItemAttendance } from './ItemAttendance';
import { CarryPanel } from './CarryPanel';

export function MeetingMode({ view, index, onIndex }: { view: MeetingDayView; index: number; onIndex: (i: number) => void }) {
  const { t } = useTranslation('meetingday');
  const item = view.items[index];
  if (!item) return <p className="empty">{t('mode.noItems')}</p>;
  const go = (delta: number): void => onIndex(Math.max(0, Math.min(view.items.length - 1, index + delta)));
  return (
    <div className="md-mode">
      <nav className="md-itemlist" aria-label={t('mode.itemsNav')}>
        <ListBox
          aria-label={t('mode.items')}
          className="md-listbox"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[item.id]}
          onSelectionChange={(keys) => {
            const id = keys === 'all' ? null : [...keys][0];
            const i = view.items.findIndex((x) => x.id === id);
            if (i >= 0) onIndex(i);
          }}
          items={view.items}
        >
          {(i) => (
            <ListBoxItem id={i.id} className="md-listitem" textValue={`${i.number} ${i.title}`}>
              <span className="md-listnum">{i.number}.</span>
              <span className="md-listtitle">{i.title}</span>
              <span className="md-listdecision">{i.decision ? (i.decision.text ?? OUTCOME_LABEL_DA[i.decision.outcome]) : i.role === 'signature' ? '' : '—'}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </nav>
      <article className="md-item" aria-labelledby="md-item-title" key={item.id}>
        <header className="md-item-head">
          <p className="muted">{t('mode.position', { n: index + 1, of: view.items.length })}</p>
          <h2 id="md-item-title">{t('mode.itemTitle', { number: item.number, title: item.title })}</h2>
          {item.caseNumber && <p className="muted">{item.caseNumber}</p>}
          {item.postponedFrom && <p className="muted">{t('mode.carriedFrom', { number: item.postponedFrom.number })}</p>}
        </header>
        <div className="md-item-body">
          <div className="md-item-main">
            <DecisionEditor view={view} item={item} onNavigate={go} canPrev={index > 0} canNext={index < view.items.length - 1} />
            <VotesPanel view={view} item={item} />
            <DissentPanel view={view} item={item} />
            <CarryPanel view={view} item={item} />
          </div>
          <ItemAttendance view={view} item={item} />
        </div>
      </article>
    </div>
  );
}
