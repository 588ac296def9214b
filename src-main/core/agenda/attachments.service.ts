// An item's attachments (bilag): the file stored once by its SHA-256 in the data folder, the
// row holding its title, access and place in the item's list.
import path from 'node:path';
import type { AgendaItemDetail, AttachmentDto, AttachmentFile } from '../../../src-shared/api/agenda';
import type { Access } from '../../../src-shared/domain';
import { appendChange } from '../changelog/changelog';
import { AppError, notFound } from '../errors';
import { checkAttachmentName, inertName } from '../../../src-shared/attachment-types';
import { fileRefusal } from '../files/attachment-policy';
import type { AttachmentLabel } from '../files/file-errors';
import { readBlob, storeFile, type FileStore } from '../files/file-store';
import type { Db } from '../store/database';
import { newId } from '../util/canonical';
import { itemsRepository as repo } from './items.repository';
import { getItem, itemAndMeeting, toAttachmentDto } from './items.service';

/** "Bilag - anlæg.pdf" -> "Bilag - anlæg": the title a secretary would write. */
const titleFromFileName = (fileName: string): string => path.basename(fileName, path.extname(fileName)).trim() || fileName;

/** The type's own MIME for an allowed document, else bytes that nothing runs. */
const mimeOf = (fileName: string): string => {
  const v = checkAttachmentName(fileName);
  return v.ok ? v.mime : 'application/octet-stream';
};

async function attachmentAndMeeting(db: Db, attachmentId: string) {
  const a = await repo.attachmentById(db, attachmentId);
  if (!a) throw notFound('The attachment', 'Bilaget');
  return { attachment: a, ...(await itemAndMeeting(db, a.item_id, { leaving: true })) };
}

async function toDto(db: Db, attachmentId: string): Promise<AttachmentDto> {
  const a = await repo.attachmentById(db, attachmentId);
  if (!a) throw notFound('The attachment', 'Bilaget');
  const f = a.sha256 ? await db.selectFrom('files').select('size').where('sha256', '=', a.sha256).executeTakeFirst() : undefined;
  return toAttachmentDto(a, f?.size ?? null);
}

export type NewAttachment = { itemId: string; fileName: string; title?: string | undefined; access?: Access | undefined; bytes: Uint8Array };

export async function addAttachment(db: Db, files: FileStore, input: NewAttachment): Promise<AttachmentDto> {
  const { item, meeting } = await itemAndMeeting(db, input.itemId);
  if (input.bytes.byteLength === 0) throw new AppError('Invalid', `The file "${input.fileName}" is empty.`, `Filen "${input.fileName}" er tom.`);
  // Only documents whose bytes fit their name are taken in: nothing attached may run a program when opened.
  const refused = fileRefusal(input.fileName, input.bytes);
  if (refused) throw new AppError('Invalid', `${refused.en}; it cannot be attached.`, `${refused.da}; den kan ikke vedhæftes.`);
  const sha = await storeFile(db, files, input.bytes);
  const last = await db.selectFrom('attachments').select((e) => e.fn.max('position').as('p')).where('item_id', '=', item.id).executeTakeFirst();
  const id = newId();
  const title = input.title?.trim() || titleFromFileName(input.fileName);
  await db
    .insertInto('attachments')
    .values({ id, item_id: item.id, position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1, title, access: input.access ?? 'open', sha256: sha, file_name: path.basename(input.fileName) })
    .execute();
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'attachment.add', payload: { itemId: item.id, attachmentId: id, title, sha256: sha } });
  return toDto(db, id);
}

export async function updateAttachment(db: Db, input: { attachmentId: string; title?: string | undefined; access?: Access | undefined }): Promise<AttachmentDto> {
  const { attachment, meeting } = await attachmentAndMeeting(db, input.attachmentId);
  await db
    .updateTable('attachments')
    .set({ ...(input.title !== undefined ? { title: input.title } : {}), ...(input.access !== undefined ? { access: input.access } : {}) })
    .where('id', '=', attachment.id)
    .execute();
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'attachment.update', payload: input });
  return toDto(db, attachment.id);
}

