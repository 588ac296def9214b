// Reads a referent/v1 document from a stream of bytes a meeting at a time, so that an archive
// larger than memory (or than a JavaScript string) imports with memory bounded by one meeting.
// It walks the document's outline (the top object, `committees`, each committee) itself and
// hands every other value, whole, to JSON.parse; a meeting is one such value.

/** What the document holds, in the order it holds it. */
export type DocumentEvent =
  | { kind: 'field'; key: string; value: unknown }
  | { kind: 'committee-start'; index: number }
  | { kind: 'committee-field'; index: number; key: string; value: unknown }
  | { kind: 'meeting'; committee: number; index: number; value: unknown }
  | { kind: 'committee-end'; index: number };

/** Malformed JSON, with the byte offset where it was found. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** JSON's white space (space, tab, line feed, carriage return), tested inline: a scan may pass hundreds of MB of it. */
const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class Reader {
  private buf: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  private pos = 0;
  /** Bytes dropped from the front of buf so far (for offsets in messages). */
  private dropped = 0;
  private done = false;
  constructor(private readonly chunks: AsyncIterator<Uint8Array>) {}

  offset(): number {
    return this.dropped + this.pos;
  }

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    // Keep only what is not consumed yet; a value being scanned starts at or after pos.
    const rest = this.buf.subarray(this.pos);
    this.dropped += this.pos;
    this.buf = rest.length ? Buffer.concat([rest, next.value]) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.pos = 0;
    return true;
  }

  fail(message: string): never {
    throw new JsonStreamError(message, this.offset());
  }

  /** The next byte that is not white space, without consuming it; -1 at the end. */
  async peek(): Promise<number> {
    for (;;) {
      const b = this.buf;
      let p = this.pos;
      while (p < b.length && isWs(b[p]!)) p++;
      this.pos = p;
      if (p < b.length) return b[p]!;
      if (!(await this.more())) return -1;
    }
  }

  async expect(byte: number, what: string): Promise<void> {
    if ((await this.peek()) !== byte) this.fail(`expected ${what}`);
    this.pos++;
  }

  /** After a member: true if a comma follows (and is consumed), false at the closing byte (consumed). */
  async separator(close: number): Promise<boolean> {
    const c = await this.peek();
    this.pos++;
    if (c === 0x2c) return true;
    if (c === close) return false;
    this.pos--;
    return this.fail(`expected , or ${String.fromCharCode(close)}`);
  }

  /** A string (an object key), decoded. */
  async key(): Promise<string> {
    if ((await this.peek()) !== QUOTE) this.fail('expected a quoted name');
    const raw = await this.value();
    return JSON.parse(raw) as string;
  }

  /** The next value's text, whole (a string, number, literal, object or array). */
  async value(): Promise<string> {
    if ((await this.peek()) === -1) this.fail('unexpected end of the document');
    let start = this.pos;
    let i = start;
    let depth = 0;
    let inString = false;
    for (;;) {
      const b = this.buf;
      if (inString) {
        // Most bytes of a document are inside strings: jump from quote to quote.
        const q = b.indexOf(QUOTE, i);
        if (q >= 0) {
          let slashes = 0;
          for (let k = q - 1; k > start && b[k] === BACKSLASH; k--) slashes++;
          i = q + 1;
          if (slashes % 2 === 0) {
            inString = false;
            if (depth === 0) return this.take(start, i);
          }
          continue;
        }
        i = b.length;
      } else {
        let ended = -1;
        for (; i < b.length; i++) {
          const c = b[i]!;
          if (c === QUOTE) {
            inString = true;
            i++;
            break;
          }
          if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            if (depth === 0) {
              ended = i;
              break;
            }
            if (--depth === 0) {
              ended = i + 1;
              break;
            }
          } else if (depth === 0 && (c === 0x2c || isWs(c))) {
            ended = i;
            break;
          }
        }
        if (ended >= 0) return this.take(start, ended);
        if (i < b.length) continue;
      }
      // The value goes on past what is read: read more, and go on where the scan stopped.
      const scanned = i - start;
      this.pos = start;
      if (!(await this.more())) {
        if (!inString && depth === 0 && scanned > 0) return this.take(0, scanned);
        this.fail('unexpected end of the document');
      }
      start = 0;
      i = scanned;
    }
  }

  private take(start: number, end: number): string {
    this.pos = end;
    return this.buf.toString('utf8', start, end);
  }

  async end(): Promise<void> {
    if ((await this.peek()) !== -1) this.fail('unexpected text after the document');
  }
}

function parse(raw: string, at: number): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new JsonStreamError((e as Error).message, at);
  }
}

/** The events of a referent/v1 document read from `chunks`. Throws JsonStreamError on malformed JSON. */
export async function* documentEvents(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<DocumentEvent> {
  const r = new Reader(chunks[Symbol.asyncIterator]());
  const value = async (): Promise<unknown> => {
    const at = r.offset();
    return parse(await r.value(), at);
  };
  await r.expect(0x7b, 'a JSON object ({) at the start of the document');
  if ((await r.peek()) === 0x7d) {
    await r.separator(0x7d);
    return r.end();
  }
  do {
    const key = await r.key();
    await r.expect(0x3a, ':');
    if (key !== 'committees' || (await r.peek()) !== 0x5b) {
      yield { kind: 'field', key, value: await value() };
      continue;
    }
    await r.expect(0x5b, '[');
    if ((await r.peek()) === 0x5d) {
      await r.separator(0x5d);
      yield { kind: 'field', key, value: [] };
      continue;
    }
    yield { kind: 'field', key, value: [] };
    let ci = 0;
    do {
      if ((await r.peek()) !== 0x7b) {
        // Not an object: hand it over whole and let validation say what is wrong.
        yield { kind: 'committee-start', index: ci };
        yield { kind: 'committee-field', index: ci, key: '', value: await value() };
        yield { kind: 'committee-end', index: ci };
        ci++;
        continue;
      }
      await r.expect(0x7b, '{');
      yield { kind: 'committee-start', index: ci };
      if ((await r.peek()) === 0x7d) await r.separator(0x7d);
      else {
        do {
          const ckey = await r.key();
          await r.expect(0x3a, ':');
          if (ckey !== 'meetings' || (await r.peek()) !== 0x5b) {
            yield { kind: 'committee-field', index: ci, key: ckey, value: await value() };
            continue;
          }
          await r.expect(0x5b, '[');
          yield { kind: 'committee-field', index: ci, key: 'meetings', value: [] };
          if ((await r.peek()) === 0x5d) {
            await r.separator(0x5d);
            continue;
          }
          let mi = 0;
          do yield { kind: 'meeting', committee: ci, index: mi++, value: await value() };
          while (await r.separator(0x5d));
        } while (await r.separator(0x7d));
      }
      yield { kind: 'committee-end', index: ci };
      ci++;
    } while (await r.separator(0x5d));
  } while (await r.separator(0x7d));
  await r.end();
}
