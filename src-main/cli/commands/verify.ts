// referent verify — lands with its issue; until then it says so.
import type { CliCommand } from '../types';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'referent verify',
  summary: 'check the change log and approved minutes; exit 1 on a fault',
  run: async (_args, io) => {
    io.err('referent verify: not yet available in this version of Referent.');
    return 1;
  },
};
