// Where the user is, kept in the address's hash so that a reload returns to the same place.
import { useEffect, useState } from 'react';

export type MeetingTab = 'agenda' | 'meetingday' | 'documents';
export type Route =
  | { view: 'home' }
  | { view: 'committee'; committeeId: string }
  | { view: 'meeting'; meetingId: string; tab: MeetingTab }
  | { view: 'calendar' }
  | { view: 'settings' }
  | { view: 'search'; query: string };

function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'committee' && parts[1]) return { view: 'committee', committeeId: parts[1] };
  if (parts[0] === 'meeting' && parts[1]) {
    const tab = parts[2] === 'meetingday' || parts[2] === 'documents' ? parts[2] : 'agenda';
    return { view: 'meeting', meetingId: parts[1], tab };
  }
  if (parts[0] === 'calendar') return { view: 'calendar' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'search') return { view: 'search', query: decodeURIComponent(parts.slice(1).join('/')) };
  return { view: 'home' };
}

export function href(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'committee':
      return `#/committee/${route.committeeId}`;
    case 'meeting':
      return `#/meeting/${route.meetingId}/${route.tab}`;
    case 'calendar':
      return '#/calendar';
    case 'settings':
      return '#/settings';
    case 'search':
      return `#/search/${encodeURIComponent(route.query)}`;
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
