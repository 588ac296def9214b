// Search results: every item whose title, case number or text matches, newest meeting first in rank.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { href } from '../../app/router';
import { Snippet, snippetMarks } from './Snippet';
import { QueryState } from '../../components/QueryState';
import { formatShortDa } from '../../../src-shared/dates';


export function SearchScreen({ query }: { query: string }) {
  const { t } = useTranslation('search');
  const hits = useQuery({ queryKey: ['search', query], queryFn: () => api.search.items({ query }), enabled: query.trim().length > 0 });
  return (
    <section className="screen">
      <h1>{t('title', { query })}</h1>
      {query.trim().length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <QueryState query={hits}>
          {({ hits: list, total }) =>
            list.length === 0 ? (
              <p className="empty">{t('none', { query })}</p>
            ) : (
              <ul className="search-results" aria-label={t('results', { count: total })}>
                {list.map((h) => (
                  <li key={h.itemId} className="search-hit">
                    <Link href={href({ view: 'meeting', meetingId: h.meetingId, tab: 'agenda', focus: { itemId: h.itemId, find: query, marks: snippetMarks(h.snippet) } })} className="search-hit-title">
                      {t('item', { number: h.number, title: h.title })}
                    </Link>
                    <span className="muted">
                      {h.committee} · {formatShortDa(h.start)}
                      {h.caseNumber ? ` · ${h.caseNumber}` : ''}
                      {h.access === 'closed' ? ` · ${t('closed')}` : ''}
                    </span>
                    <Snippet text={h.snippet} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
