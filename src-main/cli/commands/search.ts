// referent search — lands with its issue; until then it says so.
import type { CliCommand } from '../types';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'referent search QUERY [--json]',
  summary: 'search items by title, case number and text',
  run: async (_args, io) => {
    io.err('referent search: not yet available in this version of Referent.');
    return 1;
  },
};
