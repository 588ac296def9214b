// referent calendar import FILE [--committee NAME] | referent calendar roll-forward --from YYYY --to YYYY [--committee NAME] [--apply] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../core/dispatch';
import { AppError } from '../../core/errors';
import { formatShortDa } from '../../../src-shared/dates';
import { committeeByName } from '../../core/calendar/calendar.service';
import { parse, yearArg } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, type CliIO, withContext } from '../types';

const usage =
  'referent calendar import FILE.ics|FILE.csv|FILE.xlsx [--committee NAME] [--all-day] [--db FILE] | ' +
  'referent calendar roll-forward --from YYYY --to YYYY [--committee NAME] [--apply] [--json] [--db FILE]';

async function importCalendar(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, { committee: { type: 'string' }, 'all-day': { type: 'boolean' } }, usage);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`name one calendar file to import\nusage: ${usage}`);
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new UsageError(`${file}: no such file`);
  const base64 = fs.readFileSync(full).toString('base64');
  return withContext(io, values.db, async (ctx) => {
    const input = { fileName: file, base64, ...(values.committee ? { committee: values.committee } : {}), ...(values['all-day'] ? { includeAllDay: true } : {}) };
    const r = await call(ctx, 'calendar.applyImport', input);
    io.out(`Imported ${file}: ${r.added} meetings added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped.`);
    for (const note of r.notes) io.err(note.message);
    return 0;
  });
}

const shortDate = (v: string): string => `${formatShortDa(v)} ${v.slice(11, 16)}`;

async function rollForward(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(
    args,
    { from: { type: 'string' }, to: { type: 'string' }, committee: { type: 'string' }, apply: { type: 'boolean' }, json: { type: 'boolean' } },
    usage,
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
  const from = yearArg(values.from, '--from');
  const to = yearArg(values.to, '--to');
  if (from === undefined || to === undefined) throw new UsageError(`give both --from YYYY and --to YYYY\nusage: ${usage}`);
  return withContext(io, values.db, async (ctx) => {
    let committeeId: string | undefined;
    if (values.committee) {
      const c = await committeeByName(ctx.store.db, values.committee);
      if (!c) throw new AppError('Invalid', `There is no committee called "${values.committee}" (give its name or short name).`);
      committeeId = c.id;
    }
    const proposal = await call(ctx, 'calendar.proposeRollForward', { fromYear: from, toYear: to, ...(committeeId ? { committeeId } : {}) });
    const conflicts = proposal.proposals.filter((p) => p.proposed === null);
    let applied: { created: number; unchanged: number } | null = null;
    if (values.apply) {
      const meetings = proposal.proposals.flatMap((p) => (p.proposed === null ? [] : [{ committeeId: p.committeeId, start: p.proposed, end: p.proposedEnd, location: p.location }]));
      applied = await call(ctx, 'calendar.applyRollForward', { toYear: to, meetings });
    }
    if (values.json) {
      const proposals = proposal.proposals.map((p) => ({ committee: p.committee, source: p.source, proposed: p.proposed, moved: p.moved, reason: p.reason }));
      io.out(JSON.stringify({ proposals }));
    } else {
      if (proposal.proposals.length === 0) io.out(`No meetings in ${from} to roll forward.`);
      const width = Math.max(0, ...proposal.proposals.map((p) => p.committee.length));
      for (const p of proposal.proposals) {
        io.out(`${p.committee.padEnd(width)}  ${shortDate(p.source)}  ->  ${p.proposed ? shortDate(p.proposed) : 'KONFLIKT        '}  ${p.moved ? p.reason : ''}`.trimEnd());
      }
    }
    if (applied) io.err(`Created ${applied.created} meetings in ${to}${applied.unchanged ? ` (${applied.unchanged} already there)` : ''}.`);
    if (conflicts.length) io.err(`${conflicts.length} meeting(s) have no allowed date and must be placed by hand.`);
    return 0;
  });
}

export const calendarCommand: CliCommand = {
  name: 'calendar',
  usage,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === 'import') return importCalendar(rest, io);
    if (sub === 'roll-forward') return rollForward(rest, io);
    throw new UsageError(`${sub ? `unknown subcommand "${sub}"` : 'name a subcommand'}\nusage: ${usage}`);
  },
};
