// The `referent` command: the same services as the app, without a window. Each command's module
// is loaded only when that command runs, so `--help` (and any command) pays for what it uses.
import type { CliCommand, CliIO } from './types';

/** A command as the help lists it; `load` brings in its implementation (and the core it needs). */
export type CommandEntry = { name: string; summary: string; load: () => Promise<CliCommand> };

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'import', summary: 'import an exchange document; prints what it added and the settings it kept', load: async () => (await import('./commands/import')).importCommand },
  { name: 'export-json', summary: 'exchange document to stdout (or a .referent.zip bundle with --out)', load: async () => (await import('./commands/export-json')).exportJsonCommand },
  { name: 'export', summary: 'write the agenda, minutes or decision record as .docx or PDF (or the publication package)', load: async () => (await import('./commands/export')).exportCommand },
  { name: 'publish', summary: 'write a committee\'s year as an accessible website folder with the mødeplan (.ics) and publication.json', load: async () => (await import('./commands/publish')).publishCommand },
  { name: 'calendar', summary: 'import a meeting calendar; roll a year forward', load: async () => (await import('./commands/calendar')).calendarCommand },
  { name: 'search', summary: 'search items by title, case number, text, decision, votes, dissents and attachments', load: async () => (await import('./commands/search')).searchCommand },
  { name: 'archive', summary: 'write the archive package of approved minutes (PDF/A, the sealed meeting, its seal, attachments, manifest)', load: async () => (await import('./commands/archive')).archiveCommand },
  { name: 'verify', summary: 'check the change log, its MACs and anchors, and approved minutes; exit 1 on a fault', load: async () => (await import('./commands/verify')).verifyCommand },
  { name: 'migrate', summary: 'move a database file into an empty PostgreSQL database, checked by export-json and verify', load: async () => (await import('./commands/migrate')).migrateCommand },
  { name: 'checkout', summary: 'take a meeting from a server into this file for offline work (read-only on the server meanwhile)', load: async () => (await import('./commands/checkout')).checkoutCommand },
  { name: 'checkin', summary: 'bring a checked-out meeting back to its server, verified and merged, or refused with the reason', load: async () => (await import('./commands/checkout')).checkinCommand },
  { name: 'backup', summary: 'list, make or restore the checked backups kept beside the database', load: async () => (await import('./commands/backup')).backupCommand },
  { name: 'user', summary: 'add accounts of a served archive, set their passwords and roles per committee, list or disable them', load: async () => (await import('./commands/user')).userCommand },
  { name: 'serve', summary: 'serve the archive to several users in their browsers, with accounts, roles and sessions', load: async () => (await import('./commands/serve')).serveCommand },
  { name: 'api', summary: 'call one operation of the Api ("referent api list" names them)', load: async () => (await import('./commands/api')).apiCommand },
];

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
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`referent: unknown command "${name}"\n${helpText()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    const { exitCodeFor, messageFor } = await import('./errors');
    io.err(`referent ${name}: ${messageFor(e)}`);
    return exitCodeFor(e);
  }
}
