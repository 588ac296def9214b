// referent verify [--json]: recomputes the change log's chain and every approved meeting's
// content hash; exit 0 when all holds, 1 naming the first fault.
import { call } from '../../core/dispatch';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';

const usage = 'referent verify [--json] [--db FILE]';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new UsageError(`verify takes no arguments\nusage: ${usage}`);
    return withContext(io, values.db, async (ctx) => {
      const r = await call(ctx, 'meetingday.verify', {});
      if (values.json) io.out(JSON.stringify(r, null, 2));
      if (r.fault) {
        io.err(`referent verify: FAULT: ${r.fault}`);
        return EXIT.failure;
      }
      if (!values.json) io.out(`OK: the change log's ${r.entries} entries link up, and ${r.lockedMeetings} approved meeting(s) match their lock.`);
      return EXIT.ok;
    });
  },
};
