// A second process opening (and so creating and migrating) a database file: loads, says "ready",
// opens the file when it reads "go" on stdin, and prints the schema version it found.
import { openSqliteStore, schemaVersion } from '../../src-main/core/store/open';

process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const store = openSqliteStore(process.argv[2]!);
process.stdout.write(`${schemaVersion(store.sqlite)}\n`);
await store.close();
process.stdin.destroy();
