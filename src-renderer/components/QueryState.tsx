// Loading and errors shown in place, never a blank screen.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button } from './Button';

export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div className="state state-loading" role="status">
        {t('state.loading')}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="state state-error" role="alert">
        <p>{t('state.error', { message: query.error.message })}</p>
        <Button onPress={() => void query.refetch()}>{t('state.retry')}</Button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}

export function ErrorText({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}
