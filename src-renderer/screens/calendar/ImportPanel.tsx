// Import a calendar file: preview its rows and the committee each name matched, let the
// secretary confirm or change the mapping, then apply it all at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, FileTrigger } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction, useSetting } from '../../app/useAction';
import type { CalendarImportPreview } from '../../../src-shared/api/calendar';
import { api } from '../../api/client';
import { keys, refreshMeetings, useCommittees } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { shortDate } from '../../lib/dates';
import { fileToBase64 } from '../../lib/files';
import { useNoticeText } from '../../i18n/notice';

const SKIP = 'skip';
const NONE = 'none';
/** Create a committee of the name the file gives, then import its rows into it. */
const CREATE = 'create';

export function ImportPanel() {
  const { t, i18n } = useTranslation('calendar');
  const noticeText = useNoticeText();
  const qc = useQueryClient();
  const committees = useCommittees();
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [allDay, setAllDay] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});

  const preview = useSetting({
    mutationFn: (input: { fileName: string; base64: string; includeAllDay: boolean }) => api.calendar.previewImport(input),
    onSuccess: (p: CalendarImportPreview) => setMapping(Object.fromEntries(p.matches.map((m) => [m.source, m.committeeId ?? (m.by === 'skip' ? SKIP : NONE)]))),
  });
  const apply = useAction({
    mutationFn: async () => {
      const ids: Record<string, string | null> = {};
      for (const [source, id] of Object.entries(mapping)) {
        if (id === NONE) continue;
        if (id !== CREATE) {
          ids[source] = id === SKIP ? null : id;
          continue;
        }
        // A committee of that name made on an earlier try (the import itself then failed) is reused.
        const existing = (await api.committees.list({})).find((c) => c.name === source);
        ids[source] = existing ? existing.id : (await api.committees.create({ name: source, numbering: 'per-meeting' })).id;
      }
      return api.calendar.applyImport({ ...file!, includeAllDay: allDay, mapping: ids });
    },
    onSuccess: async () => {
      await Promise.all([refreshMeetings(qc), qc.invalidateQueries({ queryKey: ['calendar'] }), qc.invalidateQueries({ queryKey: keys.committees })]);
    },
  });

  const choose = async (files: FileList | null): Promise<void> => {
    const f = files?.[0];
    if (!f) return;
    const chosen = { fileName: f.name, base64: await fileToBase64(f) };
    setFile(chosen);
    apply.reset();
    preview.mutate({ ...chosen, includeAllDay: allDay });
  };
  const p = preview.data;
  const unmapped = p ? Object.values(mapping).filter((id) => id === NONE).length : 0;
  const options = [{ id: NONE, label: t('import.choose') }, { id: SKIP, label: t('import.skip') }, ...(committees.data ?? []).map((c) => ({ id: c.id, label: c.name }))];
  const toImport = p ? p.rows.filter((r) => (mapping[r.source] ?? NONE) !== SKIP && (mapping[r.source] ?? NONE) !== NONE).length : 0;

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <div className="toolbar toolbar-start">
        <FileTrigger acceptedFileTypes={['.ics', '.csv', '.xlsx', 'text/calendar', 'text/csv']} onSelect={(files) => void choose(files)}>
          <Button variant="primary">{t('import.chooseFile')}</Button>
        </FileTrigger>
        <Checkbox
          className="checkbox"
          isSelected={allDay}
          onChange={(v) => {
            setAllDay(v);
            if (file) preview.mutate({ ...file, includeAllDay: v });
          }}
        >
          <span className="checkbox-box" aria-hidden="true" />
          {t('import.allDay')}
        </Checkbox>
        {file && <span className="muted">{file.fileName}</span>}
      </div>
      <ErrorText error={preview.error} />
      {p && !apply.isSuccess && (
        <div className="import-preview">
          <p role="status">{t('import.summary', { rows: p.rows.length, add: p.counts.add, update: p.counts.update, unchanged: p.counts.unchanged })}</p>
          {p.problems.length > 0 && (
            <ul className="notes">
              {p.problems.map((x) => (
                <li key={x.message}>{noticeText(x)}</li>
              ))}
            </ul>
          )}
          <table className="data-table" aria-label={t('import.mappingTable')}>
            <thead>
              <tr>
                <th scope="col">{t('import.source')}</th>
                <th scope="col">{t('import.rows')}</th>
                <th scope="col">{t('import.committee')}</th>
              </tr>
            </thead>
            <tbody>
              {p.matches.map((m) => (
                <tr key={m.source} className={mapping[m.source] === NONE ? 'row-warn' : undefined}>
                  <td>{m.source}</td>
                  <td>{m.rows}</td>
                  <td>
                    <Select label={t('import.committeeFor', { source: m.source })} value={mapping[m.source] ?? NONE} options={m.committeeId ? options : [...options, { id: CREATE, label: t('import.create', { source: m.source }) }]} onChange={(id) => setMapping((x) => ({ ...x, [m.source]: id }))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>{t('import.showRows', { count: p.rows.length })}</summary>
            <table className="data-table" aria-label={t('import.rowsTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.source')}</th>
                  <th scope="col">{t('import.start')}</th>
                  <th scope="col">{t('import.location')}</th>
                  <th scope="col">{t('import.action')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={`${r.line}-${r.start}`}>
                    <td>{r.line}</td>
                    <td>{r.source}</td>
                    <td>{shortDate(r.start, i18n.language)}</td>
                    <td>{r.location ?? ''}</td>
                    <td>{t(`import.actions.${r.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <ErrorText error={apply.error} />
          <div className="form-actions form-actions-start">
            <Button variant="primary" pending={apply.isPending} isDisabled={unmapped > 0} onPress={() => apply.mutate()}>
              {t('import.apply', { count: toImport })}
            </Button>
            {unmapped > 0 && <span className="muted">{t('import.mapFirst', { count: unmapped })}</span>}
          </div>
        </div>
      )}
      {apply.data && (
        <>
          <p role="status" className="success">
            {t('import.done', { file: apply.data.fileName, added: apply.data.added, updated: apply.data.updated, unchanged: apply.data.unchanged })}
          </p>
          {apply.data.notes.length > 0 && (
            <ul className="notes">
              {apply.data.notes.map((x) => (
                <li key={x.message}>{noticeText(x)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
