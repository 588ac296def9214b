// `npm run web` (and `npm start` where Electron cannot run): serve the app on 127.0.0.1. The HTTP
// server stays on this thread; the store and every operation run in the core's worker. Working
// against a Referent server, it keeps this file beside it for meetings taken offline, as the desktop
// app does (host/laptop-hosts.ts).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDbFile, resolveKeyFile } from '../core/paths';
import { VERSION } from '../core/version';
import { startWorkerHost } from '../host/worker-host';
import { laptopHosts, offlineOptions } from '../host/laptop-hosts';
import { startWebServer } from './server';
import { profileToken } from './profile-token';
import { createConnection } from '../host/connection';

/** The same address after a restart, so an open tab or a bookmark finds the app again. */
const DEFAULT_PORT = 47_310;

// --worker: the bundled worker (out/cli/worker.mjs, as `npm start` passes it); by default the sources.
const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' }, worker: { type: 'string' } } });
const dbFile = resolveDbFile(values.db);
const startLocal = () => startWorkerHost({ dbFile, keyFile: resolveKeyFile(), shell: 'web', version: VERSION, workerFile: values.worker, maintenance: true });
// As the desktop app: its own file, or a `referent serve` signed in to from Indstillinger (host/connection.ts).
const connection = createConnection({ dataDir: path.dirname(dbFile), env: process.env, startLocal });
await connection.local().catch((e: unknown) => {
  console.error(`Referent cannot open its database: ${(e as Error).message}`);
  process.exit(1);
});
const both = await laptopHosts(offlineOptions(connection, os.userInfo().username, dbFile));
const host = both.host;
const options = {
  host,
  connection,
  offline: both.offline,
  staticDir: values.static ?? path.resolve(import.meta.dirname, '../../dist-web'),
  token: profileToken(path.dirname(dbFile)),
};
const server = await startWebServer({ ...options, port: values.port ? Number(values.port) : DEFAULT_PORT }).catch((e: NodeJS.ErrnoException) => {
  // Another Referent (or another program) has the usual port: take any free one.
  if (e.code === 'EADDRINUSE' && !values.port) return startWebServer(options);
  throw e;
});
console.log(`Referent is running at ${server.url}`);
console.log(`Database: ${dbFile}`);
const stop = async (): Promise<void> => {
  await server.close();
  // Calls in flight finish, then the worker closes the store.
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
