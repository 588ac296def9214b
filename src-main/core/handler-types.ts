import type { OpName, OpOutput, OpParsedInput } from '../../src-shared/api';
import type { CoreContext } from './context';
import { asAuthor } from './changelog/author';

export type Handler<K extends OpName> = (ctx: CoreContext, input: OpParsedInput<K>) => Promise<OpOutput<K>>;
export type Handlers = { [K in OpName]: Handler<K> };
/** The handlers of one feature's operation table. */
export type FeatureHandlers<T> = { [K in keyof T & OpName]: Handler<K> };

/**
 * Runs fn in one short write transaction (the store's `write`): a mutation lands whole or not at
 * all, and the search index takes the items it changed in the same transaction.
 */
export const tx = <T>(ctx: CoreContext, fn: (db: CoreContext['store']['db']) => Promise<T>): Promise<T> => {
  const write = (): Promise<T> => ctx.store.write((db) => fn(db as unknown as CoreContext['store']['db']));
  // The change-log entries of this write name the context's author (`referent serve`'s account).
  return ctx.author !== undefined ? asAuthor(ctx.author, write) : write();
};
