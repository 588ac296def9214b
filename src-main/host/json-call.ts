// The browser shell's call: JSON in, JSON out. Parsed and written where the core runs (the
// worker), so a large body (an import of a whole archive) costs the main thread nothing.
import type { CoreContext } from '../core/context';
import { invoke } from '../core/dispatch';

/** The Result as JSON (UTF-8); null when the input is not valid JSON. An empty body is `{}`. */
export async function invokeJson(ctx: CoreContext, name: string, json: Uint8Array): Promise<Uint8Array | null> {
  let input: unknown;
  try {
    const text = Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return null;
  }
  return Buffer.from(JSON.stringify(await invoke(ctx, name, input)));
}
