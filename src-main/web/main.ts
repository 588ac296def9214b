// `npm run web` (and `npm start` where Electron cannot run): serve the app on 127.0.0.1.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../core/store/open';
import { startMaintenance } from '../core/store/integrity';
import { resolveDbFile } from '../core/paths';
import { VERSION } from '../core/version';
import { inProcessHost } from '../host/api-host';
import { startWebServer } from './server';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' } } });
const dbFile = resolveDbFile(values.db);
const store = openStore(dbFile, { appVersion: VERSION });
// The day's backup and the file's integrity check, on a worker, after the app is up.
void startMaintenance(store, VERSION);
const host = inProcessHost({ store, shell: 'web', version: VERSION });
const server = await startWebServer({
  host,
  staticDir: values.static ?? path.resolve(import.meta.dirname, '../../dist-web'),
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(`Referent is running at ${server.url}`);
console.log(`Database: ${dbFile}`);
const stop = async (): Promise<void> => {
  await server.close();
  // Calls in flight finish before the store closes.
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
