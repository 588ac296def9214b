// referent checkout / checkin: takes a meeting from a server into a laptop's file for offline work,
// and brings it back (issue 14 §4, docs/server-design.md §9). The server is called over HTTP
// (host/remote-host.ts); the laptop's file is the --db store. A checkout whose copy cannot be
// written is released again, so the meeting is never left held for nothing.
import { formatShortDa } from '../../../src-shared/dates';
import type { OpName, OpOutput } from '../../../src-shared/api';
import { AppError } from '../../core/errors';
import { call } from '../../core/dispatch';
import { remoteApiHost, signIn } from '../../host/remote-host';
import type { ApiHost } from '../../host/api-host';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';

const signing = '[--user LOGIN (password in $REFERENT_PASSWORD) | --token TOKEN]';
const checkoutUsage = `referent checkout --server URL --meeting ID [--as NAME] ${signing} [--db LAPTOP.sqlite]`;
const checkinUsage = `referent checkin --server URL --meeting ID ${signing} [--db LAPTOP.sqlite]`;
const options = { server: { type: 'string' }, meeting: { type: 'string' }, as: { type: 'string' }, token: { type: 'string' }, user: { type: 'string' } } as const;

async function remote<K extends OpName>(host: ApiHost, name: K, input: unknown): Promise<OpOutput<K>> {
  const r = await host.invoke(name, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.messageDa);
  return r.value as OpOutput<K>;
}

type ServerFlags = { server?: string | undefined; token?: string | undefined; user?: string | undefined; meeting?: string | undefined };

/**
 * The server's Api: signed in as --user (a `referent serve` with accounts; the checkout then names
 * that account) or with the access token of a browser shell. Secrets come from the environment,
 * so they need not stand in the shell's history.
 */
async function serverOf(values: ServerFlags, usage: string): Promise<{ host: ApiHost; meetingId: string }> {
  if (!values.server || !values.meeting) throw new UsageError(`name the server and the meeting\nusage: ${usage}`);
  if (values.user) {
    const password = process.env.REFERENT_PASSWORD;
    if (!password) throw new UsageError(`put the password of ${values.user} in $REFERENT_PASSWORD\nusage: ${usage}`);
    const cookie = await signIn(values.server, values.user, password);
    return { host: remoteApiHost({ url: values.server, headers: () => ({ Cookie: cookie }) }), meetingId: values.meeting };
  }
  return { host: remoteApiHost({ url: values.server, token: values.token ?? process.env.REFERENT_SERVER_TOKEN }), meetingId: values.meeting };
}

export const checkoutCommand: CliCommand = {
  name: 'checkout',
  usage: checkoutUsage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, options, checkoutUsage);
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}\nusage: ${checkoutUsage}`);
    const { host, meetingId } = await serverOf(values, checkoutUsage);
    const pkg = await remote(host, 'checkout.take', { meetingId, ...(values.as ? { holder: values.as } : {}) });
    return withContext(io, values.db, async (ctx) => {
      try {
        const copy = await call(ctx, 'checkout.receive', { package: pkg });
        io.out(`Checked out the meeting of ${copy.committee} on ${formatShortDa(copy.start)} into ${ctx.store.file} as ${copy.holder}; on the server it is read-only until "referent checkin".`);
        return EXIT.ok;
      } catch (e) {
        await host.invoke('checkout.release', { meetingId, holder: pkg.checkout.holder });
        throw e;
      }
    });
  },
};

export const checkinCommand: CliCommand = {
  name: 'checkin',
  usage: checkinUsage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, options, checkinUsage);
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}\nusage: ${checkinUsage}`);
    const { host, meetingId } = await serverOf(values, checkinUsage);
    return withContext(io, values.db, async (ctx) => {
      const pkg = await call(ctx, 'checkout.prepare', { meetingId });
      const report = await remote(host, 'checkout.checkin', { package: pkg });
      await call(ctx, 'checkout.done', { meetingId, checkoutId: pkg.checkoutId });
      // Sent again after a try whose answer was lost: the server says it has it (core checkout/checkin.ts).
      if (report.alreadyMerged) io.out(`Checked in already: the server had taken this copy at an earlier try whose answer was lost; nothing was sent twice, and the copy in ${ctx.store.file} is released.`);
      else io.out(`Checked in: the server took the meeting (${report.items} item(s)), ${report.entries} change(s) made offline and ${report.files} attachment file(s); it can be edited on the server again.`);
      return EXIT.ok;
    });
  },
};
