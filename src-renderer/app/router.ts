// Where the user is, kept in the address's hash so that a reload returns to the same place.
import { useEffect, useState } from 'react';
import { ACCESS, OUTCOMES, type Access, type Outcome } from '../../src-shared/domain';

export type MeetingTab = 'agenda' | 'meetingday' | 'documents';
/** An item to open, and the words a search found there (to mark them in its text). */
export type ItemFocus = { itemId: string; find: string; marks: string[] };
/** The search screen's filters, kept in the address so that Back returns to the same list. */
export type SearchFilters = { committeeId?: string | undefined; year?: number | undefined; outcome?: Outcome | undefined; access?: Access | undefined };
export type Route =
  | { view: 'home' }
  | { view: 'committee'; committeeId: string }
  | { view: 'meeting'; meetingId: string; tab: MeetingTab; focus?: ItemFocus | undefined }
  | { view: 'calendar' }
  | { view: 'settings' }
  | { view: 'search'; query: string; filters?: SearchFilters | undefined };

function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'committee' && parts[1]) return { view: 'committee', committeeId: parts[1] };
  if (parts[0] === 'meeting' && parts[1]) {
    const tab = parts[2] === 'meetingday' || parts[2] === 'documents' ? parts[2] : 'agenda';
    const params = new URLSearchParams(query);
    const itemId = params.get('item');
    const focus = itemId ? { itemId, find: params.get('find') ?? '', marks: params.getAll('mark') } : undefined;
    return { view: 'meeting', meetingId: parts[1], tab, focus };
  }
  if (parts[0] === 'calendar') return { view: 'calendar' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'search') {
    const params = new URLSearchParams(query);
    const year = Number(params.get('year'));
    const outcome = OUTCOMES.find((o) => o === params.get('outcome'));
    const access = ACCESS.find((a) => a === params.get('access'));
    const filters: SearchFilters = { committeeId: params.get('committee') ?? undefined, year: year > 0 ? year : undefined, outcome, access };
    return { view: 'search', query: decodeURIComponent(parts.slice(1).join('/')), filters };
  }
  return { view: 'home' };
}

export function href(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'committee':
      return `#/committee/${route.committeeId}`;
    case 'meeting': {
      if (!route.focus) return `#/meeting/${route.meetingId}/${route.tab}`;
      const params = new URLSearchParams({ item: route.focus.itemId, find: route.focus.find });
      for (const m of route.focus.marks) params.append('mark', m);
      return `#/meeting/${route.meetingId}/${route.tab}?${params.toString()}`;
    }
    case 'calendar':
      return '#/calendar';
    case 'settings':
      return '#/settings';
    case 'search': {
      const f = route.filters ?? {};
      const params = new URLSearchParams();
      if (f.committeeId) params.set('committee', f.committeeId);
      if (f.year) params.set('year', String(f.year));
      if (f.outcome) params.set('outcome', f.outcome);
      if (f.access) params.set('access', f.access);
      const q = params.toString();
      return `#/search/${encodeURIComponent(route.query)}${q ? `?${q}` : ''}`;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
