// The one check of a served archive's permissions: before a handler runs, the operation's
// requirement (requirements.ts) is held against the signed-in account's roles. A refusal is one
// sentence, in English and Danish, naming the role that is missing and where.
import type { AccountRole, AccountSummary } from '../../../src-shared/api/accounts';
import type { OpName } from '../../../src-shared/api';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { REQUIREMENTS, type Need } from './requirements';

const ROLE_DA: Record<AccountRole, string> = { secretary: 'sekretær', member: 'medlem', reader: 'læser' };

const ADMIN_ONLY = new AppError('Forbidden', 'Only an administrator can do this.', 'Kun en administrator kan gøre dette.');

async function committeeName(db: Db, id: string): Promise<string> {
  return (await db.selectFrom('committees').select('name').where('id', '=', id).executeTakeFirst())?.name ?? id;
}

function refusal(need: Need, name: string, has: AccountRole | undefined): AppError {
  if (need === 'read' || has === undefined)
    return new AppError('Forbidden', `You have no role in ${name}; ask an administrator for one.`, `Du har ingen rolle i ${name}; bed en administrator om en.`);
  if (need === 'edit')
    return new AppError(
      'Forbidden',
      `Only a secretary of ${name} can change it; you are a ${has} there.`,
      `Kun en sekretær i ${name} kan ændre det; du er ${ROLE_DA[has]} der.`,
    );
  return new AppError(
    'Forbidden',
    `As a ${has} of ${name} you can approve only your own attendance and approval; the rest is the secretary's.`,
    `Som ${ROLE_DA[has]} i ${name} kan du kun godkende dit eget fremmøde og din egen godkendelse; resten er sekretærens.`,
  );
}

/** The member keys an approve-own input names: `member`, or each entry's `member` and `substitute`. */
function keysNamed(input: Record<string, unknown>): string[] {
  const keys: string[] = [];
  if (typeof input.member === 'string') keys.push(input.member);
  for (const e of Array.isArray(input.entries) ? (input.entries as Record<string, unknown>[]) : []) {
    if (typeof e.member === 'string') keys.push(e.member);
    if (typeof e.substitute === 'string') keys.push(e.substitute);
  }
  return keys;
}

function allows(need: Need, role: AccountSummary['roles'][number] | undefined, input: Record<string, unknown>): boolean {
  if (!role) return false;
  if (need === 'read' || role.role === 'secretary') return true;
  if (need === 'edit') return false;
  const keys = keysNamed(input);
  return role.role === 'member' && role.memberKey !== null && keys.length > 0 && keys.every((k) => k === role.memberKey);
}

/** Throws the refusal when `account` may not run `name` with this (parsed) input. */
export async function authorize(db: Db, account: AccountSummary, name: OpName, input: unknown): Promise<void> {
  if (account.admin) return;
  const req = REQUIREMENTS[name];
  const fields = (input ?? {}) as Record<string, unknown>;
  switch (req.kind) {
    case 'signed-in':
    case 'filtered':
      return;
    case 'admin':
      throw ADMIN_ONLY;
    case 'self-or-admin':
      if (fields[req.field] === account.login) return;
      throw ADMIN_ONLY;
    case 'committee':
      for (const check of req.checks) {
        const found = await check.of(db, fields);
        if (found === null) continue;
        const ids = found === 'all' ? (await db.selectFrom('committees').select('id').execute()).map((r) => r.id) : found;
        if (req.any && ids.some((id) => allows(check.need, account.roles.find((r) => r.committeeId === id), fields))) continue;
        for (const id of ids) {
          const role = account.roles.find((r) => r.committeeId === id);
          if (!allows(check.need, role, fields)) throw refusal(check.need, await committeeName(db, id), role?.role);
        }
      }
  }
}

/** The committees an account reads (every one for an administrator: null). */
export const readableCommittees = (account: AccountSummary): string[] | null => (account.admin ? null : account.roles.map((r) => r.committeeId));
