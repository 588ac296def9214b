// referent calendar — lands with its issue; until then it says so.
import type { CliCommand } from '../types';

export const calendarCommand: CliCommand = {
  name: 'calendar',
  usage: 'referent calendar import FILE.ics|FILE.csv|FILE.xlsx [--committee NAME] | referent calendar roll-forward --from YYYY --to YYYY [--committee NAME] [--apply] [--json]',
  summary: 'import a meeting calendar; roll a year forward',
  run: async (_args, io) => {
    io.err('referent calendar: not yet available in this version of Referent.');
    return 1;
  },
};
