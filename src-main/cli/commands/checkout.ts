// referent checkout / checkin: takes a meeting from a server into a laptop's file for offline work,
// and brings it back (issue 14 §4, docs/server-design.md §9). The server is called over HTTP
// (host/remote-host.ts); the laptop's file is the --db store. A checkout whose copy cannot be
// written is released again, so the meeting is never left held for nothing.
import { formatShortDa } from '../../../src-shared/dates';
import type { OpName, OpOutput } from '../../../src-shared/api';
import { AppError } from '../../core/errors';
import { call } from '../../core/dispatch';
import { remoteApiHost } from '../../host/remote-host';
import type { ApiHost } from '../../host/api-host';
import { parse } from '../args';
import { UsageError } from '../errors';
import { type CliCommand, EXIT, withContext } from '../types';

const checkoutUsage = 'referent checkout --server URL --meeting ID --as NAME [--token TOKEN] [--db LAPTOP.sqlite]';
const checkinUsage = 'referent checkin --server URL --meeting ID [--token TOKEN] [--db LAPTOP.sqlite]';
const options = { server: { type: 'string' }, meeting: { type: 'string' }, as: { type: 'string' }, token: { type: 'string' } } as const;

async function remote<K extends OpName>(host: ApiHost, name: K, input: unknown): Promise<OpOutput<K>> {
  const r = await host.invoke(name, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.messageDa);
  return r.value as OpOutput<K>;
}

function serverOf(values: { server?: string | undefined; token?: string | undefined; meeting?: string | undefined }, usage: string): { host: ApiHost; meetingId: string } {
  if (!values.server || !values.meeting) throw new UsageError(`name the server and the meeting\nusage: ${usage}`);
  // The token may come from the environment, so it need not stand in the shell's history.
  return { host: remoteApiHost({ url: values.server, token: values.token ?? process.env.REFERENT_SERVER_TOKEN }), meetingId: values.meeting };
}

export const checkoutCommand: CliCommand = {
  name: 'checkout',
  usage: checkoutUsage,
  run: async (args, io) => {
    const { values, positionals } = parse(args, options, checkoutUsage);
    if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}\nusage: ${checkoutUsage}`);
    const { host, meetingId } = serverOf(values, checkoutUsage);
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
    const { host, meetingId } = serverOf(values, checkinUsage);
    return withContext(io, values.db, async (ctx) => {
      const pkg = await call(ctx, 'checkout.prepare', { meetingId });
      const report = await remote(host, 'checkout.checkin', { package: pkg });
      await call(ctx, 'checkout.done', { meetingId, checkoutId: pkg.checkoutId });
      io.out(`Checked in: the server took the meeting (${report.items} item(s)), ${report.entries} change(s) made offline and ${report.files} attachment file(s); it can be edited on the server again.`);
      return EXIT.ok;
    });
  },
};
