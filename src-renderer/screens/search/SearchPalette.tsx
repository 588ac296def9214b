// Search from anywhere (Ctrl+K, or the field in the sidebar): results as she types, and Enter or a
// click opens the matched item itself, with the words marked, not the meeting's first item.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Autocomplete, Input, ListBox, ListBoxItem, SearchField } from 'react-aria-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchHit } from '../../../src-shared/api/search';
import { shortDate } from '../../lib/dates';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { Button } from '../../components/Button';
import { Snippet, snippetMarks } from './Snippet';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const DEBOUNCE_MS = 180;

export function useDebounced<T>(value: T, ms = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Where a hit is seen: a decision, its votes and dissents in meeting mode; everything else on the agenda. */
const tabOf = (hit: SearchHit): 'agenda' | 'meetingday' => (hit.matchedIn === 'decision' || hit.matchedIn === 'votes' || hit.matchedIn === 'dissent' ? 'meetingday' : 'agenda');

/** The route of the item a search found, with what matched marked in its text. */
export const hitRoute = (hit: SearchHit, query: string) =>
  ({ view: 'meeting', meetingId: hit.meetingId, tab: tabOf(hit), focus: { itemId: hit.itemId, find: query, marks: snippetMarks(hit.snippet) } }) as const;

export function openHit(hit: SearchHit, query: string): void {
  navigate(hitRoute(hit, query));
}

/** The palette's hits: the first `limit` for the query once typing pauses (filters belong to the search screen). */
function useSearch(query: string, limit: number) {
  const settled = useDebounced(query.trim());
  const input = { query: settled, limit };
  return {
    settled,
    hits: useQuery({ queryKey: ['search', input], queryFn: () => api.search.items(input), enabled: settled.length > 0, placeholderData: keepPreviousData }),
  };
}

export function SearchPalette({ isOpen, onOpenChange, initial = '' }: { isOpen: boolean; onOpenChange: (open: boolean) => void; initial?: string }) {
  const { t, i18n } = useTranslation('search');
  const [query, setQuery] = useState(initial);
  useEffect(() => {
    if (isOpen) setQuery(initial);
  }, [isOpen, initial]);
  const { settled, hits } = useSearch(query, 20);
  const list = settled && query.trim() ? (hits.data?.hits ?? []) : [];
  const open = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    onOpenChange(false);
    openHit(hit, settled);
  };
  return (
    <Dialog title={t('palette.title')} isOpen={isOpen} onOpenChange={onOpenChange} wide>
      <div className="palette">
        <Autocomplete inputValue={query} onInputChange={setQuery}>
          <SearchField aria-label={t('field')} className="palette-field" autoFocus onSubmit={() => open(list[0])}>
            <Input placeholder={t('palette.placeholder')} />
          </SearchField>
          <ListBox
            aria-label={t('palette.results')}
            className="palette-results"
            items={list}
            onAction={(id) => open(list.find((h) => h.itemId === id))}
            renderEmptyState={() => <p className="palette-empty">{!query.trim() ? t('palette.hint') : hits.isFetching || settled !== query.trim() ? t('palette.searching') : t('none', { query: query.trim() })}</p>}
          >
            {(h) => (
              <ListBoxItem id={h.itemId} className="palette-hit" textValue={`${t('item', { number: h.number, title: h.title })}`}>
                <span className="palette-hit-title">{t('item', { number: h.number, title: h.title })}</span>
                <span className="palette-hit-meta">
                  {h.committee} · {shortDate(h.start.slice(0, 10), i18n.language)}
                  {h.caseNumber ? ` · ${h.caseNumber}` : ''}
                  {h.access === 'closed' ? ` · ${t('closed')}` : ''}
                </span>
                <Snippet text={h.snippet} />
              </ListBoxItem>
            )}
          </ListBox>
        </Autocomplete>
        <div className="palette-foot">
          <span className="muted">{t('palette.keys')}</span>
          <Button
            variant="quiet"
            isDisabled={!query.trim()}
            onPress={() => {
              onOpenChange(false);
              navigate({ view: 'search', query: query.trim() });
            }}
          >
            {t('palette.all')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** Ctrl+K (Cmd+K on a Mac) opens the search from anywhere; inside the text editor it stays "insert link", as in Word. */
export function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k') return;
      if ((e.target as HTMLElement | null)?.closest?.('.ProseMirror')) return;
      e.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
