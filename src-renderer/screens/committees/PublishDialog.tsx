// "Publicér" (issue 13 §4): a committee's year as its website folder. The dialog says which
// meetings the site will carry, shows a meeting's public page as it will look, and then writes the
// folder (the desktop app; the folder is remembered per committee on this machine, as a path means
// nothing on another) or hands over a .zip (the browser version, whose server must not write where
// a page asks); afterwards it lists what was written, left unchanged and removed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { PublishResult } from '../../../src-shared/api/publish';
import type { Committee, MeetingSummary } from '../../../src-shared/domain';
import { api } from '../../api/client';
import { folderDialog } from '../../api/desktop';
import { keys } from '../../app/queries';
import { useAction } from '../../app/useAction';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorText, QueryState } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { TextField } from '../../components/TextField';
import { dateText } from '../../lib/dates';
import { downloadBase64 } from '../../lib/files';

const folderKey = (committeeId: string): string => `referent.publish.folder.${committeeId}`;

function rememberedFolder(committeeId: string): string {
  try {
    return localStorage.getItem(folderKey(committeeId)) ?? '';
  } catch {
    return '';
  }
}

/** A meeting gets pages once its agenda is out; planned and cancelled ones are only in the mødeplan. */
const hasPages = (m: MeetingSummary): boolean => m.status === 'agenda-published' || m.status === 'held' || m.status === 'minutes-approved';

function FileList({ label, files }: { label: string; files: string[] }) {
  if (files.length === 0) return null;
  return (
    <details className="publish-files">
      <summary>{label}</summary>
      <ul>
        {files.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

function FolderResult({ result }: { result: PublishResult }) {
  const { t } = useTranslation('committees');
  return (
    <div className="success" role="status">
      <p>{t('publish.doneFolder', { folder: result.folder, written: result.written.length, unchanged: result.unchanged.length, removed: result.removed.length })}</p>
      {result.missing.length > 0 && <p>{t('publish.missing', { count: result.missing.length })}</p>}
      <FileList label={t('publish.writtenFiles', { count: result.written.length })} files={result.written} />
      <FileList label={t('publish.removedFiles', { count: result.removed.length })} files={result.removed} />
    </div>
  );
}

export function PublishDialog({ committee, year, onClose }: { committee: Committee; year: number; onClose: () => void }) {
  const { t, i18n } = useTranslation('committees');
  const info = useQuery({ queryKey: ['system.info'], queryFn: () => api.system.info({}), staleTime: Infinity });
  const meetings = useQuery({ queryKey: keys.meetings(committee.id, year), queryFn: () => api.meetings.list({ committeeId: committee.id, year }) });
  const withPages = (meetings.data ?? []).filter(hasPages);
  const [chosen, setChosen] = useState<string | null>(null);
  const previewId = chosen ?? withPages.at(-1)?.id ?? null;
  const preview = useQuery({ queryKey: ['publish.preview', previewId], queryFn: () => api.publish.preview({ meetingId: previewId! }), enabled: previewId !== null });
  const [folder, setFolder] = useState(() => rememberedFolder(committee.id));
  // The system's folder dialog, in the desktop app only; a typed path works everywhere it writes.
  const [chooseFolder] = useState(folderDialog);
  const pick = useAction({
    mutationFn: () => chooseFolder!({ title: t('publish.chooseFolderTitle', { committee: committee.name }), ...(folder.trim() ? { defaultPath: folder.trim() } : {}) }),
    onSuccess: (chosen) => {
      if (chosen !== null) setFolder(chosen);
    },
  });
  const toFolder = useAction({
    mutationFn: () => api.publish.toFolder({ committeeId: committee.id, year, folder: folder.trim() }),
    onSuccess: (r) => {
      try {
        localStorage.setItem(folderKey(committee.id), r.folder);
      } catch {
        // Not remembered: she types it again next time.
      }
    },
  });
  const zip = useAction({
    mutationFn: () => api.publish.zip({ committeeId: committee.id, year }),
    onSuccess: (z) => downloadBase64({ base64: z.base64, fileName: z.fileName, mime: 'application/zip' }),
  });
  const web = info.data?.shell === 'web';
  const all = meetings.data?.filter((m) => m.status !== 'cancelled').length ?? 0;

  return (
    <Dialog title={t('publish.title', { committee: committee.name, year })} isOpen onOpenChange={(o) => !o && onClose()} wide>
      <div className="form publish-dialog">
        <QueryState query={meetings}>
          {() => (
            <>
              <p>{t('publish.contents', { count: withPages.length, year, plan: t('publish.plan', { count: all }) })}</p>
              {withPages.length > 0 && previewId && (
                <div className="publish-preview">
                  <Select
                    label={t('publish.previewOf')}
                    value={previewId}
                    onChange={setChosen}
                    options={withPages.map((m) => ({ id: m.id, label: `${dateText(m.start, i18n.language)} (${t(`publish.kind.${m.status === 'minutes-approved' ? 'minutes' : 'agenda'}`)})` }))}
                  />
                  <QueryState query={preview}>
                    {(p) => <iframe className="publish-preview-frame" title={t('publish.previewFrame')} sandbox="" srcDoc={p.html} />}
                  </QueryState>
                  <p className="muted">{t('publish.previewNote')}</p>
                </div>
              )}
            </>
          )}
        </QueryState>
        {info.data &&
          (web ? (
            <>
              <p className="muted">{t('publish.zipNote')}</p>
              <ErrorText error={zip.error} />
              {zip.data && (
                <p className="success" role="status">
                  {t('publish.doneZip', { file: zip.data.fileName, count: zip.data.files.length })}
                  {zip.data.missing.length > 0 ? ` ${t('publish.missing', { count: zip.data.missing.length })}` : ''}
                </p>
              )}
              <div className="form-actions">
                <Button variant="quiet" onPress={onClose}>
                  {t('publish.close')}
                </Button>
                <Button variant="primary" pending={zip.isPending} onPress={() => zip.mutate()}>
                  {t('publish.zip')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <div className="publish-folder">
                <TextField label={t('publish.folder')} description={t('publish.folderHelp')} value={folder} onChange={setFolder} placeholder="C:\\Hjemmeside\\udvalg" />
                {chooseFolder && (
                  <Button pending={pick.isPending} onPress={() => pick.mutate()}>
                    {t('publish.chooseFolder')}
                  </Button>
                )}
              </div>
              <ErrorText error={pick.error ?? toFolder.error} />
              {toFolder.data && <FolderResult result={toFolder.data} />}
              <div className="form-actions">
                <Button variant="quiet" onPress={onClose}>
                  {t('publish.close')}
                </Button>
                <Button variant="primary" pending={toFolder.isPending} isDisabled={folder.trim() === ''} onPress={() => toFolder.mutate()}>
                  {t('publish.toFolder')}
                </Button>
              </div>
            </>
          ))}
      </div>
    </Dialog>
  );
}
