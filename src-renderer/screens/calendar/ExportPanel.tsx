// Export a year's calendar as .ics (calendars), .csv (Excel) or .docx (the bilag).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../app/useAction';
import { CALENDAR_EXPORT_FORMATS } from '../../../src-shared/api/calendar';
import { api } from '../../api/client';
import { useCommittees } from '../../app/queries';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { downloadBase64 } from '../../lib/files';

const ALL = 'all';

export function ExportPanel({ initialYear }: { initialYear: number }) {
  const { t } = useTranslation('calendar');
  const committees = useCommittees();
  const [year, setYear] = useState(initialYear);
  const [committee, setCommittee] = useState(ALL);
  const exportFile = useAction({
    mutationFn: (format: (typeof CALENDAR_EXPORT_FORMATS)[number]) => api.calendar.export({ format, year, ...(committee === ALL ? {} : { committeeId: committee }) }),
    onSuccess: downloadBase64,
  });
  const years = [initialYear - 2, initialYear - 1, initialYear, initialYear + 1, initialYear + 2];
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export.title')}</h2>
      <div className="toolbar toolbar-start">
        <Select label={t('export.year')} value={String(year)} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ id: String(y), label: String(y) }))} />
        <Select label={t('roll.committee')} value={committee} onChange={setCommittee} options={[{ id: ALL, label: t('roll.allCommittees') }, ...(committees.data ?? []).map((c) => ({ id: c.id, label: c.name }))]} />
        {CALENDAR_EXPORT_FORMATS.map((f) => (
          <Button key={f} onPress={() => exportFile.mutate(f)} pending={exportFile.isPending}>
            {t(`export.${f}`)}
          </Button>
        ))}
      </div>
      <ErrorText error={exportFile.error} />
      {exportFile.data && (
        <p role="status" className="success">
          {t('export.done', { file: exportFile.data.fileName })}
        </p>
      )}
    </section>
  );
}
