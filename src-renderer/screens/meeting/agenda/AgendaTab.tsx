// The "Dagsorden" tab: the agenda's items in order on the left (live numbers, drag and drop,
// keyboard reordering), the chosen item's editor on the right.
import { useMayEdit } from '../../accounts/AccountBox';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSetting } from '../../../app/useAction';
import { numberInOrder, type Agenda } from '../../../../src-shared/api/agenda';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorText, QueryState } from '../../../components/QueryState';
import { ItemSaver, replayUnsaved, trackSave } from './autosave';
import { ItemList } from './ItemList';
import { ItemEditor } from './ItemEditor';
import { CopyItemDialog, NewItemDialog } from './AgendaDialogs';
import { SaveIndicator, StatusControl } from './AgendaStatus';
import { agendaKeys } from './queries';
import { FoundBanner, NO_TERMS, searchTerms } from './FoundBanner';
import { ProposalsPanel } from './ProposalsPanel';
import { SourceChangeNotice, SourceChangesList } from './SourceChanges';
import { SearchTermsContext } from '../../../editor/search-terms';
import type { ItemFocus } from '../../../app/router';
import './agenda.css';
import { useHeld } from '../held';

/** Unconfirmed edits of an earlier page go to the core before anything is shown from it. */
const replay = (): Promise<void> =>
  replayUnsaved((key, patch) =>
    key.startsWith('attachment:') ? api.agenda.updateAttachment({ attachmentId: key.slice('attachment:'.length), ...patch }) : api.agenda.updateItem({ itemId: key, ...patch }),
  );

export function AgendaTab({ meetingId, focus }: { meetingId: string; focus?: ItemFocus | undefined }) {
  const agenda = useQuery({
    queryKey: agendaKeys.agenda(meetingId),
    queryFn: async () => {
      await replay();
      return api.agenda.get({ meetingId });
    },
  });
  return <QueryState query={agenda}>{(a) => <AgendaEditor agenda={a} focus={focus} />}</QueryState>;
}

const selectedKey = (meetingId: string): string => `referent.agenda.selected.${meetingId}`;

