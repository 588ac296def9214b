// The one entry for every adapter (IPC, HTTP, CLI): parse the input with the contract's zod
// schema, run the handler, and turn the outcome into a Result. Nothing else crosses a boundary.
import { api, isOpName, type OpName, type OpOutput } from '../../src-shared/api';
import type { ApiFailure, Result } from '../../src-shared/result';
import type { CoreContext } from './context';
import { AppError, describeRefusal } from './errors';
import { handlers } from './handlers';
import type { Store } from './store/open';
import type { Handler } from './handler-types';
import { authorize } from './access/authorize';

export async function invoke(ctx: CoreContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isOpName(name)) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${name}".`, messageDa: `Der findes ingen handling ved navn "${name}".` } };
  const parsed = api[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { message, da } = describeRefusal(api[name].input, rawInput ?? {}, parsed.error);
    return { ok: false, error: { code: 'Invalid', message, ...(da ? { messageDa: da } : {}) } };
  }
  try {
    // Under `referent serve` the account's roles decide, before anything is read or written.
    if (ctx.account) await authorize(ctx.store.db, ctx.account, name, parsed.data);
    const handler = handlers[name] as Handler<OpName>;
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toFailure(e, ctx.store) };
  }
}

/** `store`: its dialect tells a failure of the database itself (busy, damaged, disk full …) as a sentence naming it. */
export function toFailure(e: unknown, store?: Pick<Store, 'features'>): ApiFailure {
  if (store) e = store.features.mapError(e) ?? e;
  if (e instanceof AppError) return e.da ? { code: e.code, message: e.message, messageDa: e.da } : { code: e.code, message: e.message };
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    const detail = err.message ?? err.code;
    return { code: 'Conflict', message: `The change conflicts with what is stored (${detail}).`, messageDa: `Ændringen strider mod det, der allerede er gemt (${detail}).` };
  }
  console.error(e);
  const detail = err?.message ?? String(e);
  return { code: 'Internal', message: `Something went wrong inside Referent: ${detail}`, messageDa: `Der opstod en fejl inde i Referent: ${detail}` };
}

/** Typed in-process call (CLI, tests): throws the AppError instead of returning a Result. */
export async function call<K extends OpName>(ctx: CoreContext, name: K, input: unknown): Promise<OpOutput<K>> {
  const r = await invoke(ctx, name, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.messageDa);
  return r.value as OpOutput<K>;
}
