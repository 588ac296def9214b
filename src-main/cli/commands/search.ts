// referent search QUERY [--committee NAME] [--year YYYY] [--outcome OUTCOME] [--access open|closed] [--json]
import { call } from '../../core/dispatch';
import { findCommittee } from '../../core/committees/committees.service';
import { formatShortDa } from '../../../src-shared/dates';
import { ACCESS, OUTCOMES, type Access, type Outcome } from '../../../src-shared/domain';
import { parse, yearArg } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, withContext } from '../types';

const usage = `referent search QUERY [--committee NAME] [--year YYYY] [--outcome ${OUTCOMES.join('|')}] [--access open|closed] [--json] [--db FILE]`;

export const searchCommand: CliCommand = {
  name: 'search',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, committee: { type: 'string' }, year: { type: 'string' }, outcome: { type: 'string' }, access: { type: 'string' } }, usage);
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError(`say what to search for\nusage: ${usage}`);
    const year = yearArg(values.year, '--year');
    if (values.outcome !== undefined && !(OUTCOMES as readonly string[]).includes(values.outcome)) throw new UsageError(`--outcome must be one of ${OUTCOMES.join(', ')}, not "${values.outcome}"`);
    if (values.access !== undefined && !(ACCESS as readonly string[]).includes(values.access)) throw new UsageError(`--access must be open or closed, not "${values.access}"`);
    return withContext(io, values.db, async (ctx) => {
      const committeeId = values.committee ? (await findCommittee(ctx.store.db, values.committee)).id : undefined;
      const result = await call(ctx, 'search.items', {
        query,
        ...(committeeId ? { committeeId } : {}),
        ...(year ? { year } : {}),
        ...(values.outcome ? { outcome: values.outcome as Outcome } : {}),
        ...(values.access ? { access: values.access as Access } : {}),
      });
      if (values.json) {
        io.out(JSON.stringify(result, null, 2));
        return 0;
      }
      if (result.hits.length === 0) io.out(`No items match "${query}".`);
      for (const h of result.hits) {
        io.out(`${h.committee} ${formatShortDa(h.start)}  Punkt ${h.number}: ${h.title}${h.caseNumber ? `  (${h.caseNumber})` : ''}${h.access === 'closed' ? '  [lukket]' : ''}`);
        io.out(`    ${h.snippet.replace(/\s+/g, ' ')}`);
      }
      if (result.hits.length > 0) io.out(`${result.more ? `More than ${result.total}` : result.total} item(s) match; ${result.hits.length} shown.`);
      return 0;
    }, { readOnly: true });
  },
};
