// @vitest-environment happy-dom
// The item editor's working copy: every change applies to the newest draft, so two sections handed
// over in one tick (flushEditors before a save or a page exit) both reach the saved item; the api
// is a stand-in that records what would be written.
import type { Editor } from '@tiptap/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgendaItemDetail } from '../../../../src-shared/api/agenda';
import { resolveTemplate, type MeetingHeader } from '../../../../src-shared/domain';
import { flushEditors } from '../../../editor/pending-edits';
import i18n from '../../../i18n';
import { ItemSaver } from './autosave';
import { ItemEditor } from './ItemEditor';

const written = vi.hoisted(() => [] as { itemId: string; sections?: { kind: string; body: string }[] }[]);
const item: AgendaItemDetail = {
  id: 'item-1',
  meetingId: 'meeting-1',
  position: 1,
  number: 1,
  numberFrozen: false,
  title: 'Skolestruktur',
  caseNumber: null,
  access: 'open',
  role: null,
  supplementary: false,
  attachmentCount: 0,
  sections: [
    { kind: 'summary', heading: null, body: 'Gammelt resume.\n' },
    { kind: 'recommendation', heading: null, body: 'Administrationen indstiller, at\n\n- gammelt punkt\n' },
  ],
  route: [],
  attachments: [],
  publication: { publicTitle: null, closedReason: null, hasDecision: false, decisionPublic: null },
} as unknown as AgendaItemDetail;

vi.mock('../../../api/client', () => ({
  api: {
    agenda: {
      getItem: async () => item,
      updateItem: async (input: { itemId: string; sections?: { kind: string; body: string }[] }) => {
        written.push(input);
        return { ...item, sections: input.sections ?? item.sections };
      },
    },
  },
}));

const meeting = { id: 'meeting-1', committeeId: 'c', start: '2026-06-02T14:30', end: null, location: null, status: 'planned', itemCount: 1, locked: false, committeeName: 'Børne- og Skoleudvalget', numbering: 'per-year' } as MeetingHeader;

beforeAll(async () => {
  await i18n.changeLanguage('da');
});
afterEach(cleanup);

const editorOf = (name: string): Editor => (screen.getByRole('textbox', { name }) as HTMLElement & { editor: Editor }).editor;

describe('ItemEditor', () => {
  it('two sections handed over in one tick both reach the saved item', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ItemEditor itemId="item-1" meeting={meeting} template={resolveTemplate(null)} publicationProfile="committee" readOnly={false} number={1} />
      </QueryClientProvider>,
    );
    await screen.findByRole('textbox', { name: 'Sagsresume' });
    // Typed in both, neither yet handed over (each editor holds its text back for a pause in typing).
    act(() => {
      editorOf('Sagsresume').chain().setTextSelection(1).insertContent('Nyt resume. ').run();
      editorOf('Indstillingens punkter').chain().setTextSelection(2).insertContent('nyt punkt og ').run();
    });
    expect(written).toEqual([]);
    act(() => flushEditors());
    await act(() => ItemSaver.flushAll());
    const last = written.at(-1)!;
    const body = (kind: string) => last.sections?.find((s) => s.kind === kind)?.body;
    expect(body('summary')).toBe('Nyt resume. Gammelt resume.\n');
    expect(body('recommendation')).toBe('Administrationen indstiller, at\n\n- nyt punkt og gammelt punkt');
  });
});
