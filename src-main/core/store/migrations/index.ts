import { init } from './0010-init';
import { search } from './0020-search';
import { pageCache } from './0030-page-cache';
import type { Migration } from './types';

/** Every migration, in order. The last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [init, search, pageCache];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
