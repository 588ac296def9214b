// All results of a search, narrowed by committee, year, outcome and open/closed; each hit opens
// the matched item itself. The query and the filters live in the address, so Back returns here.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { SearchResult } from '../../../src-shared/api/search';
import { ACCESS, OUTCOMES } from '../../../src-shared/domain';
import { shortDate } from '../../lib/dates';
import { api } from '../../api/client';
import { href, navigate, type SearchFilters } from '../../app/router';
import { useCommittees } from '../../app/queries';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/QueryState';
import { Select } from '../../components/Select';
import { hitRoute } from './SearchPalette';
import { Snippet } from './Snippet';

const ALL = 'all';
const PAGE = 50;
/** The index counts hits up to this many (SEARCH_COUNT_CAP), and pages reach that far. */
const REACH = 1000;

/**
 * The list a page at a time: "Vis flere" asks for the next 50 only, so each page costs what the
 * first did, instead of asking again for all of them (100, 150, 200 …) and reading every hit anew.
 */
function useSearchPages(query: string, filters: SearchFilters) {
  const input = { query: query.trim(), ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) };
  return useInfiniteQuery({
    queryKey: ['search', 'pages', input],
    queryFn: ({ pageParam }) => api.search.items({ ...input, offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last: SearchResult, pages: SearchResult[]) => {
      const shown = pages.reduce((n, p) => n + p.hits.length, 0);
      return last.hits.length === PAGE && shown < Math.min(last.total, REACH) ? shown : undefined;
    },
    enabled: input.query.length > 0,
  });
}

/** The pages fetched so far as one list, with the count of the first page's answer. */
const joined = (data: InfiniteData<SearchResult>): SearchResult => ({ hits: data.pages.flatMap((p) => p.hits), total: data.pages[0]?.total ?? 0, more: data.pages[0]?.more ?? false });

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
  const pages = useSearchPages(query, filters);
  return (
    <section className="screen">
      <h1>{t('title', { query })}</h1>
      <Filters query={query} filters={filters} />
      {query.trim().length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <QueryState query={pages}>
          {(data) => {
            const { hits: list, total, more } = joined(data);
            return list.length === 0 ? (
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
                {pages.hasNextPage && (
                  <Button className="search-more" onPress={() => void pages.fetchNextPage()} isDisabled={pages.isFetchingNextPage}>
                    {t('more')}
                  </Button>
                )}
              </>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
