// Items between committees under roles (issue 14 §5 with §3): the sending committee's secretary
// proposes an item to another committee without any role there (recording "Anbefales" on her own
// item does it); only the target committee's secretary accepts or rejects it, and the change log
// names each of them. Both dialects.
import { beforeEach, expect, test } from 'vitest';
import type { AccountSummary } from '../../src-shared/api/accounts';
import { asAccount, type CoreContext } from '../../src-main/core/context';
import { call } from '../../src-main/core/dispatch';
import { testContext } from '../helpers/store';
import { refusal } from '../helpers/refusal';
import { everyonePresent, itemId, MEETING, OU_MEETING, seedMeetingDay } from './meetingday-fixture';

let root: CoreContext;
let ou: string;
const as: Record<string, AccountSummary> = {};
const ctxOf = (login: string): CoreContext => asAccount(root, as[login]);

beforeEach(async () => {
  root = testContext();
  await seedMeetingDay(root);
  await call(root, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  const committees = await call(root, 'committees.list', {});
  const obu = committees.find((c) => c.shortName === 'OBU')!.id;
  ou = committees.find((c) => c.shortName === 'ØU')!.id;
  for (const [login, displayName] of [['anne', 'Anne Holm'], ['bo', 'Bo Riis'], ['carl', 'Carl Dam']] as const)
    await call(root, 'accounts.add', { login, displayName, password: 'korrekt hest batteri' });
  await call(root, 'accounts.setRole', { login: 'anne', committeeId: obu, role: 'secretary' });
  await call(root, 'accounts.setRole', { login: 'bo', committeeId: ou, role: 'secretary' });
  await call(root, 'accounts.setRole', { login: 'carl', committeeId: ou, role: 'reader' });
  for (const a of await call(root, 'accounts.list', {})) as[a.login] = a;
});

test('the sender proposes without a role in the target; only the target\'s secretary accepts or rejects', async () => {
  const view = await call(ctxOf('anne'), 'meetingday.get', { meetingId: MEETING });
  const after = await call(ctxOf('anne'), 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'recommended' });
  expect(after.items[2]!.proposal).toMatchObject({ status: 'pending', createdBy: 'Anne Holm (anne)', to: { committeeName: 'Økonomiudvalget' } });
  const [p] = await call(ctxOf('bo'), 'proposals.list', { committeeId: ou });

  // Anne has no role in Økonomiudvalget: she cannot read its inbox, nor answer the proposal.
  expect((await refusal(call(ctxOf('anne'), 'proposals.list', { committeeId: ou }))).code).toBe('Forbidden');
  expect((await refusal(call(ctxOf('anne'), 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING }))).message).toBe(
    'You have no role in Økonomiudvalget; ask an administrator for one.',
  );
  expect((await refusal(call(ctxOf('anne'), 'proposals.reject', { proposalId: p!.id, reason: 'Nej.' }))).code).toBe('Forbidden');
  // Carl reads Økonomiudvalget: he sees the proposal and its history, and cannot answer it.
  expect((await call(ctxOf('carl'), 'proposals.get', { proposalId: p!.id })).sections.some((s) => s.kind === 'history')).toBe(true);
  const e = await refusal(call(ctxOf('carl'), 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING }));
  expect(e.message).toBe('Only a secretary of Økonomiudvalget can change it; you are a reader there.');
  expect(e.da).toBe('Kun en sekretær i Økonomiudvalget kan ændre det; du er læser der.');
  // Bo cannot change OBU's record.
  expect((await refusal(call(ctxOf('bo'), 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'approved' }))).code).toBe('Forbidden');

  const accepted = await call(ctxOf('bo'), 'proposals.accept', { proposalId: p!.id, meetingId: OU_MEETING });
  expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'Bo Riis (bo)', accepted: { meetingId: OU_MEETING, number: 2 } });
  const log = await root.store.db.selectFrom('change_log').select(['action', 'author']).where('action', 'like', 'proposal.%').orderBy('seq').execute();
  expect(log).toEqual([
    { action: 'proposal.create', author: 'Anne Holm (anne)' },
    { action: 'proposal.accept', author: 'Bo Riis (bo)' },
  ]);
});
