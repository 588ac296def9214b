// Approved minutes to attack: OBU's meeting of 2 June 2026 recorded in full (a closed item, votes,
// a dissent, a disqualified member, a guest), approved by two members and locked, in a store that
// signs its change log, with the organisation's name and logo and a house style of its own. Each
// attempt runs on a fresh copy of that file; `renders` is what the approved minutes print.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { call } from '../../src-main/core/dispatch';
import type { CoreContext } from '../../src-main/core/context';
import { loadReferat, meetingFilePrefix } from '../../src-main/core/documents/documents.service';
import { renderDocx } from '../../src-main/core/documents/docx-writer';
import { renderHtml } from '../../src-main/core/documents/html-writer';
import { verifyStore } from '../../src-main/core/meetingday/verify';
import { openSqliteStore } from '../../src-main/core/store/open';
import type { Db } from '../../src-main/core/store/database';
import type { VerifyReport } from '../../src-shared/api/meetingday';
import { tempDir } from '../helpers/store';
import { everyonePresent, itemId, meetingDayDocument, MEETING } from './meetingday-fixture';

/** Two real PNGs (2×1 and 1×1), so a logo check that reads the image accepts both. */
export const LOGO_A = { mime: 'image/png' as const, base64: 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwyBDAAv3QP9ZO5/RwAAAABJRU5ErkJggg==' };
export const LOGO_B = { mime: 'image/png' as const, base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' };

export const LABEL = 'the approved minutes of Organisations- og Beredskabsudvalget on 02-06-2026';

export type Approved = { file: string; keyFile: string; committeeId: string; items: Record<number, string> };

/** Builds the approved meeting once, in a file of its own; returns where it is. */
export async function buildApproved(): Promise<Approved> {
  const dir = tempDir('referent-seal-');
  const keyFile = path.join(dir, 'key', 'referent.key');
  const file = path.join(dir, 'referent.sqlite');
  const store = openSqliteStore(file, { keyFile });
  const ctx: CoreContext = { store, shell: 'cli', version: 'test' };
  await call(ctx, 'settings.update', { name: 'Haderslev Kommune', logo: LOGO_A });
  const doc = meetingDayDocument();
  const items = doc.committees[0]!.meetings[0]!.items;
  items[3]!.access = 'closed';
  items[4]!.attachments = [{ title: 'Strategi (udkast)', access: 'closed' }, { title: 'Høringssvar', access: 'open' }];
  await call(ctx, 'exchange.import', { document: doc });
  const committeeId = (await call(ctx, 'committees.list', {})).find((c) => c.shortName === 'OBU')!.id;
  await call(ctx, 'committees.update', { id: committeeId, template: { headings: { summary: 'Resume og sagens baggrund' }, attendanceUnderItems: true, decisionHeading: 'Beslutning i {udvalg} den {dato}' } });
  await call(ctx, 'committees.updateMember', { committeeId, key: 'hm', title: 'Borgmester' });
  let view = await call(ctx, 'meetingday.setAttendance', { meetingId: MEETING, entries: [...everyonePresent.slice(0, 4), { member: 'mbi', status: 'apologies', substitute: 'sr' }] });
  for (const item of view.items) {
    if (item.role !== 'signature') view = await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: item.number === 6 ? 'postponed' : 'approved', ...(item.number === 4 ? { public: true } : {}) });
  }
  view = await call(ctx, 'meetingday.setVotes', { itemId: itemId(view, 5), votes: { for: ['hm', 'cdh', 'sr'], against: ['fl', 'js'], abstained: [] } });
  view = await call(ctx, 'meetingday.addDissent', { itemId: itemId(view, 5), member: 'js', text: 'Imod strategien.' });
  view = await call(ctx, 'meetingday.setItemAbsence', { itemId: itemId(view, 3), member: 'cdh', reason: 'disqualified' });
  await call(ctx, 'meetingday.setGuests', { meetingId: MEETING, guests: [{ name: 'Anne Jensen', title: 'Direktør', items: [2] }] });
  await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'hm' });
  await call(ctx, 'meetingday.approve', { meetingId: MEETING, member: 'fl' });
  await call(ctx, 'meetingday.approveMinutes', { meetingId: MEETING });
  const ids = Object.fromEntries(view.items.map((i) => [i.number, i.id]));
  await store.close();
  return { file, keyFile, committeeId, items: ids };
}

const KINDS = [
  ['minutes', { kind: 'minutes', public: false }],
  ['decisions', { kind: 'decisions', public: false }],
  ['public minutes', { kind: 'minutes', public: true }],
  ['public decisions', { kind: 'decisions', public: true }],
] as const;

/**
 * What the .docx prints: its body, headers and footers (not its timestamps), with the drawing and
 * bookmark ids (numbered per process by the docx library, and printed nowhere) left out.
 */
async function docxText(bytes: Uint8Array): Promise<string> {
  const parts = unzipSync(bytes);
  return Object.keys(parts)
    .filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))
    .sort()
    .map((n) => strFromU8(parts[n]!).replace(/\b((?:w:)?id)="\d+"/g, '$1="#"'))
    .join('\n');
}

/** Every kind of the approved minutes as the PDF (HTML) and the .docx print them, with the file name; or why they were refused. */
export async function renders(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, req] of KINDS) {
    try {
      const { doc, input } = await loadReferat(db, { meetingId: MEETING, ...req });
      out[name] = `${meetingFilePrefix(input)}\n${renderHtml(doc)}\n${await docxText(await renderDocx(doc))}`;
    } catch (e) {
      out[name] = `refused: ${(e as Error).message}`;
    }
  }
  return out;
}

export type Attempt = { ctx: CoreContext; file: string; keyFile: string; sql: (text: string) => void; raw: <T>(fn: (db: BetterSqlite3.Database) => T) => T };
export type Outcome = { after: Record<string, string>; verify: VerifyReport; refused: string | null };

/** Runs one attempt on a fresh copy of the approved file, then renders the minutes and verifies. */
export async function attempt(approved: Approved, act: (a: Attempt) => Promise<unknown> | unknown): Promise<Outcome> {
  const file = path.join(tempDir('referent-attempt-'), 'referent.sqlite');
  fs.copyFileSync(approved.file, file);
  const store = openSqliteStore(file, { keyFile: approved.keyFile });
  const ctx: CoreContext = { store, shell: 'cli', version: 'test' };
  // An attacker with the file: a connection of their own, outside Referent.
  const raw = <T>(fn: (db: BetterSqlite3.Database) => T): T => {
    const db = new BetterSqlite3(file);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  let refused: string | null = null;
  try {
    await act({ ctx, file, keyFile: approved.keyFile, sql: (text) => raw((db) => db.exec(text)), raw });
  } catch (e) {
    refused = (e as Error).message;
  }
  try {
    return { after: await renders(store.db), verify: await verifyStore(store.db, { keyFiles: [approved.keyFile] }), refused };
  } finally {
    await store.close();
  }
}

/** The minutes as first approved. */
export async function rendersOf(file: string): Promise<Record<string, string>> {
  const store = openSqliteStore(file);
  try {
    return await renders(store.db);
  } finally {
    await store.close();
  }
}
