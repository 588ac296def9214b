// The process the crash harness kills: it writes to the database as the app and the CLI do, in a
// seeded order, until it is killed. Before each operation it prints {"begin": …} and after each
// one that has completed (committed, or its file renamed into place) {"ack": …}, one JSON line
// each on stdout (synchronous for a pipe), so the checker knows what must be there.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { ReferentDocument } from '../../src-shared/exchange';
import { runCli } from '../../src-main/cli/run';
import { call } from '../../src-main/core/dispatch';
import { openSqliteStore } from '../../src-main/core/store/open';
import { sha256Hex } from '../../src-main/core/util/canonical';
import { rng } from '../archive/prng';

export type WriterConfig = {
  db: string;
  work: string;
  seed: number;
  /** The meeting the edits go to. */
  editMeetingId: string;
  /** An approved meeting whose page numbers are cached, exported as .docx without a browser. */
  exportMeetingId: string;
  /** The committee exported as a .referent.zip (the last import of a bundle, so it carries files). */
  exportCommittee: string;
  /** Size range of each attachment of an imported bundle, in bytes. */
  attachmentBytes: [number, number];
};

export type WriterEvent =
  | { ready: true }
  | { begin: 'addItem'; title: string }
  | { ack: 'addItem'; itemId: string; title: string }
  | { begin: 'retitle'; itemId: string; title: string }
  | { ack: 'retitle'; itemId: string; title: string }
  | { begin: 'import'; committee: string; meetings: number; items: number }
  | { ack: 'import'; committee: string }
  | { begin: 'export'; kind: 'json' | 'docx'; path: string }
  | { ack: 'export'; kind: 'json' | 'docx'; path: string }
  | { failed: string; error: string };

export const IMPORT_MEETINGS = 2;
export const IMPORT_ITEMS_PER_MEETING = 3;

const say = (e: WriterEvent): void => void process.stdout.write(`${JSON.stringify(e)}\n`);

/** Seeded bytes of a given size, unique by their label: a random block repeated (fast), the label first. */
function attachment(r: ReturnType<typeof rng>, size: number, label: string): Uint8Array {
  const block = new Uint32Array(16 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = r.int(0, 0xffffffff);
  const bytes = new Uint8Array(size);
  const b = new Uint8Array(block.buffer);
  for (let off = 0; off < size; off += b.length) bytes.set(b.subarray(0, Math.min(b.length, size - off)), off);
  bytes.set(new TextEncoder().encode(`%PDF-1.7 ${label}\n`).subarray(0, size));
  return bytes;
}

/** A bundle of one new committee, its meetings and items, each item with one attachment of seeded bytes. */
function bundle(r: ReturnType<typeof rng>, committee: string, sizes: [number, number]): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  const doc: ReferentDocument = {
    format: 'referent/v1',
    committees: [
      {
        name: committee,
        numbering: 'per-meeting',
        members: [{ key: 'hm', name: 'Holger Mikkelsen', role: 'chair' }],
        meetings: Array.from({ length: IMPORT_MEETINGS }, (_, mi) => ({
          start: `2027-0${mi + 1}-1${r.int(0, 9)}T14:30`,
          items: Array.from({ length: IMPORT_ITEMS_PER_MEETING }, (_, ii) => {
            const bytes = attachment(r, r.int(sizes[0], sizes[1]), `${committee} ${mi}.${ii}`);
            const sha = sha256Hex(bytes);
            files[`files/${sha}`] = [bytes, { level: 0 }];
            return { title: `Sag ${mi + 1}.${ii + 1} i ${committee}`, sections: [{ kind: 'summary' as const, body: `Resume af sag ${ii + 1}.` }], attachments: [{ title: `Bilag ${ii + 1}.pdf`, sha256: sha }] };
          }),
        })),
      },
    ],
  };
  files['referent.json'] = [new TextEncoder().encode(JSON.stringify(doc)), { level: 0 }];
  return zipSync(files);
}

async function main(cfg: WriterConfig): Promise<void> {
  const r = rng(cfg.seed);
  const store = openSqliteStore(cfg.db, { appVersion: 'crash-writer' });
  const ctx = { store, shell: 'cli' as const, version: 'crash-writer' };
  const io = {
    out: () => {},
    err: (t: string) => void process.stderr.write(`${t}\n`),
    dbFile: () => cfg.db,
    open: (_db: string | undefined, mode?: { readOnly?: boolean }) => ({ store: openSqliteStore(cfg.db, { readOnly: mode?.readOnly === true }), shell: 'cli' as const, version: 'crash-writer' }),
    cwd: cfg.work,
  };
  const mine: string[] = [];
  say({ ready: true });
  for (let n = 0; ; n++) {
    const label = `${cfg.seed}-${n}`;
    const x = r.next();
    try {
      if (x < 0.35) {
        const title = `Punkt ${label}`;
        say({ begin: 'addItem', title });
        const item = await call(ctx, 'agenda.addItem', { meetingId: cfg.editMeetingId, title });
        mine.push(item.id);
        say({ ack: 'addItem', itemId: item.id, title });
      } else if (x < 0.55 && mine.length > 0) {
        const itemId = r.pick(mine);
        const title = `Ændret ${label}`;
        say({ begin: 'retitle', itemId, title });
        await call(ctx, 'agenda.updateItem', { itemId, title });
        say({ ack: 'retitle', itemId, title });
      } else if (x < 0.75) {
        const committee = `Importudvalg ${label}`;
        say({ begin: 'import', committee, meetings: IMPORT_MEETINGS, items: IMPORT_MEETINGS * IMPORT_ITEMS_PER_MEETING });
        const zip = bundle(r, committee, cfg.attachmentBytes);
        const file = path.join(cfg.work, `import-${label}.referent.zip`);
        fs.writeFileSync(file, zip);
        const code = await runCli(['import', file, '--db', cfg.db], io);
        if (code !== 0) throw new Error(`referent import exited ${code}`);
        say({ ack: 'import', committee });
        fs.rmSync(file);
      } else {
        const kind = x < 0.88 ? 'json' : 'docx';
        const out = path.join(cfg.work, kind === 'json' ? 'export.referent.zip' : 'export.docx');
        // One committee with its files: a bundle of everything would grow with every import.
        const args = kind === 'json' ? ['export-json', '--committee', cfg.exportCommittee, '--out', out] : ['export', '--meeting', cfg.exportMeetingId, '--kind', 'minutes', '--format', 'docx', '--out', out];
        say({ begin: 'export', kind, path: out });
        const code = await runCli([...args, '--db', cfg.db], io);
        if (code !== 0) throw new Error(`referent ${args[0]} exited ${code}`);
        say({ ack: 'export', kind, path: out });
      }
    } catch (e) {
      say({ failed: label, error: (e as Error).message });
    }
  }
}

await main(JSON.parse(process.argv[2]!) as WriterConfig);
