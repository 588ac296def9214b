// referent search QUERY [--committee NAME] [--json]
import { call } from '../../core/dispatch';
import { findCommittee } from '../../core/committees/committees.service';
import { formatShortDa } from '../../../src-shared/dates';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';

const usage = 'referent search QUERY [--committee NAME] [--json] [--db FILE]';

export const searchCommand: CliCommand = {
  name: 'search',
  usage,
  summary: 'search items by title, case number and text',
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, committee: { type: 'string' } }, usage);
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError(`say what to search for\nusage: ${usage}`);
    return withContext(io, values.db, async (ctx) => {
      const committeeId = values.committee ? (await findCommittee(ctx.store.db, values.committee)).id : undefined;
      const hits = await call(ctx, 'search.items', { query, ...(committeeId ? { committeeId } : {}) });
      if (values.json) {
        io.out(JSON.stringify({ hits }, null, 2));
        return 0;
      }
      if (hits.length === 0) io.out(`No items match "${query}".`);
      for (const h of hits) {
        io.out(`${h.committee} ${formatShortDa(h.start)}  Punkt ${h.number}: ${h.title}${h.caseNumber ? `  (${h.caseNumber})` : ''}${h.access === 'closed' ? '  [lukket]' : ''}`);
        io.out(`    ${h.snippet.replace(/\s+/g, ' ')}`);
      }
      return 0;
    });
  },
};
