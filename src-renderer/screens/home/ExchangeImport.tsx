// Bring committees, members and meetings in from a referent/v1 exchange file (another municipality's
// Referent, or last year's export), then go to the first committee it brought.
import { useTranslation } from 'react-i18next';
import { FileTrigger } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { useAction } from '../../app/useAction';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/QueryState';

export function ExchangeImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const load = useAction({
    mutationFn: async (file: File) => {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new Error(t('home.notJson', { file: file.name }));
      }
      const report = await api.exchange.import({ document });
      return { report, committees: await api.committees.list({}) };
    },
    onSuccess: async ({ committees }) => {
      await qc.invalidateQueries({ queryKey: keys.committees });
      const first = committees[0];
      if (first) navigate({ view: 'committee', committeeId: first.id });
    },
  });
  return (
    <>
      <FileTrigger acceptedFileTypes={['.json', 'application/json']} onSelect={(files) => files?.[0] && load.mutate(files[0])}>
        <Button pending={load.isPending}>{t('home.importExchange')}</Button>
      </FileTrigger>
      <ErrorText error={load.error} />
    </>
  );
}
