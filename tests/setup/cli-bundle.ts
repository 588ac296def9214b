// vitest and Playwright globalSetup: the tests that start the real `referent` command or the core's
// bundled worker run the bundle, built once here (only when a source changed) so that no two test
// files build it at the same time.
import path from 'node:path';
import { ensureCliBundle } from '../../scripts/lib/cli-bundle.mjs';

export default async function setup(): Promise<void> {
  await ensureCliBundle(path.resolve(import.meta.dirname, '../..'));
}
