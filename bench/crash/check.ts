// What must hold after a writer was killed at any moment: the file passes integrity_check and
// verify; every acknowledged write is there; every import is there whole or not at all; an
// export file at its target name is complete; every stored attachment file matches its hash.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { call } from '../../src-main/core/dispatch';
import { checkIntegrityNow } from '../../src-main/core/store/sqlite/integrity';
import { openSqliteStore } from '../../src-main/core/store/open';
import { filePath } from '../../src-main/core/files/file-store';
import type { WriterEvent } from './writer';

/** Everything the writers said, over all rounds: what they began and what they acknowledged. */
export type Ledger = {
  /** Per item a writer added: the titles it was given in order, and how many of them were acknowledged first. */
  items: Map<string, { titles: string[]; acked: number }>;
  imports: Map<string, { meetings: number; items: number; acked: boolean }>;
  exports: Map<string, { kind: 'json' | 'docx'; acked: boolean }>;
  acks: number;
  /** Stored files already found whole, by path, with the size and time they had then (not read again). */
  verified: Map<string, string>;
};

export const emptyLedger = (): Ledger => ({ items: new Map(), imports: new Map(), exports: new Map(), acks: 0, verified: new Map() });

/** Adds one writer's events; returns the operation it was in when it stopped (null between operations). */
export function record(ledger: Ledger, events: WriterEvent[]): string | null {
  let open: string | null = null;
  for (const e of events) {
    if ('begin' in e) open = e.begin === 'export' ? `export ${e.kind}` : e.begin;
    if ('ack' in e || 'failed' in e) open = null;
    if ('ack' in e) ledger.acks++;
    if ('begin' in e && e.begin === 'retitle') ledger.items.get(e.itemId)?.titles.push(e.title);
    if ('ack' in e && e.ack === 'addItem') ledger.items.set(e.itemId, { titles: [e.title], acked: 1 });
    if ('ack' in e && e.ack === 'retitle') {
      const it = ledger.items.get(e.itemId)!;
      it.acked = it.titles.lastIndexOf(e.title) + 1;
    }
    if ('begin' in e && e.begin === 'import') ledger.imports.set(e.committee, { meetings: e.meetings, items: e.items, acked: false });
    if ('ack' in e && e.ack === 'import') ledger.imports.get(e.committee)!.acked = true;
    if ('begin' in e && e.begin === 'export' && !ledger.exports.has(e.path)) ledger.exports.set(e.path, { kind: e.kind, acked: false });
    if ('ack' in e && e.ack === 'export') ledger.exports.get(e.path)!.acked = true;
  }
  return open;
}

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The faults found, each one sentence; none when all holds. */
export async function checkAfterKill(db: string, ledger: Ledger): Promise<string[]> {
  const faults: string[] = [];
  // Opened as the app opens it after a crash (the WAL is recovered).
  const store = openSqliteStore(db);
  try {
    const integrity = checkIntegrityNow(store);
    if (integrity !== 'ok') faults.push(`integrity_check: ${integrity}`);
    const verify = await call({ store, shell: 'cli', version: 'crash-check' }, 'meetingday.verify', {});
    if (verify.fault) faults.push(`verify: ${verify.fault}`);

    const titles = new Map((await store.db.selectFrom('items').select(['id', 'title']).execute()).map((r) => [r.id, r.title]));
    for (const [id, it] of ledger.items) {
      const now = titles.get(id);
      // The last acknowledged title, or one begun after it (committed, then killed before the ack).
      if (now === undefined) faults.push(`acknowledged item ${id} ("${it.titles[0]}") is missing`);
      else if (!it.titles.slice(it.acked - 1).includes(now)) faults.push(`item ${id} is titled "${now}", not its acknowledged "${it.titles[it.acked - 1]}" or a later one`);
    }

    for (const [committee, want] of ledger.imports) {
      const row = await store.db
        .selectFrom('committees as c')
        .leftJoin('meetings as m', 'm.committee_id', 'c.id')
        .leftJoin('items as i', 'i.meeting_id', 'm.id')
        .select((eb) => [eb.fn.count<number>('m.id').distinct().as('meetings'), eb.fn.count<number>('i.id').as('items')])
        .where('c.name', '=', committee)
        .executeTakeFirst();
      const found = await store.db.selectFrom('committees').select('id').where('name', '=', committee).executeTakeFirst();
      if (!found) {
        if (want.acked) faults.push(`acknowledged import of ${committee} is missing`);
        continue;
      }
      if (Number(row!.meetings) !== want.meetings || Number(row!.items) !== want.items) {
        faults.push(`import of ${committee} is partial: ${row!.meetings} of ${want.meetings} meetings, ${row!.items} of ${want.items} items`);
      }
      // Each of its attachments has its file, recorded and on disk (the hash is checked below).
      const attachments = await store.db
        .selectFrom('attachments as a')
        .innerJoin('items as i', 'i.id', 'a.item_id')
        .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
        .innerJoin('committees as c', 'c.id', 'm.committee_id')
        .leftJoin('files as f', 'f.sha256', 'a.sha256')
        .select(['a.sha256', 'f.sha256 as recorded'])
        .where('c.name', '=', committee)
        .execute();
      if (attachments.length !== want.items) faults.push(`import of ${committee} has ${attachments.length} of its ${want.items} attachments`);
      for (const a of attachments) {
        if (!a.recorded || !fs.existsSync(filePath(store.filesDir, a.sha256!))) faults.push(`import of ${committee} lacks the file ${a.sha256?.slice(0, 12)}…`);
      }
    }

    for (const [file, want] of ledger.exports) {
      if (!fs.existsSync(file)) {
        if (want.acked) faults.push(`acknowledged export ${path.basename(file)} is missing`);
        continue;
      }
      const problem = exportProblem(file, want.kind);
      if (problem) faults.push(`export ${path.basename(file)} is not whole: ${problem}`);
    }

    for (const { file, sha } of storedFiles(store.filesDir)) {
      const st = fs.statSync(file);
      const stamp = `${st.size}:${st.mtimeMs}`;
      if (ledger.verified.get(file) === stamp) continue;
      if (sha256(fs.readFileSync(file)) === sha) ledger.verified.set(file, stamp);
      else faults.push(`stored file ${sha.slice(0, 12)}… does not match its hash (${st.size} bytes)`);
    }
  } finally {
    await store.close();
  }
  return faults;
}

function exportProblem(file: string, kind: 'json' | 'docx'): string | null {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(file));
  } catch (e) {
    return `not a readable zip (${(e as Error).message})`;
  }
  if (kind === 'docx') return entries['word/document.xml'] && entries['[Content_Types].xml'] ? null : 'no word/document.xml';
  const json = entries['referent.json'];
  if (!json) return 'no referent.json';
  try {
    if ((JSON.parse(strFromU8(json)) as { format?: string }).format !== 'referent/v1') return 'referent.json is not referent/v1';
  } catch (e) {
    return `referent.json does not parse (${(e as Error).message})`;
  }
  for (const [name, bytes] of Object.entries(entries)) {
    const m = /^files\/([0-9a-f]{64})$/.exec(name);
    if (m && sha256(bytes) !== m[1]) return `${name} does not match its hash`;
  }
  return null;
}

/** Every file under files/ named by a SHA-256 (temporary files of an unfinished write are not stored files). */
function storedFiles(dir: string): { file: string; sha: string }[] {
  if (!fs.existsSync(dir)) return [];
  const out: { file: string; sha: string }[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /^[0-9a-f]{64}$/.test(e.name)) out.push({ file: path.join(e.parentPath, e.name), sha: e.name });
  }
  return out;
}
