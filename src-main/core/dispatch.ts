// The one entry for every adapter (IPC, HTTP, CLI): parse the input with the contract's zod
// schema, run the handler, and turn the outcome into a Result. Nothing else crosses a boundary.
import { api, isOpName, type OpName, type OpOutput } from '../../src-shared/api';
import { describeFirstIssue } from '../../src-shared/exchange';
import type { Result } from '../../src-shared/result';
import type { CoreContext } from './context';
import { AppError } from './errors';
import { handlers } from './handlers';
import type { Handler } from './handler-types';

export async function invoke(ctx: CoreContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isOpName(name)) return { ok: false, error: { code: 'NotFound', message: `There is no operation called "${name}".` } };
  const parsed = api[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'Invalid', message: describeFirstIssue(parsed.error) } };
  try {
    const handler = handlers[name] as Handler<OpName>;
    const value = await handler(ctx, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toFailure(e) };
  }
}

export function toFailure(e: unknown): { code: AppError['code']; message: string } {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) return { code: 'Conflict', message: `The change conflicts with what is stored (${err.message ?? err.code}).` };
  console.error(e);
  return { code: 'Internal', message: `Something went wrong inside Referent: ${err?.message ?? String(e)}` };
}

/** Typed in-process call (CLI, tests): throws the AppError instead of returning a Result. */
export async function call<K extends OpName>(ctx: CoreContext, name: K, input: unknown): Promise<OpOutput<K>> {
  const r = await invoke(ctx, name, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as OpOutput<K>;
}
