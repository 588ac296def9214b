// `npm run web` (and `npm start` where Electron cannot run): serve the app on 127.0.0.1. The HTTP
// server stays on this thread; the store and every operation run in the core's worker.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDbFile } from '../core/paths';
import { VERSION } from '../core/version';
import { startWorkerHost } from '../host/worker-host';
import { startWebServer } from './server';

// --worker: the bundled worker (out/cli/worker.mjs, as `npm start` passes it); by default the sources.
const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' }, worker: { type: 'string' } } });
const dbFile = resolveDbFile(values.db);
const host = await startWorkerHost({ dbFile, shell: 'web', version: VERSION, workerFile: values.worker, maintenance: true }).catch((e: unknown) => {
  console.error(`Referent cannot open its database: ${(e as Error).message}`);
  process.exit(1);
});
const server = await startWebServer({
  host,
  staticDir: values.static ?? path.resolve(import.meta.dirname, '../../dist-web'),
  ...(values.port ? { port: Number(values.port) } : {}),
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
