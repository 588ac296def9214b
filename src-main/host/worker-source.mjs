// Starts the core's worker from the TypeScript sources (browser shell, tests, bench): a worker does
// not inherit the loader of the thread that made it, so tsx is registered here before the entry
// loads. The desktop app runs the built worker (out/main/worker.js) instead.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(workerData.entry).href);
