// Proposals between committees travel in the exchange document (referent/v1 `proposals`): an archive
// moved by export-json and import (whole, or read as a stream) keeps every pending and decided
// proposal, even after the sending meeting is approved and sealed; a document without any reads as
// before; an older document imported over the archive leaves them be; one committee's document
// imported elsewhere says which it could not keep; a faulty one changes nothing. Both dialects.
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { exportDocument } from '../../src-main/core/exchange/export';
import { writeExport } from '../../src-main/core/exchange/export-stream';
import { importDocumentStream } from '../../src-main/core/exchange/import';
import { documentEvents } from '../../src-main/core/exchange/json-stream';
import type { ProposalSummary } from '../../src-shared/api/proposals';
import type { ReferentDocument } from '../../src-shared/exchange';
import { reportNotes } from '../../src-shared/import-report';
import { refusal } from '../helpers/refusal';
import { testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, meetingDayDocument, OU_MEETING, seedMeetingDay } from './meetingday-fixture';

let a: CoreContext;
let ou: string;
const OBU = 'Organisations- og Beredskabsudvalget';

const ouOf = async (ctx: CoreContext) => (await call(ctx, 'committees.list', {})).find((c) => c.name === 'Økonomiudvalget')!.id;

/**
 * OBU's day: item 3 recommended (votes, dissent), items 4 and 5 recommended to ØU, item 6 recommended
 * and then changed; the minutes approved and sealed. Then ØU's secretary accepts item 3 and rejects 4;
 * 5 waits; 6 is withdrawn.
 */
async function fourProposals(ctx: CoreContext): Promise<void> {
  let view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
  for (const n of [4, 5, 6]) await call(ctx, 'agenda.updateItem', { itemId: itemId(view, n), route: [{ body: 'OBU' }, { body: 'ØU' }] });
  for (const item of view.items) {
    if (item.role === 'signature') continue;
    const outcome = item.number && item.number >= 3 && item.number <= 6 ? 'recommended' : 'approved';
    view = await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome });
  }
  await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 3), votes: { for: ['hm', 'cdh', 'mbi', 'fl'], against: ['js'], abstained: [] } });
  await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 3), member: 'js', text: 'Politikken bør vente på NIS2-loven.' });
  await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 6), outcome: 'noted' });
  await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
  await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
  const ouId = await ouOf(ctx);
  const inbox = await call(ctx, 'proposals.list', { committeeId: ouId });
  expect(inbox.map((p) => p.from.number)).toEqual([3, 4, 5]);
  const anne = { ...ctx, author: 'Anne Holm' };
  await call(anne, 'agenda.addItem', { meetingId: OU_MEETING, title: 'Budgetopfølgning' });
  await call(anne, 'proposals.accept', { proposalId: inbox[0]!.id, meetingId: OU_MEETING, position: 1 });
  await call(anne, 'proposals.reject', { proposalId: inbox[1]!.id, reason: 'Hører under et andet udvalg.' });
}

/** The proposals as the receiving secretary sees them, without the ids each archive gives its own rows. */
const seen = async (ctx: CoreContext) =>
  (await call(ctx, 'proposals.list', { committeeId: await ouOf(ctx), all: true })).map((p: ProposalSummary) => ({
    ...p,
    from: { ...p.from, committeeId: '' },
    to: { ...p.to, committeeId: '' },
    accepted: p.accepted && { ...p.accepted, itemId: '' },
  }));

const withoutAnchor = (doc: ReferentDocument) => ({ ...doc, anchor: undefined });

async function streamed(ctx: CoreContext): Promise<string> {
  let text = '';
  await writeExport(ctx.store.db, {}, (piece) => {
    text += piece;
  });
  return text;
}

beforeEach(async () => {
  a = testContext();
  await seedMeetingDay(a);
  ou = await ouOf(a);
});

describe('proposals in export-json', () => {
  test('an archive without any writes no proposals field, so an older reader reads it as before', async () => {
    const doc = await call(a, 'exchange.export', {});
    expect('proposals' in doc).toBe(false);
    expect(await streamed(a)).not.toContain('"proposals"');
  });

  test('are written beside the committees, each naming its item, committee and what became of it; the stream writes the same text', async () => {
    await fourProposals(a);
    const doc = await call(a, 'exchange.export', {});
    expect(doc.proposals).toMatchObject([
      { from: { meetingId: MEETING, number: 3 }, to: 'Økonomiudvalget', status: 'accepted', notBefore: '2026-06-10', decidedBy: 'Anne Holm', accepted: { meetingId: OU_MEETING, number: 2 } },
      { from: { meetingId: MEETING, number: 4 }, to: 'Økonomiudvalget', status: 'rejected', notBefore: '2026-06-02T14:30', decidedBy: 'Anne Holm', reason: 'Hører under et andet udvalg.' },
      { from: { meetingId: MEETING, number: 5 }, to: 'Økonomiudvalget', status: 'pending' },
      { from: { meetingId: MEETING, number: 6 }, to: 'Økonomiudvalget', status: 'withdrawn' },
    ]);
    expect(doc.proposals![2]).not.toHaveProperty('decidedAt');
    expect(await streamed(a)).toBe(JSON.stringify(await exportDocument(a.store.db), null, 2));
    // One committee's or one year's export carries the proposals made from its meetings only.
    expect((await call(a, 'exchange.export', { committee: 'ØU' })).proposals).toBeUndefined();
    expect((await call(a, 'exchange.export', { committee: 'OBU', year: 2026 })).proposals).toHaveLength(4);
    expect((await call(a, 'exchange.export', { year: 2025 })).proposals).toBeUndefined();
  });
});

