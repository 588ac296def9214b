// A raw HTTP request to a server on 127.0.0.1, so that a test can set Host, Origin and cookies as
// a browser (or an attacker) would, and read the status, body and headers as they came.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { readBody } from '../../src-main/web/read-body';

export type RawReply = { status: number; body: string; headers: http.IncomingHttpHeaders };
export type RawOptions = {
  method?: string;
  headers?: Record<string, string>;
  /** The body; as several pieces of bytes, each is written on its own and sent before the next (TCP splits a body anywhere). */
  body?: string | Buffer[];
};

/** The UTF-8 bytes of `text` in two pieces, cut inside its first multi-byte letter (æ, ø, å: two bytes each). */
export function splitInsideLetter(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const cut = bytes.findIndex((b) => b >= 0xc0) + 1;
  if (cut === 0) throw new Error(`"${text}" has no letter of more than one byte to cut inside`);
  return [bytes.subarray(0, cut), bytes.subarray(cut)];
}

export function rawRequest(port: number, pathname: string, opts: RawOptions = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const pieces = Array.isArray(opts.body) ? opts.body : null;
    const headers = pieces ? { 'Content-Length': String(Buffer.concat(pieces).length), ...opts.headers } : opts.headers;
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: opts.method ?? 'GET', headers }, (res) => {
      readBody(res).then((body) => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }), reject);
    });
    req.on('error', reject);
    req.setNoDelay(true);
    if (!pieces) {
      if (opts.body) req.write(opts.body);
      req.end();
      return;
    }
    void (async () => {
      for (const [i, piece] of pieces.entries()) {
        // Each piece goes out in a packet of its own; the pause lets the server read it before the next comes.
        if (i > 0) await sleep(30);
        await new Promise<void>((done, fail) => req.write(piece, (e) => (e ? fail(e) : done())));
      }
      req.end();
    })().catch(reject);
  });
}
