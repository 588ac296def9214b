import { init } from './0010-init';
import { search } from './0020-search';
import { pageCache } from './0030-page-cache';
import { searchIndex } from './0040-search-index';
import { publication } from './0050-publication';
import { searchWords } from './0060-search-words';
import { seal } from './0070-seal';
import { searchTitles } from './0080-search-titles';
import { versions } from './0090-versions';
import { checkouts } from './0100-checkouts';
import { proposals } from './0110-proposals';
import { accounts } from './0120-accounts';
import { proposalChanges } from './0130-proposal-changes';
import { serverSearchFiles } from './0140-server-search-files';
import { searchWordStems } from './0150-search-word-stems';
import { searchAgendaOrder } from './0160-search-agenda-order';
import type { Migration, MigrationContext } from './types';

/** Every migration, in order. The last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [init, search, pageCache, searchIndex, publication, searchWords, seal, searchTitles, versions, checkouts, proposals, accounts, proposalChanges, serverSearchFiles, searchWordStems, searchAgendaOrder];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration, MigrationContext };