describe('an archive moved by export and import', () => {
  for (const how of ['whole', 'as a stream'] as const) {
    test(`keeps every proposal, pending and decided, and the target's secretary goes on from there (read ${how})`, async () => {
      await fourProposals(a);
      const before = await call(a, 'exchange.export', {});
      const b = testContext();
      if (how === 'whole') await call(b, 'exchange.import', { document: before });
      else await importDocumentStream(b.store, documentEvents(Readable.from([Buffer.from(await streamed(a))])));

      expect(await seen(b)).toEqual(await seen(a));
      expect(withoutAnchor(await call(b, 'exchange.export', {}))).toEqual(withoutAnchor(before));
      // The sender's meeting mode and the receiver's agenda, as in the archive it came from.
      const view = await call(b, 'meetingday.get', { meetingId: MEETING });
      expect(view.items.map((i) => i.proposal?.status ?? null)).toEqual([null, null, 'accepted', 'rejected', 'pending', null, null, null]);
      const [accepted] = await seen(b);
      const agenda = await call(b, 'agenda.get', { meetingId: OU_MEETING });
      expect(agenda.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Informationssikkerhedspolitik 2026', 'Budgetopfølgning']);
      expect(accepted!.accepted).toMatchObject({ meetingId: OU_MEETING, number: 2 });
      expect((await call(b, 'meetingday.verify', {})).fault).toBeNull();

      // The pending one is accepted there; the rejected one cannot be.
      const pending = (await call(b, 'proposals.list', { committeeId: await ouOf(b) }))[0]!;
      expect(pending.from.number).toBe(5);
      await call(b, 'proposals.accept', { proposalId: pending.id, meetingId: OU_MEETING });
      const rejected = (await call(b, 'proposals.list', { committeeId: await ouOf(b), all: true })).find((p) => p.status === 'rejected')!;
      expect((await refusal(call(b, 'proposals.accept', { proposalId: rejected.id, meetingId: OU_MEETING }))).message).toBe(
        `The proposal "KL's Baseline 2026" (from ${OBU}) was already rejected by Anne Holm.`,
      );
    });
  }

  test('imported again over the same archive, changes nothing; a document written before proposals travelled leaves them be', async () => {
    await fourProposals(a);
    const before = await seen(a);
    const doc = await call(a, 'exchange.export', {});
    await call(a, 'exchange.import', { document: doc });
    expect(await seen(a)).toEqual(before);
    const older = { ...doc, proposals: undefined };
    await call(a, 'exchange.import', { document: older });
    expect(await seen(a)).toEqual(before);
  });

  test("one committee's document imported where the other committee is not keeps the meetings, and says which proposals it could not keep", async () => {
    await fourProposals(a);
    const obu = await call(a, 'exchange.export', { committee: 'OBU' });
    const c = testContext();
    const report = await call(c, 'exchange.import', { document: obu });
    expect(report.proposals).toEqual({ kept: 0, skipped: ['Informationssikkerhedspolitik 2026', "KL's Baseline 2026", 'Digitaliseringsstrategi 2026 - 2028', 'Kunstig intelligens (AI) og borgerdialog'].map((title) => ({ title, to: 'Økonomiudvalget' })) });
    expect(reportNotes(report, 'en')[0]).toBe('The proposal of "Informationssikkerhedspolitik 2026" to Økonomiudvalget was not kept: there is no committee called Økonomiudvalget here.');
    expect(reportNotes(report, 'da')[0]).toBe('Forslaget om »Informationssikkerhedspolitik 2026« til Økonomiudvalget er ikke gemt: her findes intet udvalg med navnet Økonomiudvalget.');
    expect(await c.store.db.selectFrom('proposals').selectAll().execute()).toEqual([]);
    // Back where ØU is: all kept.
    expect((await call(a, 'exchange.import', { document: obu })).proposals).toEqual({ kept: 4, skipped: [] });
  });

  test('a proposal naming an item the archive does not hold, or a status it does not know, is refused by its path and nothing is written', async () => {
    await fourProposals(a);
    const doc = await call(a, 'exchange.export', {});
    const c = testContext();
    const wrongItem = { ...doc, proposals: doc.proposals!.map((p, i) => (i === 1 ? { ...p, from: { ...p.from, number: 42 } } : p)) };
    const e = await refusal(call(c, 'exchange.import', { document: wrongItem }));
    expect(e.message).toBe(`proposals[1].from: names item 42 of the meeting ${MEETING}, which neither this document nor this archive holds`);
    expect(e.da).toBe(`proposals[1].from: nævner punkt 42 på mødet ${MEETING}, som hverken dokumentet eller arkivet indeholder.`);
    expect(await call(c, 'committees.list', {})).toEqual([]);
    const wrongStatus = { ...doc, proposals: [{ ...doc.proposals![0]!, status: 'maybe' }] };
    const s = await refusal(call(c, 'exchange.import', { document: wrongStatus as unknown as ReferentDocument }));
    expect(s.message).toContain('proposals[0].status');
    expect(await call(c, 'committees.list', {})).toEqual([]);
  });

  test('the fixture document itself (no proposals) still imports and exports without the field', async () => {
    const c = testContext();
    await call(c, 'exchange.import', { document: meetingDayDocument() });
    expect((await call(c, 'exchange.export', {})).proposals).toBeUndefined();
    expect(ou).toBeTruthy();
  });
});
