// A raw HTTP request to a server on 127.0.0.1, so that a test can set Host, Origin and cookies as
// a browser (or an attacker) would, and read the status, body and headers as they came.
import http from 'node:http';

export type RawReply = { status: number; body: string; headers: http.IncomingHttpHeaders };
export type RawOptions = { method?: string; headers?: Record<string, string>; body?: string };

export function rawRequest(port: number, pathname: string, opts: RawOptions = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}
