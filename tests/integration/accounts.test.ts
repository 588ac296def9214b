// Accounts of a served archive (issue 14 §3): roles per committee decide what each operation may
// do, checked in one place before the handler runs; refusals are one sentence naming the missing
// role; a signed-in account's changes carry its name in the change log. Both dialects.
import { beforeEach, describe, expect, test } from 'vitest';
import { OP_NAMES } from '../../src-shared/api';
import type { AccountSummary } from '../../src-shared/api/accounts';
import { asAccount, type CoreContext } from '../../src-main/core/context';
import { call } from '../../src-main/core/dispatch';
import { REQUIREMENTS } from '../../src-main/core/access/requirements';
import { testContext } from '../helpers/store';
import { refusal } from '../helpers/refusal';
import { everyonePresent, itemId, MEETING, seedMeetingDay } from './meetingday-fixture';

let root: CoreContext;
let teknik: string;
let obu: string;
const as: Record<string, AccountSummary> = {};


beforeEach(async () => {
  root = testContext();
  await seedMeetingDay(root);
  obu = (await call(root, 'committees.list', {})).find((c) => c.shortName === 'OBU')!.id;
  teknik = (await call(root, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-year' })).id;
  await call(root, 'meetings.create', { committeeId: teknik, start: '2026-06-04T16:00' });
  for (const [login, displayName] of [['anne', 'Anne Holm'], ['bo', 'Bo Riis'], ['carl', 'Carl Dam'], ['hm', 'Holger Mikkelsen'], ['eva', 'Eva Lund']] as const)
    await call(root, 'accounts.add', { login, displayName, password: 'korrekt hest batteri' });
  await call(root, 'accounts.setRole', { login: 'anne', committeeId: obu, role: 'secretary' });
  await call(root, 'accounts.setRole', { login: 'eva', committeeId: obu, role: 'secretary' });
  await call(root, 'accounts.setRole', { login: 'bo', committeeId: teknik, role: 'secretary' });
  await call(root, 'accounts.setRole', { login: 'carl', committeeId: obu, role: 'reader' });
  await call(root, 'accounts.setRole', { login: 'hm', committeeId: obu, role: 'member', memberKey: 'hm' });
  for (const a of await call(root, 'accounts.list', {})) as[a.login] = a;
});

const ctxOf = (login: string): CoreContext => asAccount(root, as[login]);

describe('roles per committee', () => {
  test('every operation of the Api declares what it needs', () => {
    expect(Object.keys(REQUIREMENTS).sort()).toEqual([...OP_NAMES].sort());
  });

  test('a secretary sees and edits only her committee; the other one is refused naming it', async () => {
    expect((await call(ctxOf('anne'), 'committees.list', {})).map((c) => c.name)).toEqual(['Organisations- og Beredskabsudvalget']);
    expect((await call(ctxOf('bo'), 'committees.list', {})).map((c) => c.name)).toEqual(['Teknik- og Miljøudvalget']);
    const view = await call(ctxOf('anne'), 'meetingday.get', { meetingId: MEETING });
    const item = itemId(view, 2);
    await call(ctxOf('anne'), 'agenda.updateItem', { itemId: item, title: 'Årsberetning 2025' });
    const e = await refusal(call(ctxOf('bo'), 'agenda.updateItem', { itemId: item, title: 'Bo var her' }));
    expect(e.code).toBe('Forbidden');
    expect(e.message).toBe('You have no role in Organisations- og Beredskabsudvalget; ask an administrator for one.');
    expect(e.da).toBe('Du har ingen rolle i Organisations- og Beredskabsudvalget; bed en administrator om en.');
    await expect(call(ctxOf('bo'), 'agenda.get', { meetingId: MEETING })).rejects.toThrow(/no role in Organisations/);
    expect((await call(root, 'agenda.getItem', { itemId: item })).title).toBe('Årsberetning 2025');
  });

  test('a reader reads but cannot edit; the refusal names her role, in English and Danish', async () => {
    const view = await call(ctxOf('carl'), 'meetingday.get', { meetingId: MEETING });
    const e = await refusal(call(ctxOf('carl'), 'agenda.updateItem', { itemId: itemId(view, 2), title: 'Carl var her' }));
    expect(e.message).toBe('Only a secretary of Organisations- og Beredskabsudvalget can change it; you are a reader there.');
    expect(e.da).toBe('Kun en sekretær i Organisations- og Beredskabsudvalget kan ændre det; du er læser der.');
    expect((await call(root, 'agenda.getItem', { itemId: itemId(view, 2) })).title).toBe('Databeskyttelsesrådgiverens årsberetning for 2025');
  });

  test('a member approves her own attendance and approval, and nobody else’s', async () => {
    await call(ctxOf('anne'), 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    const mine = await call(ctxOf('hm'), 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
    expect(mine.approvals.map((a) => a.member)).toEqual(['hm']);
    const e = await refusal(call(ctxOf('hm'), 'meetingday.approve', { meetingId: MEETING, member: 'fl' }));
    expect(e.message).toBe("As a member of Organisations- og Beredskabsudvalget you can approve only your own attendance and approval; the rest is the secretary's.");
    await expect(call(ctxOf('hm'), 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'fl', status: 'absent' }] })).rejects.toThrow(/only your own attendance/);
    await call(ctxOf('hm'), 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'hm', status: 'present' }] });
    await expect(call(ctxOf('hm'), 'meetingday.approveMinutes', { meetingId: MEETING })).rejects.toThrow(/Only a secretary of Organisations- og Beredskabsudvalget can change it; you are a member there/);
  });

  test('search keeps to the committees the account has a role in', async () => {
    const query = { query: 'Informationssikkerhedspolitik' };
    expect((await call(ctxOf('anne'), 'search.items', query)).total).toBeGreaterThan(0);
    expect(await call(ctxOf('bo'), 'search.items', query)).toMatchObject({ total: 0, hits: [] });
    expect(await call(ctxOf('bo'), 'search.items', { ...query, committeeId: obu })).toMatchObject({ total: 0, hits: [] });
  });

  test('archive-wide and server operations are an administrator’s', async () => {
    const e = await refusal(call(ctxOf('anne'), 'exchange.import', { document: { format: 'referent/v1', committees: [] } }));
    expect(e.message).toBe('Only an administrator can do this.');
    expect(e.da).toBe('Kun en administrator kan gøre dette.');
    await expect(call(ctxOf('anne'), 'accounts.list', {})).rejects.toThrow('Only an administrator can do this.');
    await expect(call(ctxOf('anne'), 'exchange.export', {})).rejects.toThrow(/^You have no role in (?!Organisations)[^;]+; ask an administrator for one\.$/);
    expect((await call(ctxOf('anne'), 'exchange.export', { committee: 'OBU' })).committees).toHaveLength(1);
    await call(root, 'accounts.update', { login: 'anne', admin: true });
    const admin = (await call(root, 'accounts.list', {})).find((a) => a.login === 'anne')!;
    expect((await call(asAccount(root, admin), 'accounts.list', {})).length).toBe(5);
  });

  test('an account changes its own password, and only its own', async () => {
    await call(ctxOf('carl'), 'accounts.setPassword', { login: 'carl', password: 'et nyt og langt kodeord' });
    await expect(call(ctxOf('carl'), 'accounts.setPassword', { login: 'anne', password: 'et nyt og langt kodeord' })).rejects.toThrow('Only an administrator can do this.');
  });
});

describe('authors', () => {
  test('each change-log entry names the account that made it; a stale edit is refused naming the other secretary', async () => {
    const view = await call(ctxOf('anne'), 'meetingday.get', { meetingId: MEETING });
    const item = itemId(view, 2);
    const loadedByEva = await call(ctxOf('eva'), 'agenda.getItem', { itemId: item });
    const loadedByAnne = await call(ctxOf('anne'), 'agenda.getItem', { itemId: item });
    await call(ctxOf('anne'), 'agenda.updateItem', { itemId: item, version: loadedByAnne.version, title: 'Årsberetning 2025' });
    const last = await root.store.db.selectFrom('change_log').select(['action', 'author']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'item.update', author: 'Anne Holm (anne)' });
    const e = await refusal(call(ctxOf('eva'), 'agenda.updateItem', { itemId: item, version: loadedByEva.version, title: 'Evas titel' }));
    expect(e.code).toBe('Conflict');
    expect(e.message).toMatch(/^Item 2 \(Årsberetning 2025\) was changed by Anne Holm \(anne\) at \d\d:\d\d on \d\d-\d\d-\d{4} \(title\) after you opened it/);
    expect(e.da).toMatch(/blev ændret af Anne Holm \(anne\) kl\./);
  });
});
