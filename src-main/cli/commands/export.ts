// referent export — lands with its issue; until then it says so.
import type { CliCommand } from '../types';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'referent export --committee NAME --date YYYY-MM-DD --kind agenda|minutes|decisions --format docx|pdf [--public] --out FILE',
  summary: 'write the agenda, minutes or decision record as .docx or PDF',
  run: async (_args, io) => {
    io.err('referent export: not yet available in this version of Referent.');
    return 1;
  },
};
