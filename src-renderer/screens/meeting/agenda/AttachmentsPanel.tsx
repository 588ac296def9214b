// An item's attachments (bilag): add by file dialog or by dropping files, title and open/closed
// edited in place, reorder, open (in its own program, or as a download) and remove.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DropZone, FileTrigger, Switch } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../../app/useAction';
import type { AgendaItemDetail, AttachmentDto } from '../../../../src-shared/api/agenda';
import { api } from '../../../api/client';
import { Button } from '../../../components/Button';
import { ErrorText } from '../../../components/QueryState';
import { TextField } from '../../../components/TextField';
import { ItemSaver } from './autosave';
import { putItem } from './queries';
import { downloadBase64, fileToBase64 } from '../../../lib/files';

/** In its own program where the shell can (the desktop app); otherwise as a download. */
export async function openAttachment(id: string): Promise<void> {
  const { opened } = await api.agenda.openAttachment({ attachmentId: id });
  if (!opened) downloadBase64(await api.agenda.readAttachment({ attachmentId: id }));
}

const formatSize = (n: number | null): string => (n === null ? '' : n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

function AttachmentRow({ a, index, count, readOnly, onMove, onRemove }: { a: AttachmentDto; index: number; count: number; readOnly: boolean; onMove: (delta: number) => void; onRemove: () => void }) {
  const { t } = useTranslation('agenda');
  const [title, setTitle] = useState(a.title);
  const [closed, setClosed] = useState(a.access === 'closed');
  const [error, setError] = useState<Error | null>(null);
  const saver = useMemo(
    () =>
      new ItemSaver<{ title?: string; access?: 'open' | 'closed' }>(`attachment:${a.id}`, async (patch) => {
        try {
          await api.agenda.updateAttachment({ attachmentId: a.id, ...patch });
          setError(null);
        } catch (e) {
          setError(e as Error);
          throw e;
        }
      }),
    [a.id],
  );
  useEffect(() => {
    saver.attach();
    return () => void saver.dispose();
  }, [saver]);
  return (
    <li className="attachment">
      <span className="attachment-index" aria-hidden="true">
        {index + 1}
      </span>
      <div className="attachment-main">
        <TextField
          label={t('attachments.title', { n: index + 1 })}
          value={title}
          isReadOnly={readOnly}
          onChange={(v) => {
            setTitle(v);
            if (v.trim()) saver.change({ title: v.trim() });
          }}
        />
        {/* The real file name beside the title: a title may say "(PDF)" of any file. */}
        <span className="muted attachment-file" title={a.fileName ?? undefined}>
          {a.fileName ? t('attachments.file', { name: a.fileName }) : t('attachments.noFile')} {formatSize(a.size)}
        </span>
        {!a.openable && (
          <span className="attachment-blocked" role="note">
            {t('attachments.blocked')}
          </span>
        )}
        <ErrorText error={error} />
      </div>
      <Switch
        className="switch"
        aria-label={t('attachments.closed', { title })}
        isSelected={closed}
        isReadOnly={readOnly}
        onChange={(v) => {
          setClosed(v);
          saver.change({ access: v ? 'closed' : 'open' });
        }}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {t('attachments.closedShort')}
      </Switch>
      <div className="attachment-actions">
        <Button variant="quiet" isDisabled={!a.sha256} onPress={() => void openAttachment(a.id).catch((e: unknown) => setError(e as Error))} aria-label={t('attachments.open', { title })}>
          {t('attachments.openShort')}
        </Button>
        {!readOnly && (
          <>
            <Button variant="quiet" isDisabled={index === 0} onPress={() => onMove(-1)} aria-label={t('attachments.up', { title })}>
              ↑
            </Button>
            <Button variant="quiet" isDisabled={index === count - 1} onPress={() => onMove(1)} aria-label={t('attachments.down', { title })}>
              ↓
            </Button>
            <Button variant="quiet" onPress={onRemove} aria-label={t('attachments.remove', { title })}>
              ✕
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

/** Memoised: typing in the item's text does not re-render it (its props change only with the item). */
export const AttachmentsPanel = memo(function AttachmentsPanel({ item, readOnly }: { item: AgendaItemDetail; readOnly: boolean }) {
  const { t } = useTranslation('agenda');
  const qc = useQueryClient();
  const add = useAction({
    mutationFn: async (files: File[]) => {
      for (const file of files) await api.agenda.addAttachment({ itemId: item.id, fileName: file.name, base64: await fileToBase64(file) });
      return api.agenda.getItem({ itemId: item.id });
    },
    onSuccess: (d) => putItem(qc, d),
  });
  const change = useAction({
    mutationFn: (op: () => Promise<AgendaItemDetail>) => op(),
    onSuccess: (d) => putItem(qc, d),
  });
  const ids = item.attachments.map((a) => a.id);
  const move = (i: number, delta: number): void => {
    const next = [...ids];
    const [x] = next.splice(i, 1);
    next.splice(i + delta, 0, x!);
    change.mutate(() => api.agenda.reorderAttachments({ itemId: item.id, attachmentIds: next }));
  };
  const addFiles = (files: File[]): void => {
    if (files.length > 0) add.mutate(files);
  };
  // Files dragged from some programs (a mail's attachment, say) have no file-system entry, which
  // react-aria's drop reader skips; the native event still carries them.
  const nativeDrop = useRef<File[]>([]);

  return (
    <section className="item-section attachments" aria-labelledby={`att-${item.id}`}>
      <h3 className="section-heading" id={`att-${item.id}`}>
        {t('attachments.heading')}
      </h3>
      {item.attachments.length > 0 && (
        <ol className="attachment-list">
          {item.attachments.map((a, i) => (
            <AttachmentRow key={a.id} a={a} index={i} count={item.attachments.length} readOnly={readOnly} onMove={(d) => move(i, d)} onRemove={() => change.mutate(() => api.agenda.removeAttachment({ attachmentId: a.id }))} />
          ))}
        </ol>
      )}
      {!readOnly && (
        <div className="dropzone-frame" onDropCapture={(e) => (nativeDrop.current = Array.from(e.dataTransfer.files))}>
        <DropZone
          className="dropzone"
          aria-label={t('attachments.dropzone')}
          onDrop={async (e) => {
            const files: File[] = [];
            for (const it of e.items) if (it.kind === 'file') files.push(await it.getFile());
            addFiles(files.length > 0 ? files : nativeDrop.current);
          }}
        >
          <span className="muted">{add.isPending ? t('attachments.adding') : t('attachments.dropHint')}</span>
          <FileTrigger allowsMultiple onSelect={(list) => addFiles(list ? Array.from(list) : [])}>
            <Button>{t('attachments.add')}</Button>
          </FileTrigger>
        </DropZone>
        </div>
      )}
      <ErrorText error={add.error ?? change.error} />
    </section>
  );
});
