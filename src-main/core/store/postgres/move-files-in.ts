// Attachment files a server kept in a folder before they moved into its database (sessions 3-5:
// $REFERENT_FILES or ~/.referent/server-files/<host>_<port>_<database>/) are moved in when the store
// opens: each file hash-checked, all in one transaction holding the write lock, so two servers
// starting at once move them once. Done once: the database then records the folder (a setting),
// and the folder is left as it was (a copy, not the only one). A file that a row names but the
// folder lacks, or whose content no longer matches its name, stops the move with one sentence
// naming it and its attachment; the database is left unchanged. docs/server-design.md §6.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../database';
import { AppError } from '../../errors';
import { blobsInFolder, filePath, type FileStore } from '../../files/file-store';
import { describeAttachment, type AttachmentLabel } from '../../files/file-errors';
import { sha256Hex } from '../../util/canonical';
import { lockForWrite } from '../write-lock';
import type { Store } from '../open';

const MOVED = 'store.filesMovedFrom';

export type FilesMoveReport = { moved: number; present: number } | null;

/** Moves the folder's files into `files` (the database), once; null when there was nothing to do. */
export async function moveFolderIn(store: Store, folder: string): Promise<FilesMoveReport> {
  if (!fs.existsSync(folder)) return null;
  const key = path.resolve(folder);
  return store.db.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    const done = await trx.selectFrom('settings').select('value').where('key', '=', MOVED).executeTakeFirst();
    if (done && (JSON.parse(done.value) as string[]).includes(key)) return null;
    const report = await moveIn(trx, store.files, folder);
    const list = done ? [...(JSON.parse(done.value) as string[]), key] : [key];
    await trx.insertInto('settings').values({ key: MOVED, value: JSON.stringify(list) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(list) })).execute();
    return report;
  });
}

async function moveIn(db: Db, files: FileStore, folder: string): Promise<{ moved: number; present: number }> {
  const faults: string[] = [];
  const faultsDa: string[] = [];
  let moved = 0;
  let present = 0;
  const labels = await attachmentLabels(db);
  const named = new Set((await db.selectFrom('files').select('sha256').execute()).map((r) => r.sha256));
  const inFolder = new Set(blobsInFolder(folder));
  // In hash order, so that the sentence names them in the same order every time.
  for (const sha of [...new Set([...named, ...inFolder])].sort()) {
    if (!inFolder.has(sha)) {
      // Named by a row but not in the folder: fine if the database has it already, else lost.
      if (await files.has(db, sha)) continue;
      const d = describe(sha, labels);
      faults.push(`the file of ${d.en} is missing (${filePath(folder, sha)})`);
      faultsDa.push(`filen til ${d.da} mangler (${filePath(folder, sha)})`);
      continue;
    }
    inFolder.delete(sha);
    const bytes = fs.readFileSync(filePath(folder, sha));
    if (sha256Hex(bytes) !== sha) {
      const d = describe(sha, labels);
      faults.push(`the file of ${d.en} no longer matches its SHA-256 (${filePath(folder, sha)})`);
      faultsDa.push(`filen til ${d.da} passer ikke længere med sin SHA-256 (${filePath(folder, sha)})`);
      continue;
    }
    if ((await files.put(db, sha, bytes)) === 'present') present++;
    else moved++;
  }
  if (faults.length > 0) {
    const more = faults.length > 3 ? ` and ${faults.length - 3} more` : '';
    const moreDa = faults.length > 3 ? ` og ${faults.length - 3} til` : '';
    throw new AppError(
      'Corrupt',
      `The attachment files in ${folder} could not be moved into the database: ${faults.slice(0, 3).join('; ')}${more}. Put the right files back in the folder (from a backup) and start again; nothing was moved.`,
      `Bilagsfilerne i ${folder} kunne ikke flyttes ind i databasen: ${faultsDa.slice(0, 3).join('; ')}${moreDa}. Læg de rigtige filer tilbage i mappen (fra en sikkerhedskopi), og start igen; intet er flyttet.`,
    );
  }
  return { moved, present };
}

function describe(sha: string, labels: Map<string, AttachmentLabel>): { en: string; da: string } {
  const label = labels.get(sha);
  return label ? describeAttachment(label) : { en: `files/${sha.slice(0, 2)}/${sha}, which no attachment uses`, da: `files/${sha.slice(0, 2)}/${sha}, som intet bilag bruger` };
}

async function attachmentLabels(db: Db): Promise<Map<string, AttachmentLabel>> {
  const rows = await sql<AttachmentLabel & { sha256: string }>`
    SELECT a.sha256, a.title, i.title AS item, m.start, c.name AS committee
    FROM attachments a JOIN items i ON i.id = a.item_id JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
    WHERE a.sha256 IS NOT NULL`.execute(db);
  return new Map(rows.rows.map((r) => [r.sha256, { title: r.title, item: r.item, committee: r.committee, start: r.start }]));
}
