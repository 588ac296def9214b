// One item of the agenda, edited in place: no save button, every change is stored within about
// a second (autosave.ts), and pending changes are written before another item is shown.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Switch } from 'react-aria-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgendaItemDetail } from '../../../../src-shared/api/agenda';
import type { MeetingHeader, PublicationProfile, ResolvedTemplate } from '../../../../src-shared/domain';
import { api } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import { ItemSaver, listenForPageExit } from './autosave';
import { applyPatch, draftOf, routeOf, sectionsOf, type Draft, type ItemPatch } from './draft';
import { agendaKeys, putItem } from './queries';
import { ItemSections } from './ItemSections';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ClosedItemPanel } from './ClosedItemPanel';
import { ItemActions } from './ItemActions';

type EditorProps = { meeting: MeetingHeader; template: ResolvedTemplate; publicationProfile: PublicationProfile; readOnly: boolean; number: number };

/** Memoised: a reorder of the list re-renders the list, not the open editor. */
export const ItemEditor = memo(function ItemEditor({ itemId, ...props }: EditorProps & { itemId: string }) {
  const qc = useQueryClient();
  const item = useQuery({ queryKey: agendaKeys.item(itemId), queryFn: () => api.agenda.getItem({ itemId }), staleTime: Infinity });
  // An edit refused because someone changed the item meanwhile: the sentence, shown over the item as reloaded.
  const [conflict, setConflict] = useState<{ itemId: string; message: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const onConflict = useCallback(
    (message: string) => {
      void (async () => {
        await Promise.all([qc.invalidateQueries({ queryKey: agendaKeys.item(itemId) }), qc.invalidateQueries({ queryKey: agendaKeys.agenda(props.meeting.id) })]);
        setConflict({ itemId, message });
        // A new editor on the reloaded item: the refused draft goes, the other's change shows.
        setGeneration((g) => g + 1);
      })();
    },
    [qc, itemId, props.meeting.id],
  );
  return (
    <QueryState query={item}>
      {(data) => (
        <>
          {conflict?.itemId === data.id && (
            <p className="item-conflict" role="alert">
              {conflict.message}
            </p>
          )}
          <LoadedItemEditor key={`${data.id}:${generation}`} item={data} onConflict={onConflict} {...props} />
        </>
      )}
    </QueryState>
  );
});

type SetField = <K extends keyof Draft>(key: K, value: Draft[K], field: keyof ItemPatch) => void;

/** The item's own fields. Memoised: typing in its text (the sections) does not re-render them. */
const ItemFields = memo(function ItemFields({ title, caseNumber, role, access, readOnly, set }: Pick<Draft, 'title' | 'caseNumber' | 'role' | 'access'> & { readOnly: boolean; set: SetField }) {
  const { t } = useTranslation('agenda');
  return (
    <div className="item-fields">
      <TextField label={t('editor.title')} value={title} onChange={(v) => set('title', v, 'title')} isReadOnly={readOnly} isRequired errorMessage={t('editor.titleRequired')} isInvalid={title.trim() === ''} />
      <div className="item-fields-row">
        <TextField label={t('editor.caseNumber')} value={caseNumber} onChange={(v) => set('caseNumber', v, 'caseNumber')} isReadOnly={readOnly} placeholder="26/4881" />
        <Select
          label={t('editor.role')}
          value={role ?? 'none'}
          isDisabled={readOnly}
          onChange={(v) => set('role', v === 'none' ? null : (v as Draft['role']), 'role')}
          options={[
            { id: 'none', label: t('role.none') },
            { id: 'agenda-approval', label: t('role.agenda-approval') },
            { id: 'mutual-information', label: t('role.mutual-information') },
            { id: 'signature', label: t('role.signature') },
          ]}
        />
        <Switch className="switch" isSelected={access === 'closed'} isReadOnly={readOnly} onChange={(closed) => set('access', closed ? 'closed' : 'open', 'access')}>
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          {t('editor.closed')}
        </Switch>
      </div>
    </div>
  );
});

function LoadedItemEditor({ item, meeting, template, publicationProfile, readOnly, number, onConflict }: EditorProps & { item: AgendaItemDetail; onConflict: (message: string) => void }) {
  const { t } = useTranslation('agenda');
  const qc = useQueryClient();
  const order = template.order;
  const [draft, setDraft] = useState<Draft>(() => {
    const unsaved = ItemSaver.unsaved<ItemPatch>(item.id);
    return unsaved ? applyPatch(draftOf(item), unsaved) : draftOf(item);
  });
  // The version this editor's text is based on: sent with each save, moved on by each stored one.
  const version = useRef(item.version);
  const saver = useMemo(
    () =>
      new ItemSaver<ItemPatch>(
        item.id,
        async (patch) => {
          const saved = await api.agenda.updateItem({ itemId: item.id, version: version.current, ...patch });
          version.current = saved.version;
          putItem(qc, saved);
        },
        undefined,
        onConflict,
      ),
    [item.id, qc, onConflict],
  );
  // The newest draft, also between a change and the render it causes: two changes in one tick (the
  // editors flushed before a save) both land, and the sections' callbacks can be made once.
  const draftRef = useRef(draft);
  draftRef.current = draft;

  useEffect(() => {
    listenForPageExit();
    saver.attach();
    // A change that an earlier page never got stored is written now.
    const unsaved = ItemSaver.unsaved<ItemPatch>(item.id);
    if (unsaved) saver.change(unsaved);
    return () => void saver.dispose();
  }, [saver, item.id]);

  /** Applies `change` to the newest draft; stable, so memoised parts (the toolbars, the route) skip a keystroke's render. */
  const update = useCallback(
    (change: (current: Draft) => Draft, fields: (keyof ItemPatch)[]): void => {
      const next = change(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      const patch: ItemPatch = {};
      for (const f of fields) {
        if (f === 'title' && next.title.trim() !== '') patch.title = next.title.trim();
        if (f === 'caseNumber') patch.caseNumber = next.caseNumber.trim() || null;
        if (f === 'access') patch.access = next.access;
        if (f === 'role') patch.role = next.role;
        if (f === 'sections') patch.sections = sectionsOf(next, order);
        if (f === 'route') patch.route = routeOf(next);
        if (f === 'publicTitle') patch.publicTitle = next.publicTitle.trim() || null;
        if (f === 'closedReason') patch.closedReason = next.closedReason;
        if (f === 'decisionPublic') patch.decisionPublic = next.decisionPublic;
      }
      saver.change(patch);
    },
    [saver, order],
  );
  const set: SetField = useCallback((key, value, field) => update((d) => ({ ...d, [key]: value }), [field]), [update]);

  return (
    <article className="item-editor" aria-label={t('editor.label', { number, title: draft.title })}>
      <header className="item-editor-header">
        <div className="item-editor-heading">
          <span className="item-number">{t('list.number', { number })}</span>
          {item.supplementary && <span className="tag tag-supplementary">{t('list.supplementary')}</span>}
          {draft.access === 'closed' && <span className="tag tag-closed">{t('list.closed')}</span>}
        </div>
        {!readOnly && <ItemActions item={item} meeting={meeting} title={draft.title} />}
      </header>
      <ItemFields title={draft.title} caseNumber={draft.caseNumber} role={draft.role} access={draft.access} readOnly={readOnly} set={set} />
      {draft.access === 'closed' && (
        <ClosedItemPanel itemId={item.id} draft={draft} profile={publicationProfile} hasDecision={item.publication.hasDecision} readOnly={readOnly} set={(key, value) => set(key, value, key)} />
      )}
      <ItemSections draft={draft} order={order} headings={template.headings} readOnly={readOnly} update={update} meetingStart={meeting.start} committeeName={meeting.committeeName} />
      <AttachmentsPanel item={item} readOnly={readOnly} />
    </article>
  );
}
