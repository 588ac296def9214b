// Organisation-wide settings (municipality name and logo for document headers, calendar rules).
import type { OrganizationSettings } from '../../../src-shared/api/system';
import type { ExBlockedPeriods } from '../../../src-shared/exchange';
import type { Db } from '../store/database';
import { assertLogo, usableLogo } from './logo';

async function read<T>(db: Db, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

async function write(db: Db, key: string, value: unknown): Promise<void> {
  if (value === null || value === undefined) {
    await db.deleteFrom('settings').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

export async function getSettings(db: Db): Promise<OrganizationSettings> {
  // A stored logo that is not real image data of its type (from before the check, or edited in the file) is not served.
  return { name: await read<string>(db, 'organization.name'), logo: usableLogo(await read<OrganizationSettings['logo']>(db, 'organization.logo')) };
}

export async function updateSettings(db: Db, patch: Partial<OrganizationSettings>): Promise<OrganizationSettings> {
  if (patch.name !== undefined) await write(db, 'organization.name', patch.name || null);
  if (patch.logo) assertLogo(patch.logo);
  if (patch.logo !== undefined) await write(db, 'organization.logo', patch.logo);
  return getSettings(db);
}

export const getBlockedPeriods = (db: Db): Promise<ExBlockedPeriods | null> => read<ExBlockedPeriods>(db, 'organization.blockedPeriods');
export const setBlockedPeriods = (db: Db, value: ExBlockedPeriods | null): Promise<void> => write(db, 'organization.blockedPeriods', value);
