// referent user add|passwd|role|list|disable|enable: the accounts of a served archive, straight in
// the database (the server need not run; the first administrator is made this way). Passwords come
// on standard input, never as an argument, which any user of the machine could read in `ps`.
import type { AccountSummary } from '../../../src-shared/api/accounts';
import { call } from '../../core/dispatch';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { readBody } from '../../web/read-body';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, type CliIO, withContext } from '../types';

const usage = [
  'referent user add LOGIN --name "DISPLAY NAME" [--admin] [--password-stdin | --oidc-issuer URL --oidc-subject SUBJECT]',
  '       referent user passwd LOGIN            (the new password on standard input)',
  '       referent user role LOGIN --committee NAME --role secretary|member|reader|none [--member KEY]',
  '       referent user list [--json]',
  '       referent user disable LOGIN | referent user enable LOGIN',
  '   [--db FILE|postgres://…]',
].join('\n');

async function readStdin(io: CliIO): Promise<string> {
  if (io.stdin) return io.stdin();
  return readBody(process.stdin);
}

/** The first line of standard input, without its line ending. */
async function password(io: CliIO): Promise<string> {
  const line = (await readStdin(io)).split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UsageError('give the password on standard input, e.g. printf "%s\\n" "$PASSWORD" | referent user …');
  return line;
}

function describe(a: AccountSummary): string {
  const how = [a.password ? 'password' : null, a.oidc ? 'identity provider' : null].filter(Boolean).join(' + ') || 'no way to sign in';
  const roles = a.roles.map((r) => `${r.role} of ${r.committee}${r.memberKey ? ` (member ${r.memberKey})` : ''}`).join(', ') || 'no roles';
  return `${a.login}  ${a.displayName}${a.admin ? '  [admin]' : ''}${a.disabled ? '  [disabled]' : ''}  (${how}; ${roles})`;
}

async function committeeId(ctx: CoreContext, name: string): Promise<string> {
  const all = await call(ctx, 'committees.list', {});
  const found = all.find((c) => c.id === name || c.name.toLowerCase() === name.toLowerCase() || c.shortName?.toLowerCase() === name.toLowerCase());
  if (!found) throw new AppError('NotFound', `There is no committee called "${name}" (there are: ${all.map((c) => c.name).join(', ') || 'none'}).`, `Der findes intet udvalg ved navn "${name}".`);
  return found.id;
}

const one = (positionals: string[], what: string): string => {
  if (positionals.length !== 1) throw new UsageError(`${what} takes one login name\nusage: ${usage}`);
  return positionals[0]!;
};

export const userCommand: CliCommand = {
  name: 'user',
  usage,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    const { values, positionals } = parse(
      rest,
      {
        name: { type: 'string' },
        admin: { type: 'boolean' },
        'password-stdin': { type: 'boolean' },
        'oidc-issuer': { type: 'string' },
        'oidc-subject': { type: 'string' },
        committee: { type: 'string' },
        role: { type: 'string' },
        member: { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    switch (sub) {
      case 'add': {
        const login = one(positionals, 'user add');
        if (!values.name) throw new UsageError(`user add needs --name "DISPLAY NAME": the name the change log and the other users see\nusage: ${usage}`);
        if (!values['password-stdin'] && !values['oidc-subject']) throw new UsageError(`user add needs a way to sign in: --password-stdin, or --oidc-issuer and --oidc-subject\nusage: ${usage}`);
        const secret = values['password-stdin'] ? await password(io) : undefined;
        return withContext(io, values.db, async (ctx) => {
          const a = await call(ctx, 'accounts.add', {
            login,
            displayName: values.name,
            admin: values.admin === true,
            ...(secret !== undefined ? { password: secret } : {}),
            ...(values['oidc-subject'] ? { oidcIssuer: values['oidc-issuer'], oidcSubject: values['oidc-subject'] } : {}),
          });
          io.out(`Added ${describe(a)}.`);
          return 0;
        });
      }
      case 'passwd': {
        const login = one(positionals, 'user passwd');
        const secret = await password(io);
        return withContext(io, values.db, async (ctx) => {
          const a = await call(ctx, 'accounts.setPassword', { login, password: secret });
          io.out(`Set a new password for ${a.login}; its sessions have ended.`);
          return 0;
        });
      }
      case 'role': {
        const login = one(positionals, 'user role');
        if (!values.committee || !values.role) throw new UsageError(`user role needs --committee and --role\nusage: ${usage}`);
        if (!['secretary', 'member', 'reader', 'none'].includes(values.role)) throw new UsageError(`--role is secretary, member, reader or none, not "${values.role}"\nusage: ${usage}`);
        return withContext(io, values.db, async (ctx) => {
          const id = await committeeId(ctx, values.committee!);
          const a = await call(ctx, 'accounts.setRole', { login, committeeId: id, role: values.role === 'none' ? null : values.role, memberKey: values.member ?? null });
          io.out(`${describe(a)}.`);
          return 0;
        });
      }
      case 'list':
        if (positionals.length) throw new UsageError(`user list takes no arguments\nusage: ${usage}`);
        // Not read-only: a file from before accounts is brought to the schema that has them.
        return withContext(io, values.db, async (ctx) => {
          const all = await call(ctx, 'accounts.list', {});
          if (values.json) io.out(JSON.stringify(all, null, 2));
          else if (all.length === 0) io.out('No accounts yet: add the first administrator with referent user add LOGIN --name "NAME" --admin --password-stdin.');
          else for (const a of all) io.out(describe(a));
          return 0;
        });
      case 'disable':
      case 'enable': {
        const login = one(positionals, `user ${sub}`);
        return withContext(io, values.db, async (ctx) => {
          const a = await call(ctx, 'accounts.update', { login, disabled: sub === 'disable' });
          io.out(sub === 'disable' ? `Disabled ${a.login}; its sessions have ended.` : `Enabled ${a.login}.`);
          return 0;
        });
      }
      default:
        throw new UsageError(`name what to do: add, passwd, role, list, disable or enable\nusage: ${usage}`);
    }
  },
};
