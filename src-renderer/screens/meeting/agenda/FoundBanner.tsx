// An item opened from a search: a line saying what was searched for and how many places are
// marked, the first mark scrolled into view, and a way to take the marks away.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, type ItemFocus } from '../../../app/router';
import { Button } from '../../../components/Button';

export const NO_TERMS: readonly string[] = [];

const cache = new Map<string, readonly string[]>();
/** The words to mark: what the search matched (its snippet's marks) and the words typed. The same array for the same search. */
export function searchTerms(focus: ItemFocus): readonly string[] {
  const key = `${focus.find}\u0000${focus.marks.join('\u0000')}`;
  let terms = cache.get(key);
  if (!terms) {
    const typed = focus.find.split(/\s+/).map((w) => w.replace(/["*]/g, '')).filter(Boolean);
    terms = [...focus.marks, ...typed];
    cache.set(key, terms);
  }
  return terms;
}

export function FoundBanner({ focus, meetingId, tab = 'agenda' }: { focus: ItemFocus; meetingId: string; tab?: 'agenda' | 'meetingday' }) {
  const { t } = useTranslation('search');
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    // The item's text arrives a moment after the banner: look for the marks until they are there.
    let frames = 0;
    let handle = 0;
    const look = (): void => {
      const marks = document.querySelectorAll<HTMLElement>('.search-mark');
      if (marks.length > 0 || frames++ > 90) {
        setCount(marks.length);
        marks[0]?.scrollIntoView({ block: 'center' });
        return;
      }
      handle = requestAnimationFrame(look);
    };
    handle = requestAnimationFrame(look);
    return () => cancelAnimationFrame(handle);
  }, [focus]);
  return (
    <div className="found-banner" role="status">
      <span>{count === null ? t('found.looking', { query: focus.find }) : count === 0 ? t('found.elsewhere', { query: focus.find }) : t('found.marked', { query: focus.find, count })}</span>
      <Button variant="quiet" onPress={() => navigate({ view: 'meeting', meetingId, tab })}>
        {t('found.clear')}
      </Button>
    </div>
  );
}
