// `referent verify`, the files part: every stored attachment file (those the files table records,
// those attachments name, and any other blob in the store: the folder, or the server's database)
// is hashed and compared with its name, and each one missing or altered is named with the
// attachment and meeting it belongs to.
import type { VerifyReport } from '../../../src-shared/api/meetingday';
import type { Db } from '../store/database';
import { blobFault, describeAttachment, storedName, type AttachmentLabel } from './file-errors';
import type { FileStore } from './file-store';

export type FilesReport = NonNullable<VerifyReport['files']>;

/** The report of the rest of verify with the files' part added: any damaged file makes it fail. */
export function withFilesReport(report: VerifyReport, files: FilesReport): VerifyReport {
  return { ...report, ok: report.ok && files.faults.length === 0, fault: report.fault ?? files.faults[0] ?? null, files };
}

export async function verifyFiles(db: Db, files: FileStore): Promise<FilesReport> {
  const recorded = new Map((await db.selectFrom('files').select(['sha256', 'size']).execute()).map((r) => [r.sha256, r.size]));
  const labels = await attachmentLabels(db);
  const report: FilesReport = { checked: 0, faults: [], hashOnly: 0 };
  const seen = new Set<string>();
  for (const sha of [...recorded.keys(), ...labels.keys()]) {
    if (seen.has(sha)) continue;
    seen.add(sha);
    const state = await files.check(db, sha, recorded.get(sha));
    const uses = labels.get(sha) ?? [];
    if (state === 'ok') report.checked++;
    else if (state === 'missing' && !recorded.has(sha)) report.hashOnly += uses.length;
    else report.faults.push(fault(state, sha, uses));
  }
  // Blobs nobody names any more are still the store's: one that does not match its name is damage.
  for (const sha of await files.list(db)) {
    if (seen.has(sha)) continue;
    const state = await files.check(db, sha);
    if (state === 'ok') report.checked++;
    else report.faults.push(`The stored file ${storedName(sha)}, which no attachment uses, is damaged or altered: its content no longer matches its SHA-256.`);
  }
  return report;
}

function fault(kind: 'missing' | 'altered', sha: string, uses: AttachmentLabel[]): string {
  if (uses.length === 0) {
    return kind === 'missing'
      ? `The stored file ${storedName(sha)}, which no attachment uses, is missing from the data folder.`
      : `The stored file ${storedName(sha)}, which no attachment uses, is damaged or altered: its content no longer matches its SHA-256.`;
  }
  const more = uses.length > 1 ? ` It is also the file of ${uses.slice(1, 4).map((u) => describeAttachment(u).en).join(', ')}${uses.length > 4 ? ` and ${uses.length - 4} more` : ''}.` : '';
  return blobFault(kind, sha, uses[0]!).en + more;
}

async function attachmentLabels(db: Db): Promise<Map<string, AttachmentLabel[]>> {
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('items as i', 'i.id', 'a.item_id')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['a.sha256', 'a.title', 'i.title as item', 'm.start', 'c.name as committee'])
    .where('a.sha256', 'is not', null)
    .orderBy('m.start')
    .orderBy('i.position')
    .orderBy('a.position')
    .execute();
  const out = new Map<string, AttachmentLabel[]>();
  for (const r of rows) {
    const list = out.get(r.sha256!) ?? [];
    list.push({ title: r.title, item: r.item, committee: r.committee, start: r.start });
    out.set(r.sha256!, list);
  }
  return out;
}
