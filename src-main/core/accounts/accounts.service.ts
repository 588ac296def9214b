// The accounts of a served archive and their roles per committee (migration 0120). The `referent
// user` command and the admin screen both come here through the Api (accounts.* operations).
import type { AccountRole, AccountSummary } from '../../../src-shared/api/accounts';
import { AppError, notFound } from '../errors';
import { selectInBatches } from '../store/batches';
import type { Db } from '../store/database';
import { newId, nowIso } from '../util/canonical';
import { hashPassword } from './passwords';

type AccountRow = { id: string; login: string; display_name: string; password_hash: string | null; oidc_subject: string | null; admin: boolean; disabled_at: string | null };

async function summaries(db: Db, rows: AccountRow[]): Promise<AccountSummary[]> {
  if (rows.length === 0) return [];
  const roles = await selectInBatches(
    rows.map((r) => r.id),
    (batch) =>
      db
        .selectFrom('account_roles as r')
        .innerJoin('committees as c', 'c.id', 'r.committee_id')
        .select(['r.account_id', 'r.committee_id', 'c.name', 'r.role', 'r.member_key'])
        .where('r.account_id', 'in', batch)
        .orderBy('c.name')
        .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    admin: r.admin,
    disabled: r.disabled_at !== null,
    password: r.password_hash !== null,
    oidc: r.oidc_subject !== null,
    roles: roles.filter((x) => x.account_id === r.id).map((x) => ({ committeeId: x.committee_id, committee: x.name, role: x.role, memberKey: x.member_key })),
  }));
}

const COLUMNS = ['id', 'login', 'display_name', 'password_hash', 'oidc_subject', 'admin', 'disabled_at'] as const;

export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  return summaries(db, await db.selectFrom('accounts').select(COLUMNS).orderBy('login').execute());
}

export async function accountById(db: Db, id: string): Promise<AccountSummary | null> {
  const row = await db.selectFrom('accounts').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? (await summaries(db, [row]))[0]! : null;
}

async function accountId(db: Db, login: string): Promise<string> {
  const row = await db.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst();
  if (!row) throw notFound(`The account "${login}"`, `Kontoen "${login}"`);
  return row.id;
}

export type NewAccount = { login: string; displayName: string; password?: string | undefined; oidcIssuer?: string | undefined; oidcSubject?: string | undefined; admin?: boolean | undefined };

export async function addAccount(db: Db, input: NewAccount): Promise<AccountSummary> {
  if ((input.oidcIssuer === undefined) !== (input.oidcSubject === undefined))
    throw new AppError('Invalid', 'An account signed in through the identity provider needs both its issuer and its subject.', 'En konto, der logger ind via identitetsudbyderen, skal have både udsteder og emne (subject).');
  if (await db.selectFrom('accounts').select('id').where('login', '=', input.login).executeTakeFirst())
    throw new AppError('Conflict', `There is already an account called "${input.login}".`, `Der findes allerede en konto ved navn "${input.login}".`);
  const id = newId();
  await db
    .insertInto('accounts')
    .values({
      id,
      login: input.login,
      display_name: input.displayName,
      password_hash: input.password === undefined ? null : await hashPassword(input.password),
      oidc_issuer: input.oidcIssuer ?? null,
      oidc_subject: input.oidcSubject ?? null,
      admin: input.admin === true,
      disabled_at: null,
      created_at: nowIso(),
    })
    .execute();
  return (await accountById(db, id))!;
}

export async function setPassword(db: Db, login: string, password: string): Promise<AccountSummary> {
  const id = await accountId(db, login);
  await db.updateTable('accounts').set({ password_hash: await hashPassword(password) }).where('id', '=', id).execute();
  // A new password ends every session signed in with the old one.
  await db.deleteFrom('sessions').where('account_id', '=', id).execute();
  return (await accountById(db, id))!;
}

export async function updateAccount(db: Db, input: { login: string; displayName?: string | undefined; admin?: boolean | undefined; disabled?: boolean | undefined }): Promise<AccountSummary> {
  const id = await accountId(db, input.login);
  const patch: { display_name?: string; admin?: boolean; disabled_at?: string | null } = {};
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.admin !== undefined) patch.admin = input.admin;
  if (input.disabled !== undefined) patch.disabled_at = input.disabled ? nowIso() : null;
  if (Object.keys(patch).length > 0) await db.updateTable('accounts').set(patch).where('id', '=', id).execute();
  // Disabling ends the account's sessions at once, not when they expire.
  if (input.disabled === true) await db.deleteFrom('sessions').where('account_id', '=', id).execute();
  return (await accountById(db, id))!;
}

export async function setRole(db: Db, input: { login: string; committeeId: string; role: AccountRole | null; memberKey?: string | null | undefined }): Promise<AccountSummary> {
  const id = await accountId(db, input.login);
  if (!(await db.selectFrom('committees').select('id').where('id', '=', input.committeeId).executeTakeFirst())) throw notFound('The committee', 'Udvalget');
  await db.deleteFrom('account_roles').where('account_id', '=', id).where('committee_id', '=', input.committeeId).execute();
  if (input.role !== null) {
    if (input.role === 'member' && !input.memberKey)
      throw new AppError('Invalid', 'A member account needs the member it is (her key in the committee), so that she approves only her own attendance.', 'En medlemskonto skal knyttes til medlemmet (hendes nøgle i udvalget), så hun kun godkender sit eget fremmøde.');
    await db.insertInto('account_roles').values({ account_id: id, committee_id: input.committeeId, role: input.role, member_key: input.memberKey ?? null }).execute();
  }
  return (await accountById(db, id))!;
}
