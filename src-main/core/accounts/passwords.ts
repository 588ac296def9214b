// Password hashing for local accounts: argon2id through @node-rs/argon2 (README says why), with
// OWASP's parameters (19 MiB, 2 passes, 1 lane). Hashing runs on libuv's thread pool, so a login
// does not hold up the thread that serves everyone else's operations.
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id: the library's const enum cannot be imported under verbatimModuleSyntax. */
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/**
 * Checked against a real hash even when there is no account (or no password) of that name, so
 * that the time a refusal takes does not tell which login names exist.
 */
let dummy: Promise<string> | null = null;
export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hashPassword('referent-no-such-account');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
