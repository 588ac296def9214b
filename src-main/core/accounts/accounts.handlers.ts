// Handlers of the "accounts" operations (src-shared/api/accounts.ts). Account changes are not
// entries of the change log: that chain is the protocol's, and accounts are the server's.
import type { accountOps } from '../../../src-shared/api/accounts';
import { tx, type FeatureHandlers } from '../handler-types';
import { addAccount, listAccounts, setPassword, setRole, updateAccount } from './accounts.service';

export const accountHandlers: FeatureHandlers<typeof accountOps> = {
  'accounts.me': async (ctx) => ctx.account ?? null,
  'accounts.list': (ctx) => listAccounts(ctx.store.db),
  'accounts.add': (ctx, input) => tx(ctx, (db) => addAccount(db, input)),
  'accounts.setPassword': (ctx, { login, password }) => tx(ctx, (db) => setPassword(db, login, password)),
  'accounts.update': (ctx, input) => tx(ctx, (db) => updateAccount(db, input)),
  'accounts.setRole': (ctx, input) => tx(ctx, (db) => setRole(db, input)),
};
