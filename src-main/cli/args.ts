// Argument parsing shared by the commands (node:util parseArgs; --db is accepted everywhere).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, db: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\nusage: ${usage}`);
  }
}

export function yearArg(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${flag} must be a year like 2026, not "${value}"`);
  return Number(value);
}
