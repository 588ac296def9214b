// Handlers of the "checkout" operations (src-shared/api/checkout.ts): the server's take, status,
// release and check-in, and the laptop's receive, prepare, done and copies.
import type { checkoutOps } from '../../../src-shared/api/checkout';
import type { FeatureHandlers } from '../handler-types';
import { tx } from '../handler-types';
import { acceptCheckin } from './checkin';
import { checkoutStatus, releaseCheckout, takeCheckout, whoCalls } from './checkout.service';
import { checkinDone, listCopies, prepareCheckin, receiveCheckout } from './copy';

export const checkoutHandlers: FeatureHandlers<typeof checkoutOps> = {
  'checkout.status': (ctx, { meetingId }) => checkoutStatus(ctx.store.db, meetingId),
  'checkout.take': (ctx, { meetingId, holder }) => tx(ctx, (db) => takeCheckout(db, ctx.store.files, meetingId, whoCalls(ctx.author, holder))),
  'checkout.release': (ctx, { meetingId, holder, force }) => tx(ctx, (db) => releaseCheckout(db, meetingId, whoCalls(ctx.author, holder), force === true)),
  'checkout.checkin': (ctx, { package: pkg }) => tx(ctx, (db) => acceptCheckin(db, ctx.store.files, pkg, whoCalls(ctx.author, pkg.holder))),
  'checkout.receive': (ctx, { package: pkg }) => receiveCheckout(ctx.store, pkg),
  'checkout.prepare': (ctx, { meetingId }) => prepareCheckin(ctx.store, meetingId),
  'checkout.done': (ctx, { meetingId, checkoutId }) => tx(ctx, (db) => checkinDone(db, meetingId, checkoutId)),
  'checkout.copies': (ctx) => listCopies(ctx.store.db),
};
