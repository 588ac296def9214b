// @vitest-environment happy-dom
// The core's two-language sentences on the screens that show them: Danish by default, English when
// she chose English, and the screen follows when she switches. One hook picks (i18n/notice.ts).
import { act, cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src-shared/api/connection';
import type { OfflineState } from '../../src-shared/api/offline';
import { ApiError } from '../../src-shared/result';
import { unwrap } from '../api/transport';
import { offlineKey } from '../api/offline';
import { SignInScreen } from '../screens/connection/SignInScreen';
import { ArchiveBar } from '../screens/offline/ArchiveBar';
import i18n from '.';
import { useNoticeText } from './notice';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('da');
  document.documentElement.lang = 'da';
});

const EXPIRED = { message: 'Your session has expired.', messageDa: 'Din session er udløbet.' };

function withQueries(ui: ReactNode, seed?: (qc: QueryClient) => void) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  seed?.(qc);
  return render(<QueryClientProvider client={qc}>{ui}</QueryClientProvider>);
}

function Sentence({ of }: { of: { message: string; messageDa?: string } }) {
  const text = useNoticeText();
  return <p>{text(of)}</p>;
}

describe('useNoticeText', () => {
  it('picks Danish, then English after she switches, and English where the core had no Danish', async () => {
    await i18n.changeLanguage('da');
    render(
      <>
        <Sentence of={EXPIRED} />
        <Sentence of={{ message: 'Only in English.' }} />
      </>,
    );
    expect(screen.getAllByRole('paragraph').map((p) => p.textContent)).toEqual(['Din session er udløbet.', 'Only in English.']);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getAllByRole('paragraph').map((p) => p.textContent)).toEqual(['Your session has expired.', 'Only in English.']);
  });
});

describe('the screens that show a sentence from the core', () => {
  const state: ConnectionState = {
    mode: 'server',
    url: 'https://referent.example.dk',
    override: false,
    account: null,
    signIn: { reason: EXPIRED, login: 'bo', oidc: false, checking: false },
  };
  const offline: OfflineState = {
    server: { url: 'https://referent.example.dk' },
    archive: 'server',
    copies: null,
    unopened: { message: 'The file is damaged.', messageDa: 'Filen er beskadiget.' },
  };

  for (const [lang, reason, unopened] of [
    ['da', 'Din session er udløbet.', 'Filen er beskadiget.'],
    ['en', 'Your session has expired.', 'The file is damaged.'],
  ] as const) {
    it(`SignInScreen and ArchiveBar in ${lang === 'da' ? 'Danish' : 'English'}`, async () => {
      await i18n.changeLanguage(lang);
      withQueries(<SignInScreen state={state} onSignedIn={async () => {}} />);
      expect(screen.getByRole('status').textContent).toBe(reason);
      cleanup();
      withQueries(<ArchiveBar />, (qc) => qc.setQueryData(offlineKey, offline));
      expect(screen.getByRole('alert').textContent).toBe(unopened);
    });

    it(`a refusal from the core reads in the page's language (${lang})`, () => {
      document.documentElement.lang = lang;
      const refusal = { ok: false as const, error: { code: 'Invalid' as const, message: 'No such meeting.', messageDa: 'Mødet findes ikke.' } };
      expect(() => unwrap(refusal)).toThrow(new ApiError('Invalid', lang === 'en' ? 'No such meeting.' : 'Mødet findes ikke.'));
    });
  }
});
