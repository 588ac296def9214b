// Every refusal the core sends reaches a Danish secretary as one Danish sentence: one refusal of
// each feature through `invoke` on a real store, and a scan of the core that no throw site lacks Danish.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { call, invoke, toFailure } from '../../src-main/core/dispatch';
import { AppError } from '../../src-main/core/errors';
import { openSqliteStore } from '../../src-main/core/store/open';
import { tempDir, testContext } from '../helpers/store';
import { everyonePresent, itemId, MEETING, meetingDayDocument, seedMeetingDay } from './meetingday-fixture';

const OBU = 'Organisations- og Beredskabsudvalget';
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The Danish sentence of a refusal, after checking that it is one and has its English twin. */
async function refusalDa(ctx: CoreContext, name: string, input: unknown): Promise<string | undefined> {
  const r = await invoke(ctx, name, input);
  if (r.ok) throw new Error(`${name} was not refused`);
  expect(r.error.message).not.toBe('');
  return r.error.messageDa;
}

describe('refusals in Danish, one of each feature', () => {
  let ctx: CoreContext;
  let obuId: string;
  beforeAll(async () => {
    ctx = testContext();
    await seedMeetingDay(ctx);
    const list = await call(ctx, 'committees.list', {});
    obuId = list.find((c) => c.name === OBU)!.id;
  });

  test('committees: a short name already taken', async () => {
    expect(await refusalDa(ctx, 'committees.create', { name: 'Nyt udvalg', shortName: 'OBU', numbering: 'per-meeting' })).toBe(
      `Forkortelsen "OBU" bruges allerede af "${OBU}".`,
    );
    expect(await refusalDa(ctx, 'committees.get', { id: '00000000-0000-4000-8000-000000000000' })).toBe('Udvalget findes ikke.');
  });

  test('meetings: a second meeting at the same hour, and one that ends before it starts', async () => {
    expect(await refusalDa(ctx, 'meetings.create', { committeeId: obuId, start: '2026-06-02T14:30' })).toBe(`${OBU} har allerede et møde tirsdag d. 02. juni 2026 kl. 14:30.`);
    expect(await refusalDa(ctx, 'meetings.create', { committeeId: obuId, start: '2026-09-01T14:30', end: '2026-09-01T12:00' })).toBe('Mødet skal slutte, efter det begynder.');
  });

  test('meeting day: roll call, votes, dissent, carrying on and approval', async () => {
    const view = await call(ctx, 'meetingday.get', { meetingId: MEETING });
    expect(await refusalDa(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [{ member: 'sr', status: 'present' }] })).toBe(`Stine Rønnow har ingen plads i ${OBU} den 02-06-2026.`);
    expect(await refusalDa(ctx, 'meetingday.setVotes', { itemId: itemId(view, 2), votes: { for: ['hm'], against: [], abstained: [] } })).toBe(
      'Punkt 2 har endnu ingen beslutning; registrér udfaldet før afstemningen.',
    );
    expect(await refusalDa(ctx, 'meetingday.carryForward', { itemId: itemId(view, 2) })).toBe('Punkt 2 har ingen beslutning; kun et punkt med beslutningen "Udsat" eller "Anbefales" kan føres videre.');
    expect(await refusalDa(ctx, 'meetingday.approveMinutes', { meetingId: MEETING })).toBe(
      'Punkt 1 (Godkendelse af dagsorden) har endnu ingen beslutning; registrér en, før referatet godkendes.',
    );

    await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [...everyonePresent.filter((e) => e.member !== 'mbi'), { member: 'mbi', status: 'apologies' }] });
    await call(ctx, 'meetingday.setDecision', { itemId: itemId(view, 3), outcome: 'approved' });
    expect(await refusalDa(ctx, 'meetingday.setVotes', { itemId: itemId(view, 3), votes: { for: ['hm', 'mbi'], against: [], abstained: [] } })).toBe(
      'Mette Baltersen Isen var ikke til stede ved punkt 3 og kan derfor ikke stemme om det.',
    );
    await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 3), votes: { for: ['hm', 'cdh', 'fl'], against: ['js'], abstained: [] } });
    expect(await refusalDa(ctx, 'meetingday.addDissent', { itemId: itemId(view, 3), member: 'hm', text: 'Ønsker sin stemme ført til protokols.' })).toBe(
      'Holger Mikkelsen stemte for ved punkt 3, med flertallet; kun et medlem, der stemte med mindretallet, kan få en protokoltilførsel.',
    );
    expect(await refusalDa(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'mbi' })).toBe(
      `Mette Baltersen Isen deltog ikke i mødet i ${OBU} den 02-06-2026 og har derfor intet referat at godkende.`,
    );
  });

  test('meeting day: an approved meeting is locked', async () => {
    const c = testContext();
    const view = await seedMeetingDay(c);
    await call(c, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    for (const item of view.items) if (item.role !== 'signature') await call(c, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved' });
    await call(c, 'meetingday.approveMinutes', { meetingId: MEETING });
    expect(await refusalDa(c, 'meetingday.setDecision', { itemId: itemId(view, 2), outcome: 'rejected' })).toBe(
      'Referatet af mødet den 02-06-2026 er godkendt og låst; tilføj i stedet et dateret tillæg.',
    );
  });

  test('exchange: a document that breaks the schema, and one whose short name is taken', async () => {
    const bad = { format: 'referent/v1', committees: [{ name: 'X', numbering: 'hver uge', members: [], meetings: [] }] };
    const da = await refusalDa(ctx, 'exchange.import', { document: bad });
    expect(da).toMatch(/^committees\[0\]\.numbering: Ugyldigt valg/);
    const clash = { format: 'referent/v1', committees: [{ name: 'Andet udvalg', shortName: 'OBU', numbering: 'per-meeting', members: [], meetings: [] }] };
    expect(await refusalDa(ctx, 'exchange.import', { document: clash })).toBe(`committees[0].shortName: "OBU" er allerede forkortelsen for "${OBU}".`);
  });

  test('exchange: an approved meeting in the store is not overwritten by a different document', async () => {
    const c = testContext();
    const view = await seedMeetingDay(c);
    await call(c, 'meetingday.setAttendance', { meetingId: MEETING, entries: everyonePresent });
    for (const item of view.items) if (item.role !== 'signature') await call(c, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved' });
    await call(c, 'meetingday.approveMinutes', { meetingId: MEETING });
    expect(await refusalDa(c, 'exchange.import', { document: meetingDayDocument() })).toBe(
      `committees[0].meetings[0]: mødet i ${OBU} den 02-06-2026 er godkendt og låst, og dokumentets indhold afviger fra det.`,
    );
  });

  test('calendar: a file it cannot read, a bad date, and a roll forward of two years', async () => {
    expect(await refusalDa(ctx, 'calendar.previewImport', { fileName: 'møder.pdf', base64: base64('%PDF-1.7') })).toBe(
      'møder.pdf: er ikke en kalenderfil, som Referent kan læse (.ics, .csv eller .xlsx).',
    );
    expect(await refusalDa(ctx, 'calendar.previewImport', { fileName: 'møder.txt', base64: base64('hej') })).toBe(
      'møder.txt, linje 1: mangler kolonnerne Dato/Date og Udvalg/Committee (fundet: hej).',
    );
    expect(await refusalDa(ctx, 'calendar.previewImport', { fileName: 'møder.csv', base64: base64('Dato;Udvalg\n31-02-2026;OBU\n') })).toBe(
      'møder.csv, linje 2: "31-02-2026" er ikke en dato (skriv den som 19-02-2026, 19.02.2026, 19/2/2026 eller 2026-02-19).',
    );
    expect(await refusalDa(ctx, 'calendar.proposeRollForward', { fromYear: 2026, toYear: 2028 })).toBe('En kalender rulles frem ét år ad gangen: --to skal være 2027, ikke 2028.');
  });

  test('documents: a meeting that does not exist', async () => {
    expect(await refusalDa(ctx, 'documents.preview', { meetingId: '00000000-0000-4000-8000-000000000000', kind: 'minutes' })).toBe('Mødet findes ikke.');
  });

  test('dispatch: an unknown operation, a broken constraint and an internal fault', async () => {
    expect(await refusalDa(ctx, 'nothing.here', {})).toBe('Der findes ingen handling ved navn "nothing.here".');
    const constraint = Object.assign(new Error('UNIQUE constraint failed: committees.name'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(toFailure(constraint).messageDa).toBe('Ændringen strider mod det, der allerede er gemt (UNIQUE constraint failed: committees.name).');
    const original = console.error;
    console.error = () => {};
    try {
      expect(toFailure(new Error('boom')).messageDa).toBe('Der opstod en fejl inde i Referent: boom');
    } finally {
      console.error = original;
    }
  });

  // A file's schema version; the server's own refusal is in tests/postgres/store.test.ts.
  test('store: a database file from a newer Referent', async () => {
    const store = openSqliteStore(path.join(tempDir(), 'referent.sqlite'));
    await store.close();
    const sqlite = new BetterSqlite3(store.file);
    sqlite.pragma('user_version = 9999');
    sqlite.close();
    let error: unknown;
    try {
      openSqliteStore(store.file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).da).toMatch(/^Databasen .+ er skrevet af en nyere Referent \(skema 9999; denne version kender op til \d+\)\. Opdater Referent for at åbne den\.$/);
  });
});

describe('no throw site in the core lacks Danish', () => {
  const root = path.resolve(__dirname, '../../src-main/core');
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sources(p);
      return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
    });
  // The helpers of errors.ts, with how many arguments a call needs to carry its Danish.
  const HELPERS: Record<string, number> = { notFound: 2, invalid: 2, conflict: 2, locked: 2 };

  test('every new AppError(...) has 3 arguments and every notFound/invalid/conflict/locked(...) 2', () => {
    const missing: string[] = [];
    let sites = 0;
    for (const file of sources(root)) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const where = (n: ts.Node): string => `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      const visit = (n: ts.Node): void => {
        if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'AppError') {
          sites++;
          if ((n.arguments?.length ?? 0) < 3) missing.push(where(n));
        }
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && Object.hasOwn(HELPERS, n.expression.text)) {
          sites++;
          if (n.arguments.length < HELPERS[n.expression.text]!) missing.push(where(n));
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(sites).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
