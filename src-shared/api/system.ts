import { z } from 'zod';
import { FIELD_LIMITS } from '../limits';
import { op } from './define';

export type SystemInfo = { version: string; dbFile: string; schemaVersion: number; shell: 'electron' | 'web' | 'cli' };
export type OrganizationSettings = { name: string | null; logo: { mime: string; base64: string } | null };

export const systemOps = {
  'system.info': op(z.object({})).returns<SystemInfo>(),
  'settings.get': op(z.object({})).returns<OrganizationSettings>(),
  'settings.update': op(
    z.strictObject({
      name: z.string().trim().max(FIELD_LIMITS.organizationName).nullable().optional(),
      logo: z
        .strictObject({ mime: z.enum(['image/png', 'image/jpeg', 'image/svg+xml']), base64: z.string().max(2_000_000) })
        .nullable()
        .optional(),
    }),
  ).returns<OrganizationSettings>(),
};