function AgendaEditor({ agenda, focus }: { agenda: Agenda; focus?: ItemFocus | undefined }) {
  const { t } = useTranslation('agenda');
  const qc = useQueryClient();
  const meetingId = agenda.meeting.id;
  const [selected, setSelected] = useState<string | null>(() => sessionStorage.getItem(selectedKey(meetingId)));
  const [dialog, setDialog] = useState<'new' | 'copy' | null>(null);
  // On a narrow window the item list is a drawer over the editor (agenda.css decides when).
  const [drawer, setDrawer] = useState(false);
  const [unlocked, setUnlocked] = useState(false);
  const status = agenda.meeting.status;
  const published = status === 'agenda-published' || status === 'held' || status === 'minutes-approved';
  const locked = agenda.meeting.locked;
  // A reader or member of the committee (`referent serve`) sees the agenda as it is; the core would refuse her edits anyway.
  // Held offline by someone: read here until it is handed in (the banner above the tabs says who).
  const held = useHeld();
  const mayEdit = useMayEdit(agenda.meeting.committeeId) && !held;
  const editable = mayEdit && !locked && status !== 'cancelled' && (!published || unlocked);
  // A supplementary item is how a published agenda grows: it needs no "edit anyway" first.
  const canAdd = mayEdit && !locked && status !== 'cancelled';
  const whyNot = locked ? t('toolbar.whyLocked') : status === 'cancelled' ? t('toolbar.whyCancelled') : held ? t('toolbar.whyHeld') : null;

  // An item opened from a search is selected, once per search.
  useEffect(() => {
    if (focus?.itemId) setSelected(focus.itemId);
  }, [focus?.itemId]);
  const current = agenda.items.find((i) => i.id === selected) ?? agenda.items[0] ?? null;
  const found = focus && current?.id === focus.itemId ? focus : null;
  useEffect(() => {
    if (current) sessionStorage.setItem(selectedKey(meetingId), current.id);
  }, [current, meetingId]);
  const numbers = useMemo(() => numberInOrder(agenda.firstNumber, agenda.items.map((i) => ({ number: i.numberFrozen ? i.number : null }))), [agenda]);
  const currentNumber = current ? (numbers[agenda.items.indexOf(current)] ?? current.number) : 0;

  const reorder = useSetting({
    mutationFn: (ids: string[]) => trackSave(() => api.agenda.reorder({ meetingId, itemIds: ids })),
    onMutate: (ids) => {
      // Numbers follow the new order at once; the core's answer confirms them.
      const byId = new Map(agenda.items.map((i) => [i.id, i]));
      qc.setQueryData<Agenda>(agendaKeys.agenda(meetingId), (a) => (a ? { ...a, items: ids.map((id, position) => ({ ...byId.get(id)!, position })) } : a));
    },
    onSuccess: (a) => qc.setQueryData(agendaKeys.agenda(meetingId), a),
    onError: () => void qc.invalidateQueries({ queryKey: agendaKeys.agenda(meetingId) }),
  });

  const select = useCallback((id: string): void => {
    void ItemSaver.flushAll();
    setSelected(id);
    setDrawer(false);
  }, []);
  const { mutate: reorderTo } = reorder;
  // Adding to a published agenda is itself the choice to change it: the new item opens editable.
  const added = (item: { id: string } | string): void => {
    setSelected(typeof item === 'string' ? item : item.id);
    if (published) setUnlocked(true);
  };

  return (
    <div className="agenda">
      <div className="agenda-toolbar">
        <div className="agenda-toolbar-start">
          <Button variant="primary" isDisabled={!canAdd} aria-describedby={whyNot ? 'agenda-why-not' : undefined} onPress={() => setDialog('new')}>
            + {published ? t('toolbar.newSupplementary') : t('toolbar.new')}
          </Button>
          <Button isDisabled={!canAdd} aria-describedby={whyNot ? 'agenda-why-not' : undefined} onPress={() => setDialog('copy')}>
            {t('toolbar.copy')}
          </Button>
          {whyNot && (
            <span className="muted agenda-why-not" id="agenda-why-not">
              {whyNot}
            </span>
          )}
        </div>
        <div className="agenda-toolbar-end">
          <SaveIndicator />
          <StatusControl agenda={agenda} />
        </div>
      </div>
      {locked && <p className="banner">{t('banner.locked')}</p>}
      {!locked && !held && published && !unlocked && (
        <div className="banner banner-published">
          <p>{t('banner.published')}</p>
          <Button onPress={() => setUnlocked(true)}>{t('banner.editAnyway')}</Button>
        </div>
      )}
      {status === 'cancelled' && <p className="banner">{t('banner.cancelled')}</p>}
      {canAdd && <ProposalsPanel agenda={agenda} onAccepted={added} />}
      <SourceChangesList agenda={agenda} onSelect={select} />
      <ErrorText error={reorder.error} />
      {agenda.items.length === 0 ? (
        <div className="empty empty-action">
          <p>{t('empty')}</p>
          {canAdd && (
            <Button variant="primary" onPress={() => setDialog('new')}>
              + {t('toolbar.first')}
            </Button>
          )}
        </div>
      ) : (
        <div className={`agenda-body${drawer ? ' drawer-open' : ''}`}>
          <Button className="agenda-drawer-toggle" aria-expanded={drawer} aria-controls="agenda-list-panel" onPress={() => setDrawer(!drawer)}>
            {t('list.drawer', { count: agenda.items.length, number: currentNumber })}
          </Button>
          {drawer && <div className="agenda-drawer-scrim" aria-hidden="true" onClick={() => setDrawer(false)} />}
          <nav
            className="agenda-list-panel"
            id="agenda-list-panel"
            aria-label={t('list.panel')}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && drawer) setDrawer(false);
            }}
          >
            <ItemList items={agenda.items} firstNumber={agenda.firstNumber} selectedId={current?.id ?? null} canMove={editable} onSelect={select} onReorder={reorderTo} />
            <p className="muted agenda-hint">{editable ? t('list.hint') : ''}</p>
          </nav>
          <div className="agenda-editor-panel">
            {found && <FoundBanner focus={found} meetingId={meetingId} />}
            {current && <SourceChangeNotice key={current.id} agenda={agenda} itemId={current.id} canAnswer={canAdd} whyNot={whyNot} />}
            <SearchTermsContext.Provider value={found ? searchTerms(found) : NO_TERMS}>
              {current && <ItemEditor key={current.id} itemId={current.id} meeting={agenda.meeting} template={agenda.template} publicationProfile={agenda.publicationProfile} readOnly={!editable} number={currentNumber} />}
            </SearchTermsContext.Provider>
          </div>
        </div>
      )}
      <NewItemDialog agenda={agenda} isOpen={dialog === 'new'} onOpenChange={(o) => setDialog(o ? 'new' : null)} onAdded={added} />
      <CopyItemDialog agenda={agenda} isOpen={dialog === 'copy'} onOpenChange={(o) => setDialog(o ? 'copy' : null)} onAdded={added} />
    </div>
  );
}
