// The `referent` command: the same services as the app, without a window.
import type { CliCommand, CliIO } from './types';
import { exitCodeFor, messageFor } from './errors';
import { importCommand } from './commands/import';
import { exportJsonCommand } from './commands/export-json';
import { exportCommand } from './commands/export';
import { calendarCommand } from './commands/calendar';
import { searchCommand } from './commands/search';
import { verifyCommand } from './commands/verify';
import { apiCommand } from './commands/api';

export const COMMANDS: readonly CliCommand[] = [importCommand, exportJsonCommand, exportCommand, calendarCommand, searchCommand, verifyCommand, apiCommand];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: referent <command> [options]   (database: --db FILE, else $REFERENT_DB, else the app\'s own file)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`referent: unknown command "${name}"\n${helpText()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(`referent ${name}: ${messageFor(e)}`);
    return exitCodeFor(e);
  }
}
