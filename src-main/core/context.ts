// What every handler gets: the store and which shell it runs in.
import type { Store } from './store/open';

export type Shell = 'electron' | 'web' | 'cli';

export type CoreContext = {
  store: Store;
  shell: Shell;
  version: string;
};