export async function removeAttachment(db: Db, attachmentId: string): Promise<AgendaItemDetail> {
  const { attachment, meeting } = await attachmentAndMeeting(db, attachmentId);
  await db.deleteFrom('attachments').where('id', '=', attachment.id).execute();
  const rest = await repo.attachments(db, attachment.item_id);
  await writeOrder(db, attachment.item_id, rest.map((a) => a.id));
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'attachment.remove', payload: { attachmentId, title: attachment.title } });
  return getItem(db, attachment.item_id);
}

async function writeOrder(db: Db, itemId: string, ids: readonly string[]): Promise<void> {
  await db
    .updateTable('attachments')
    .set((eb) => ({ position: eb(eb.neg(eb.ref('position')), '-', 1) }))
    .where('item_id', '=', itemId)
    .where('position', '>=', 0)
    .execute();
  for (const [position, id] of ids.entries()) await db.updateTable('attachments').set({ position }).where('id', '=', id).execute();
}

export async function reorderAttachments(db: Db, itemId: string, attachmentIds: readonly string[]): Promise<AgendaItemDetail> {
  const { meeting } = await itemAndMeeting(db, itemId);
  const current = await repo.attachments(db, itemId);
  const known = new Set(current.map((a) => a.id));
  if (attachmentIds.length !== current.length || new Set(attachmentIds).size !== attachmentIds.length || attachmentIds.some((id) => !known.has(id))) {
    throw new AppError('Invalid', 'The new order must list every attachment of the item exactly once.', 'Den nye rækkefølge skal nævne hvert af punktets bilag præcis én gang.');
  }
  await writeOrder(db, itemId, attachmentIds);
  await appendChange(db, { meetingId: meeting.id, committeeId: meeting.committee_id, action: 'attachment.reorder', payload: { itemId, attachmentIds } });
  return getItem(db, itemId);
}

/** The attachment as the secretary knows it (title, item, committee, date): for the sentences about its file. */
async function labelOf(db: Db, a: { title: string; item_id: string }): Promise<AttachmentLabel> {
  const row = await db
    .selectFrom('items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select(['i.title as item', 'm.start', 'c.name as committee'])
    .where('i.id', '=', a.item_id)
    .executeTakeFirstOrThrow();
  return { title: a.title, ...row };
}

/**
 * An attachment's stored bytes, checked against its hash, and the name it was added under;
 * refuses when it has no file or the file is missing or altered. Reading needs no unlocked meeting.
 */
export async function loadAttachment(db: Db, files: FileStore, attachmentId: string): Promise<{ title: string; fileName: string; sha256: string; bytes: Buffer }> {
  const a = await repo.attachmentById(db, attachmentId);
  if (!a) throw notFound('The attachment', 'Bilaget');
  const fileName = a.file_name ?? `${a.title}.pdf`;
  if (!a.sha256) throw new AppError('NotFound', `The attachment "${a.title}" has no file; it was imported without one.`, `Bilaget "${a.title}" har ingen fil; det blev indlæst uden.`);
  return { title: a.title, fileName, sha256: a.sha256, bytes: await readBlob(db, files, a.sha256, await labelOf(db, a)) };
}

/**
 * The file's bytes, for "download". A file that opening would refuse (not a document type, a
 * double extension, bytes that do not fit the name) comes under a name that opens nothing.
 */
export async function readAttachment(db: Db, files: FileStore, attachmentId: string): Promise<AttachmentFile> {
  const { fileName, bytes } = await loadAttachment(db, files, attachmentId);
  const name = fileRefusal(fileName, bytes) ? inertName(fileName) : fileName;
  return { fileName: name, mime: mimeOf(name), base64: bytes.toString('base64') };
}
