import type { OpName, OpOutput, OpParsedInput } from '../../src-shared/api';
import type { CoreContext } from './context';

export type Handler<K extends OpName> = (ctx: CoreContext, input: OpParsedInput<K>) => Promise<OpOutput<K>>;
export type Handlers = { [K in OpName]: Handler<K> };
/** The handlers of one feature's operation table. */
export type FeatureHandlers<T> = { [K in keyof T & OpName]: Handler<K> };

/** Runs fn in one short transaction: a mutation lands whole or not at all. */
export const tx = <T>(ctx: CoreContext, fn: (db: CoreContext['store']['db']) => Promise<T>): Promise<T> =>
  ctx.store.db.transaction().execute((trx) => fn(trx as unknown as CoreContext['store']['db']));
