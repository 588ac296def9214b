import { z } from 'zod';
import { op } from './define';
import type { ReferentDocument } from '../exchange';

/**
 * A setting the imported file would change. An import never changes a setting silently: where
 * the store already has one and the file's differs, the store's is kept unless the import was
 * told to adopt the file's (`adoptOrganization`), and either way the report says so.
 */
export type SettingChange = {
  setting:
    | 'organization.name'
    | 'organization.blockedPeriods'
    | 'committee.numbering'
    | 'committee.shortName'
    | 'committee.defaults'
    | 'committee.template'
    | 'committee.publicationProfile'
    | 'member.name'
    | 'member.role'
    | 'member.title'
    | 'member.party'
    | 'member.period';
  /** The committee (by name) a committee or member setting belongs to. */
  committee?: string | undefined;
  /** The member's key, for a member's name and membership. */
  member?: string | undefined;
  /** The values as text where they are short (a name, a rule); null for a structure (house style, calendar rules). */
  current: string | null;
  file: string | null;
  adopted: boolean;
};

export type ImportReport = {
  committees: { added: number; updated: number };
  meetings: { added: number; replaced: number; unchanged: number };
  items: number;
  files: number;
  /** Settings where the file differs from the store (see SettingChange). */
  settings: SettingChange[];
  /**
   * Members of the file whose key already belongs to another person here (another organisation's
   * "hm" is not our "hm"): they are stored as a new person under a free key instead of renaming ours.
   */
  newKeys: { committee: string; key: string; name: string; storedAs: string }[];
  /** Attachment files whose names were not a document type (or hid a program) and are stored under a name that opens nothing. */
  renamedFiles?: { from: string; to: string }[];
  /** Proposals between committees the document carried: kept, or not kept because their committee is not in this archive. */
  proposals?: { kept: number; skipped: { title: string; to: string }[] };
};

export const exchangeOps = {
  /** The document is parsed by the importer itself, so that its error names the JSON path. */
  'exchange.import': op(
    z.strictObject({
      document: z.unknown(),
      /** Take the file's settings (organisation name, calendar rules, existing committees' settings, members' names) where they differ. */
      adoptOrganization: z.boolean().optional(),
    }),
  ).returns<ImportReport>(),
  'exchange.export': op(
    z.strictObject({ committee: z.string().trim().min(1).optional(), year: z.number().int().min(1900).max(2200).optional() }),
  ).returns<ReferentDocument>(),
};
