// Handlers of the "calendar" operations (src-shared/api/calendar.ts). Every mutation runs in one
// transaction: an import or a roll-forward lands whole or not at all.
import type { calendarOps } from '../../../src-shared/api/calendar';
import { AppError } from '../errors';
import type { FeatureHandlers } from '../handler-types';
import { tx } from '../handler-types';
import { backupBeforeImport } from '../backups/before-import';
import { getSettings } from '../settings/settings.service';
import { applyCalendarImport, previewCalendarImport, type ImportRequest } from './calendar.service';
import { buildCsv } from './export-csv';
import { buildIcs } from './export-ics';
import { readExportMeetings } from './export-meetings';
import { applyRollForward, proposeRollForward, readBlockedPeriods, writeBlockedPeriods } from './roll-forward.service';

const toBase64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

function importRequest(input: { fileName: string; base64: string; committee?: string | undefined; mapping?: Record<string, string | null> | undefined; includeAllDay?: boolean | undefined }): ImportRequest {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64.replace(/\s+/g, ''))) throw new AppError('Invalid', `${input.fileName}: the file's bytes are not valid base64.`, `${input.fileName}: filens indhold er ikke gyldig base64.`);
  return { fileName: input.fileName, bytes: new Uint8Array(Buffer.from(input.base64, 'base64')), committee: input.committee, mapping: input.mapping, includeAllDay: input.includeAllDay };
}

export const calendarHandlers: FeatureHandlers<typeof calendarOps> = {
  'calendar.previewImport': (ctx, input) => previewCalendarImport(ctx.store.db, importRequest(input)),
  'calendar.applyImport': async (ctx, input) => {
    const request = importRequest(input);
    await backupBeforeImport(ctx.store);
    return tx(ctx, (db) => applyCalendarImport(db, request));
  },
  'calendar.proposeRollForward': (ctx, input) => proposeRollForward(ctx.store.db, input),
  'calendar.applyRollForward': (ctx, input) => tx(ctx, (db) => applyRollForward(db, input)),
  'calendar.export': async (ctx, { format, year, committeeId }) => {
    const meetings = await readExportMeetings(ctx.store.db, year, committeeId);
    const suffix = committeeId && meetings[0] ? `-${meetings[0].shortName ?? meetings[0].committee}` : '';
    const base = `moedekalender-${year}${suffix.replace(/[^\p{L}\p{N}-]+/gu, '-')}`;
    if (format === 'ics') return { fileName: `${base}.ics`, mime: 'text/calendar', base64: toBase64(buildIcs(meetings, `Politisk mødekalender ${year}`)) };
    if (format === 'csv') return { fileName: `${base}.csv`, mime: 'text/csv', base64: toBase64(buildCsv(meetings)) };
    const org = (await getSettings(ctx.store.db)).name;
    // The docx library loads with the first .docx, not with the core.
    return { fileName: `${base}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: toBase64(await (await import('./export-docx')).buildDocx(meetings, year, org)) };
  },
  // The holiday library loads with the first day checked, not with the core.
  'calendar.checkDay': async (ctx, { day }) => ({ blocked: (await import('./check-day')).checkDay(day, await readBlockedPeriods(ctx.store.db)) }),
  'calendar.getBlockedPeriods': (ctx) => readBlockedPeriods(ctx.store.db),
  'calendar.setBlockedPeriods': (ctx, input) => tx(ctx, (db) => writeBlockedPeriods(db, input)),
};
