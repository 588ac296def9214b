// All results of a search, narrowed by committee, year, outcome and open/closed; each hit opens
// the matched item itself. The query and the filters live in the address, so Back returns here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { ACCESS, OUTCOMES } from '../../../src-shared/domain';
import { shortDate } from '../../lib/dates';
import { href, navigate, type SearchFilters } from '../../app/router';
import { useCommittees } from '../../app/queries';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { hitRoute, useSearch } from './SearchPalette';
import { Snippet } from './Snippet';

const ALL = 'all';
const PAGE = 50;

function Filters({ query, filters }: { query: string; filters: SearchFilters }) {
  const { t } = useTranslation('search');
  const { t: tm } = useTranslation('meetingday');
  const committees = useCommittees();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
  const set = (patch: Partial<SearchFilters>): void => navigate({ view: 'search', query, filters: { ...filters, ...patch } });
  return (
    <div className="search-filters" role="group" aria-label={t('filters.label')}>
      <Select
        label={t('filters.committee')}
        value={filters.committeeId ?? ALL}
        onChange={(v) => set({ committeeId: v === ALL ? undefined : v })}
        options={[{ id: ALL, label: t('filters.allCommittees') }, ...(committees.data ?? []).map((c) => ({ id: c.id, label: c.shortName ?? c.name }))]}
      />
      <Select label={t('filters.year')} value={filters.year ? String(filters.year) : ALL} onChange={(v) => set({ year: v === ALL ? undefined : Number(v) })} options={[{ id: ALL, label: t('filters.allYears') }, ...years.map((y) => ({ id: String(y), label: String(y) }))]} />
      <Select
        label={t('filters.outcome')}
        value={filters.outcome ?? ALL}
        onChange={(v) => set({ outcome: OUTCOMES.find((o) => o === v) })}
        options={[{ id: ALL, label: t('filters.allOutcomes') }, ...OUTCOMES.map((o) => ({ id: o, label: tm(`outcome.${o}`) }))]}
      />
      <Select
        label={t('filters.access')}
        value={filters.access ?? ALL}
        onChange={(v) => set({ access: ACCESS.find((a) => a === v) })}
        options={[{ id: ALL, label: t('filters.allAccess') }, ...ACCESS.map((a) => ({ id: a, label: t(`filters.${a}`) }))]}
      />
    </div>
  );
}

export function SearchScreen({ query, filters = {} }: { query: string; filters?: SearchFilters | undefined }) {
  const { t, i18n } = useTranslation('search');
  const [limit, setLimit] = useState(PAGE);
  const { hits } = useSearch(query, limit, filters);
  return (
    <section className="screen">
      <h1>{t('title', { query })}</h1>
      <Filters query={query} filters={filters} />
      {query.trim().length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <QueryState query={hits}>
          {({ hits: list, total, more }) =>
            list.length === 0 ? (
              <p className="empty">{t('none', { query })}</p>
            ) : (
              <>
                <p className="muted">{more ? t('countMore', { count: total }) : t('count', { count: total })}</p>
                <ul className="search-results" aria-label={t('results', { count: total })}>
                  {list.map((h) => (
                    <li key={h.itemId} className="search-hit">
                      <Link href={href(hitRoute(h, query))} className="search-hit-title">
                        {t('item', { number: h.number, title: h.title })}
                      </Link>
                      <span className="muted">
                        {h.committee} · {shortDate(h.start.slice(0, 10), i18n.language)}
                        {h.caseNumber ? ` · ${h.caseNumber}` : ''}
                        {h.access === 'closed' ? ` · ${t('closed')}` : ''}
                        {` · ${t(`matchedIn.${h.matchedIn}`)}`}
                      </span>
                      <Snippet text={h.snippet} />
                    </li>
                  ))}
                </ul>
                {list.length < Math.min(total, 1000) && (
                  <Button className="search-more" onPress={() => setLimit(Math.min(200, limit + PAGE))} isDisabled={limit >= 200}>
                    {t('more')}
                  </Button>
                )}
              </>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
