// Handlers of the "agenda" operations (src-shared/api/agenda.ts).
import type { agendaOps } from '../../../src-shared/api/agenda';
import { tx, type FeatureHandlers } from '../handler-types';
import { addAttachment, readAttachment, removeAttachment, reorderAttachments, updateAttachment } from './attachments.service';
import { copyItem, moveItem } from './items-transfer.service';
import { openAttachment } from './open-attachment';
import { addItem, getAgenda, getItem, removeItem, reorderItems, updateItem } from './items.service';

export const agendaHandlers: FeatureHandlers<typeof agendaOps> = {
  'agenda.get': (ctx, { meetingId }) => getAgenda(ctx.store.db, meetingId),
  'agenda.getItem': (ctx, { itemId }) => getItem(ctx.store.db, itemId),
  'agenda.addItem': (ctx, input) => tx(ctx, (db) => addItem(db, input)),
  'agenda.updateItem': (ctx, input) => tx(ctx, (db) => updateItem(db, input)),
  'agenda.removeItem': (ctx, { itemId }) => tx(ctx, (db) => removeItem(db, itemId)),
  'agenda.reorder': (ctx, { meetingId, itemIds }) => tx(ctx, (db) => reorderItems(db, meetingId, itemIds)),
  'agenda.copyItem': (ctx, { itemId, meetingId }) => tx(ctx, (db) => copyItem(db, itemId, meetingId)),
  'agenda.moveItem': (ctx, { itemId, meetingId }) => tx(ctx, (db) => moveItem(db, itemId, meetingId)),
  'agenda.addAttachment': (ctx, { base64, ...rest }) => tx(ctx, (db) => addAttachment(db, ctx.store.files, { ...rest, bytes: Buffer.from(base64, 'base64') })),
  'agenda.updateAttachment': (ctx, input) => tx(ctx, (db) => updateAttachment(db, input)),
  'agenda.removeAttachment': (ctx, { attachmentId }) => tx(ctx, (db) => removeAttachment(db, attachmentId)),
  'agenda.reorderAttachments': (ctx, { itemId, attachmentIds }) => tx(ctx, (db) => reorderAttachments(db, itemId, attachmentIds)),
  'agenda.readAttachment': (ctx, { attachmentId }) => readAttachment(ctx.store.db, ctx.store.files, attachmentId),
  'agenda.openAttachment': (ctx, { attachmentId }) => openAttachment(ctx.store.db, ctx.store.files, ctx.opener, attachmentId),
};
