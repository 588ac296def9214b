// A request's (or any stream's) body, read whole within a size limit and decoded once: bytes are
// joined before UTF-8 decoding, so a Danish letter (two bytes) that TCP splits across two chunks
// stays one letter instead of two U+FFFD.
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request is too large (more than ${limit} bytes).`);
  }
}

/** The largest request body `referent serve` reads (an Api call's JSON; an imported document is one). */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/** The bytes of `stream`; throws BodyTooLarge as soon as they pass `limit`. */
export async function readBytes(stream: AsyncIterable<unknown>, limit = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/** The text of `stream`, decoded as UTF-8 once, after its bytes are joined. */
export const readBody = async (stream: AsyncIterable<unknown>, limit = Infinity): Promise<string> => (await readBytes(stream, limit)).toString('utf8');

/** The sentence a reader of a too-large body answers with. */
export const TOO_LARGE = { message: 'The request is too large.', messageDa: 'Forespørgslen er for stor.' } as const;

/** For `.catch`: a body over its limit becomes null (the caller answers 413 with TOO_LARGE); any other failure stays one. */
export const nullIfTooLarge = (e: unknown): null => {
  if (e instanceof BodyTooLarge) return null;
  throw e;
};
