// Signing in to a served archive: a password (or the identity provider's word) gives a session, a
// random id that the browser keeps in an HttpOnly cookie. The database keeps only its SHA-256, so
// a copy of the database (a backup, pg_dump) signs nobody in. Each sign-in makes a new id (no
// fixation) and ends the one the browser had; signing out, a new password or disabling the
// account ends sessions at once.
import { createHash, randomBytes } from 'node:crypto';
import type { AccountSummary } from '../../../src-shared/api/accounts';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { nowIso } from '../util/canonical';
import { accountById } from './accounts.service';
import { passwordMatches } from './passwords';

/** A working day and then some: a secretary signs in in the morning and is not sent back to the login page at a meeting. */
export const SESSION_HOURS = 12;

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export type Session = { token: string; expiresAt: string; account: AccountSummary };

export const WRONG_LOGIN = new AppError('Forbidden', 'The login name or the password is wrong.', 'Brugernavnet eller adgangskoden er forkert.');
const DISABLED = new AppError('Forbidden', 'This account is disabled; ask an administrator.', 'Kontoen er spærret; spørg en administrator.');
const NO_ACCOUNT = new AppError('Forbidden', 'Your identity provider signed you in, but no Referent account is linked to you; ask an administrator to add one.', 'Identitetsudbyderen har logget dig ind, men ingen Referent-konto er knyttet til dig; bed en administrator om at oprette en.');

async function start(db: Db, accountId: string, previous: string | undefined): Promise<Session> {
  const now = new Date();
  if (previous) await db.deleteFrom('sessions').where('id_hash', '=', digest(previous)).execute();
  await db.deleteFrom('sessions').where('account_id', '=', accountId).where('expires_at', '<=', now.toISOString()).execute();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.insertInto('sessions').values({ id_hash: digest(token), account_id: accountId, created_at: now.toISOString(), expires_at: expiresAt }).execute();
  return { token, expiresAt, account: (await accountById(db, accountId))! };
}

/** A local account's sign-in. The same sentence whether the login or the password is wrong. */
export async function signIn(db: Db, login: string, password: string, previous?: string): Promise<Session> {
  const row = await db.selectFrom('accounts').select(['id', 'password_hash', 'disabled_at']).where('login', '=', login.trim().toLowerCase()).executeTakeFirst();
  if (!(await passwordMatches(row?.password_hash ?? null, password)) || !row) throw WRONG_LOGIN;
  if (row.disabled_at !== null) throw DISABLED;
  return start(db, row.id, previous);
}

/** The identity provider has vouched for (issuer, subject): the account linked to them, if any. */
export async function signInOidc(db: Db, issuer: string, subject: string, previous?: string): Promise<Session> {
  const row = await db.selectFrom('accounts').select(['id', 'disabled_at']).where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
  if (!row) throw NO_ACCOUNT;
  if (row.disabled_at !== null) throw DISABLED;
  return start(db, row.id, previous);
}

/** The account signed in with this session id, or null when it is unknown, expired or disabled. */
export async function sessionAccount(db: Db, token: string): Promise<AccountSummary | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.disabled_at', 's.expires_at'])
    .where('s.id_hash', '=', digest(token))
    .executeTakeFirst();
  if (!row || row.disabled_at !== null || row.expires_at <= nowIso()) return null;
  return accountById(db, row.id);
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', digest(token)).execute();
}
