// The "Dokumenter" tab: choose the document (agenda, minutes, decision record) and whether it is
// the public version, see it as it will print (sandboxed preview), and export it as .docx or PDF,
// or the publication package for the website.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../../app/useAction';
import { Checkbox, Label, ProgressBar, Radio, RadioGroup } from 'react-aria-components';
import type { DocumentFormat, DocumentKind } from '../../../../src-shared/api/documents';
import { api } from '../../../api/client';
import { useMeeting } from '../../../app/queries';
import { Button } from '../../../components/Button';
import { ErrorText, QueryState } from '../../../components/QueryState';
import { useNoticeText } from '../../../i18n/notice';
import { downloadBase64 } from '../../../lib/files';
import './documents.css';

type Job = { type: 'export'; format: DocumentFormat; archive?: boolean } | { type: 'publication' };

export function DocumentsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('documents');
  const text = useNoticeText();
  const meeting = useMeeting(meetingId);
  const [chosenKind, setKind] = useState<DocumentKind | null>(null);
  const [isPublic, setPublic] = useState(false);
  const beforeMeeting = meeting.data?.status === 'planned' || meeting.data?.status === 'agenda-published';
  const kind: DocumentKind = chosenKind ?? (beforeMeeting ? 'agenda' : 'minutes');

  const preview = useQuery({
    queryKey: ['documents-preview', meetingId, kind, isPublic],
    queryFn: () => api.documents.preview({ meetingId, kind, public: isPublic }),
    enabled: meeting.isSuccess,
  });

  const qc = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const job = useAction({
    mutationFn: async (j: Job) => {
      if (j.type === 'publication') {
        const p = await api.documents.publication({ meetingId, kind });
        downloadBase64({ base64: p.base64, fileName: p.fileName, mime: 'application/zip' });
        return t('savedPublication', { name: p.fileName, count: p.files.length, missing: p.missing.length });
      }
      const r = await api.documents.export({ meetingId, kind, public: isPublic, format: j.format, archive: j.archive === true });
      downloadBase64(r);
      const saved = r.pageCount !== null ? t('savedPages', { name: r.fileName, count: r.pageCount }) : t('saved', { name: r.fileName });
      // Why the file is less than it could be (a .docx without page numbers: no browser found).
      return r.notice ? `${saved}. ${text(r.notice)}` : saved;
    },
    onMutate: () => setDone(null),
    onSuccess: (message) => {
      setDone(message);
      // The export measured the pages: the preview's table of contents can now show them.
      void qc.invalidateQueries({ queryKey: ['documents-preview', meetingId] });
    },
  });

  return (
    <div className="documents">
      <div className="documents-controls">
        <RadioGroup className="documents-kind" value={kind} onChange={(v) => setKind(v as DocumentKind)}>
          <Label>{t('kind')}</Label>
          {(['agenda', 'minutes', 'decisions'] as const).map((k) => (
            <Radio key={k} value={k} className="radio">
              {t(`kinds.${k}`)}
            </Radio>
          ))}
        </RadioGroup>
        <Checkbox className="checkbox" isSelected={isPublic} onChange={setPublic}>
          <span className="checkbox-box" aria-hidden="true">
            {isPublic ? '✓' : ''}
          </span>
          {t('public')}
        </Checkbox>
        <div className="documents-actions">
          <Button variant="primary" pending={job.isPending} onPress={() => job.mutate({ type: 'export', format: 'docx' })}>
            {t('exportDocx')}
          </Button>
          <Button variant="primary" pending={job.isPending} onPress={() => job.mutate({ type: 'export', format: 'pdf' })}>
            {t('exportPdf')}
          </Button>
          <Button pending={job.isPending} onPress={() => job.mutate({ type: 'export', format: 'pdf', archive: true })}>
            {t('exportArchive')}
          </Button>
          <Button pending={job.isPending} onPress={() => job.mutate({ type: 'publication' })}>
            {t('publication')}
          </Button>
        </div>
        {job.isPending && (
          <ProgressBar className="documents-progress" isIndeterminate aria-label={t('working')}>
            <span>{t('working')}</span>
            <span className="progress-track" aria-hidden="true">
              <span className="progress-fill" />
            </span>
          </ProgressBar>
        )}
        {done && (
          <p className="documents-done" role="status">
            {done}
          </p>
        )}
        <ErrorText error={job.error} />
      </div>
      <QueryState query={preview}>
        {(p) => <iframe className="documents-preview" title={t('previewOf', { title: p.title })} sandbox="" srcDoc={p.html} />}
      </QueryState>
    </div>
  );
}
