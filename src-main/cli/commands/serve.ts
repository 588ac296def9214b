// referent serve: the archive for several users at once, in their browsers (issue 14 §3). The
// browser shell with accounts: everyone signs in (a password here, or the municipality's identity
// provider), each call runs as that account and is checked against its roles per committee. TLS is
// the reverse proxy's (README: "Running referent serve"); without accounts it will not listen
// beyond this machine.
import fs from 'node:fs';
import path from 'node:path';
import type { AccountSummary } from '../../../src-shared/api/accounts';
import { resolveDbFile, resolveKeyFile } from '../../core/paths';
import { VERSION } from '../../core/version';
import { startWorkerHost } from '../../host/worker-host';
import { isLoopback } from '../../web/security';
import { startWebServer } from '../../web/server';
import { parse } from '../args';
import { UsageError } from '../errors';
import type { CliCommand } from '../types';

const usage =
  'referent serve [--db FILE|postgres://…] [--port 47320] [--host 127.0.0.1] [--public-url https://referent.kommune.dk] [--oidc-issuer URL --oidc-client-id ID] (client secret in $REFERENT_OIDC_CLIENT_SECRET)';

export const SERVE_PORT = 47_320;

/** The built renderer: beside the bundle (out/cli → dist-web) or the sources. */
function defaultStaticDir(): string {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist-web');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  return path.resolve(import.meta.dirname, '../../dist-web');
}

/** The bundled worker when running from the bundle (it starts much faster); the sources otherwise. */
function bundledWorker(): string | undefined {
  // This module is a chunk of the bundle (out/cli/chunks/) or a source file (src-main/cli/commands/).
  return [import.meta.dirname, path.dirname(import.meta.dirname)].map((d) => path.join(d, 'worker.mjs')).find((f) => fs.existsSync(f));
}

const canSignIn = (a: AccountSummary): boolean => !a.disabled && (a.password || a.oidc);

export const serveCommand: CliCommand = {
  name: 'serve',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(
      args,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        'public-url': { type: 'string' },
        static: { type: 'string' },
        'oidc-issuer': { type: 'string' },
        'oidc-client-id': { type: 'string' },
        'oidc-client-secret': { type: 'string' },
      },
      usage,
    );
    if (positionals.length) throw new UsageError(`serve takes no arguments\nusage: ${usage}`);
    const bindHost = values.host ?? '127.0.0.1';
    const port = values.port === undefined ? SERVE_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port is a port number, not "${values.port}"\nusage: ${usage}`);
    const publicUrl = values['public-url'];
    if (publicUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) throw new UsageError(`--public-url is the address users open, like https://referent.kommune.dk, without a path\nusage: ${usage}`);
    if (!isLoopback(bindHost) && publicUrl === undefined)
      throw new UsageError(`--public-url is needed when Referent listens on ${bindHost}: it checks that each request names the address users open (behind the reverse proxy)\nusage: ${usage}`);
    const issuer = values['oidc-issuer'];
    const clientId = values['oidc-client-id'];
    const clientSecret = values['oidc-client-secret'] ?? process.env.REFERENT_OIDC_CLIENT_SECRET;
    if ((issuer === undefined) !== (clientId === undefined)) throw new UsageError(`--oidc-issuer and --oidc-client-id go together\nusage: ${usage}`);

    const dbFile = (io.dbFile ?? resolveDbFile)(values.db);
    const host = await startWorkerHost({ dbFile, keyFile: resolveKeyFile(), shell: 'web', version: VERSION, workerFile: bundledWorker() });
    try {
      const listed = await host.invoke('accounts.list', {});
      const accounts = listed.ok ? (listed.value as AccountSummary[]) : [];
      if (!isLoopback(bindHost) && issuer === undefined && !accounts.some(canSignIn)) {
        io.err(
          `referent serve: Referent will not listen on ${bindHost} before anyone can sign in: add the first administrator with referent user add LOGIN --name "NAME" --admin --password-stdin, or configure the identity provider (--oidc-issuer).`,
        );
        await host.close();
        return 1;
      }
      const oidc = issuer
        ? await (await import('../../web/oidc')).oidcLogin({ issuer, clientId: clientId!, clientSecret, redirectBase: publicUrl ?? `http://127.0.0.1:${port}` })
        : null;
      const server = await startWebServer({ host, staticDir: values.static ?? defaultStaticDir(), port, bindHost, accounts: { publicUrl, oidc } });
      io.out(`Referent serves ${listed.ok ? `${accounts.length} account(s)` : 'its archive'} at ${publicUrl ?? server.url} (listening on ${bindHost}:${server.port}).`);
      if (!accounts.some((a) => a.admin && canSignIn(a))) io.out('No administrator can sign in yet: add one with referent user add LOGIN --name "NAME" --admin --password-stdin.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await server.close();
    } finally {
      await host.close();
    }
    return 0;
  },
};
