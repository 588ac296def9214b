// Operations on the accounts of a served archive (`referent serve`, issue 14 §3): who is signed in,
// and for an administrator the accounts and their roles per committee. The desktop app has none.
import { z } from 'zod';
import { op } from './define';
import { Id } from './committees';

export const ACCOUNT_ROLES = ['secretary', 'member', 'reader'] as const;
/** secretary: edits the committee's meetings; member: reads, and approves her own attendance and approval; reader: reads. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export type CommitteeRole = { committeeId: string; committee: string; role: AccountRole; memberKey: string | null };
export type AccountSummary = {
  id: string;
  login: string;
  displayName: string;
  admin: boolean;
  disabled: boolean;
  /** How the account signs in: a password here, or the identity provider (OIDC). */
  password: boolean;
  oidc: boolean;
  roles: CommitteeRole[];
};
/** The signed-in account, or null where there are no accounts (the desktop app, the single-user browser shell). */
export type Me = AccountSummary | null;

export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'may hold only letters a-z, digits and . _ @ -');
export const DisplayName = z.string().trim().min(1, 'must not be empty').max(200);
/** Long enough to resist guessing with argon2id behind it; no rules of composition (NIST SP 800-63B). */
export const Password = z.string().min(10, 'must be at least 10 characters').max(1000);

export const accountOps = {
  'accounts.me': op(z.object({})).returns<Me>(),
  'accounts.list': op(z.object({})).returns<AccountSummary[]>(),
  'accounts.add': op(
    z.strictObject({
      login: Login,
      displayName: DisplayName,
      password: Password.optional(),
      oidcIssuer: z.url().max(2000).optional(),
      oidcSubject: z.string().min(1).max(500).optional(),
      admin: z.boolean().optional(),
    }),
  ).returns<AccountSummary>(),
  'accounts.setPassword': op(z.strictObject({ login: Login, password: Password })).returns<AccountSummary>(),
  'accounts.update': op(z.strictObject({ login: Login, displayName: DisplayName.optional(), admin: z.boolean().optional(), disabled: z.boolean().optional() })).returns<AccountSummary>(),
  /** role null: the account loses its role in the committee. */
  'accounts.setRole': op(
    z.strictObject({ login: Login, committeeId: Id, role: z.enum(ACCOUNT_ROLES).nullable(), memberKey: z.string().min(1).max(200).nullable().optional() }),
  ).returns<AccountSummary>(),
};
