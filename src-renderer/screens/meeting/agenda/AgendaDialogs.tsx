// Adding to the agenda: a new item (title and case number), or a copy of an item from an
// earlier meeting of the committee.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, ListBox, ListBoxItem } from 'react-aria-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../../app/useAction';
import type { Agenda, AgendaItemDetail } from '../../../../src-shared/api/agenda';
import { dateHeading } from '../../../lib/dates';
import { api } from '../../../api/client';
import { DialogActions } from '../../../components/DialogActions';
import { Dialog } from '../../../components/Dialog';
import { QueryState } from '../../../components/QueryState';
import { Select } from '../../../components/Select';
import { TextField } from '../../../components/TextField';
import { ItemSaver } from './autosave';
import { agendaKeys, putItem, refreshMeetings } from './queries';
import { useOtherMeetings } from './ItemActions';

type DialogProps = { agenda: Agenda; isOpen: boolean; onOpenChange: (open: boolean) => void; onAdded: (item: AgendaItemDetail) => void };

export function NewItemDialog({ agenda, isOpen, onOpenChange, onAdded }: DialogProps) {
  const { t } = useTranslation('agenda');
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const add = useAction({
    mutationFn: async () => {
      await ItemSaver.flushAll();
      return api.agenda.addItem({ meetingId: agenda.meeting.id, title, caseNumber: caseNumber || null });
    },
    // The dialog closes as soon as the core has the item; the lists catch up behind it (on a busy
    // machine the refetches took longer than the add itself, and the dialog seemed to hang).
    onSuccess: async (item) => {
      putItem(qc, item);
      setTitle('');
      setCaseNumber('');
      onOpenChange(false);
      onAdded(item);
      await Promise.all([qc.invalidateQueries({ queryKey: agendaKeys.agenda(agenda.meeting.id) }), refreshMeetings(qc)]);
    },
  });
  const published = agenda.meeting.status !== 'planned';
  return (
    <Dialog title={published ? t('new.titleSupplementary') : t('new.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        {published && <p className="notice">{t('new.supplementaryExplain')}</p>}
        <TextField label={t('editor.title')} value={title} onChange={setTitle} isRequired autoFocus />
        <TextField label={t('editor.caseNumber')} value={caseNumber} onChange={setCaseNumber} placeholder="26/4881" />
        <DialogActions error={add.error} onCancel={() => onOpenChange(false)} confirm={t('new.create')} pending={add.isPending} isDisabled={title.trim() === ''} />
      </Form>
    </Dialog>
  );
}

export function CopyItemDialog({ agenda, isOpen, onOpenChange, onAdded }: DialogProps) {
  const { t, i18n } = useTranslation('agenda');
  const qc = useQueryClient();
  const meetings = useOtherMeetings(agenda.meeting);
  const [source, setSource] = useState('');
  const [itemId, setItemId] = useState<string | null>(null);
  const sourceAgenda = useQuery({ queryKey: agendaKeys.agenda(source), queryFn: () => api.agenda.get({ meetingId: source }), enabled: source !== '' });
  const copy = useAction({
    mutationFn: async () => {
      await ItemSaver.flushAll();
      return api.agenda.copyItem({ itemId: itemId ?? '', meetingId: agenda.meeting.id });
    },
    onSuccess: async (item) => {
      putItem(qc, item);
      setItemId(null);
      onOpenChange(false);
      onAdded(item);
      await refreshMeetings(qc);
    },
  });
  return (
    <Dialog title={t('copy.title')} isOpen={isOpen} onOpenChange={onOpenChange} wide>
      <div className="form">
        <QueryState query={meetings}>
          {(list) => (
            <Select
              label={t('copy.from')}
              value={source}
              onChange={(v) => {
                setSource(v);
                setItemId(null);
              }}
              options={[...list].reverse().map((m) => ({ id: m.id, label: dateHeading(m.start, i18n.language) }))}
            />
          )}
        </QueryState>
        {source !== '' && (
          <QueryState query={sourceAgenda}>
            {(a) =>
              a.items.length === 0 ? (
                <p className="empty">{t('copy.noItems')}</p>
              ) : (
                <ListBox
                  aria-label={t('copy.items')}
                  className="listbox copy-list"
                  selectionMode="single"
                  selectedKeys={itemId ? [itemId] : []}
                  onSelectionChange={(keys) => setItemId(keys === 'all' ? null : ((Array.from(keys)[0] as string | undefined) ?? null))}
                  items={a.items}
                >
                  {(i) => (
                    <ListBoxItem id={i.id} className="listbox-item" textValue={`${i.number} ${i.title}`}>
                      <span className="agenda-number">{t('list.number', { number: i.number })}</span> {i.title}
                      {i.caseNumber && <span className="muted"> · {i.caseNumber}</span>}
                    </ListBoxItem>
                  )}
                </ListBox>
              )
            }
          </QueryState>
        )}
        <DialogActions error={copy.error} onCancel={() => onOpenChange(false)} confirm={t('copy.confirm')} onConfirm={() => copy.mutate()} pending={copy.isPending} isDisabled={!itemId} />
      </div>
    </Dialog>
  );
}
