// referent api OPERATION [JSON]: any operation of the contract, for scripts and support.
import { OP_NAMES } from '../../../src-shared/api';
import { parse } from '../args';
import { exitCodeForError, UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';

const usage = 'referent api OPERATION [JSON-INPUT] [--db FILE]';

export const apiCommand: CliCommand = {
  name: 'api',
  usage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, {}, usage);
    const [name, json] = positionals;
    if (!name) throw new UsageError(`name an operation\nusage: ${usage}`);
    if (name === 'list') {
      io.out(OP_NAMES.join('\n'));
      return 0;
    }
    let input: unknown = {};
    if (json !== undefined) {
      try {
        input = JSON.parse(json);
      } catch (e) {
        throw new UsageError(`the input is not valid JSON (${(e as Error).message})`);
      }
    }
    // The core (every handler and what it uses) loads only when an operation is called, not for "list".
    const { invoke } = await import('../../core/dispatch');
    return withContext(io, values.db, async (ctx) => {
      const result = await invoke(ctx, name, input);
      io.out(JSON.stringify(result, null, 2));
      return result.ok ? EXIT.ok : exitCodeForError(result.error.code);
    });
  },
};
