// The one contract (DESIGN.md "Rules of the house"): every operation, its zod input schema and
// its output type. IPC channels, HTTP routes, the renderer's client and the CLI derive from it.
import type { z } from 'zod';
import type { Operation } from './api/define';
import { committeeOps } from './api/committees';
import { exchangeOps } from './api/exchange';
import { meetingOps } from './api/meetings';
import { systemOps } from './api/system';
import { agendaOps } from './api/agenda';
import { meetingDayOps } from './api/meetingday';
import { documentOps } from './api/documents';
import { calendarOps } from './api/calendar';
import { searchOps } from './api/search';
import { backupOps } from './api/backups';
import { publishOps } from './api/publish';
import { checkoutOps } from './api/checkout';
import { proposalOps } from './api/proposals';
import { accountOps } from './api/accounts';

export const api = {
  ...systemOps,
  ...committeeOps,
  ...meetingOps,
  ...exchangeOps,
  ...agendaOps,
  ...meetingDayOps,
  ...documentOps,
  ...calendarOps,
  ...searchOps,
  ...backupOps,
  ...publishOps,
  ...checkoutOps,
  ...proposalOps,
  ...accountOps,
} satisfies Record<string, Operation>;

export type Api = typeof api;
export type OpName = keyof Api;
export type OpInput<K extends OpName> = z.input<Api[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Api[K]['input']>;
export type OpOutput<K extends OpName> = Api[K]['output'];

export const OP_NAMES = Object.keys(api) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The IPC channel of an operation: `api:meetings.create`. */
export const ipcChannel = (name: OpName): string => `api:${name}`;
/** The HTTP route of an operation in the browser shell: `/api/meetings.create`. */
export const httpRoute = (name: OpName): string => `/api/${name}`;

// ---- The client, derived from the table: api.meetings.create(input) ------------------------

type Split<S extends string> = S extends `${infer A}.${infer B}` ? [A, B] : never;
type Namespaces = Split<OpName>[0];
export type ApiClient = {
  [N in Namespaces]: {
    [K in OpName as Split<K>[0] extends N ? Split<K>[1] : never]: (input: OpInput<K>) => Promise<OpOutput<K>>;
  };
};

export type Transport = <K extends OpName>(name: K, input: OpInput<K>) => Promise<OpOutput<K>>;

export function createClient(call: Transport): ApiClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of OP_NAMES) {
    const [ns, fn] = name.split('.') as [string, string];
    (client[ns] ??= {})[fn] = (input: unknown) => call(name, input as never);
  }
  return client as unknown as ApiClient;
}
