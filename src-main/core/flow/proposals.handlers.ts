// Handlers of the "proposals" operations (src-shared/api/proposals.ts): items between committees.
import type { proposalOps } from '../../../src-shared/api/proposals';
import { tx, type FeatureHandlers } from '../handler-types';
import { getProposal, listProposals, proposalSummary } from './proposals.read';
import { acceptProposal, ensureProposal, rejectProposal } from './proposals.service';
import { keepAfterChange, removeAfterChange } from './source-change';

export const proposalHandlers: FeatureHandlers<typeof proposalOps> = {
  'proposals.list': (ctx, { committeeId, all }) => listProposals(ctx.store.db, committeeId, all ?? false),
  'proposals.get': (ctx, { proposalId }) => getProposal(ctx.store.db, proposalId),
  'proposals.propose': (ctx, { itemId }) => tx(ctx, async (db) => proposalSummary(db, (await ensureProposal(db, itemId, true))!)),
  'proposals.accept': (ctx, { proposalId, meetingId, position }) => tx(ctx, (db) => acceptProposal(db, proposalId, meetingId, position)),
  'proposals.keep': (ctx, { proposalId }) => tx(ctx, async (db) => {
    await keepAfterChange(db, proposalId);
    return proposalSummary(db, proposalId);
  }),
  'proposals.removeAccepted': (ctx, { proposalId }) => tx(ctx, async (db) => {
    await removeAfterChange(db, proposalId);
    return proposalSummary(db, proposalId);
  }),
  'proposals.reject': (ctx, { proposalId, reason }) => tx(ctx, (db) => rejectProposal(db, proposalId, reason)),
};
