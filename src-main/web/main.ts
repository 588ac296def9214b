// `npm run web` (and `npm start` where Electron cannot run): serve the app on 127.0.0.1.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../core/store/open';
import { resolveDbFile } from '../core/paths';
import { VERSION } from '../core/version';
import { startWebServer } from './server';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' } } });
const dbFile = resolveDbFile(values.db);
const store = openStore(dbFile);
const server = await startWebServer({
  ctx: { store, shell: 'web', version: VERSION },
  staticDir: values.static ?? path.resolve(import.meta.dirname, '../../dist-web'),
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(`Referent is running at ${server.url}`);
console.log(`Database: ${dbFile}`);
const stop = async (): Promise<void> => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
