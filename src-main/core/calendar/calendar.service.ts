// Imports a meeting calendar into the store: each row matched to a committee (name, short name,
// or a mapping the secretary confirmed), identified by its event UID or committee + start so a
// re-import changes nothing twice, and written all or nothing by the caller's transaction.
import type { CalendarImportPreview, CalendarImportResult, CalendarImportRow, CommitteeMatch, ImportAction } from '../../../src-shared/api/calendar';
import { formatLongDa } from '../../../src-shared/dates';
import type { Notice } from '../../../src-shared/result';
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { appendChange } from '../changelog/changelog';
import { newId, nowIso } from '../util/canonical';
import { badFile, whereDa, type CalendarRow, type ParsedCalendar } from './calendar-row';
import { parseIcs } from './import-ics';
import { parseCsv } from './import-csv';

export type ImportRequest = {
  fileName: string;
  bytes: Uint8Array;
  committee?: string | undefined;
  mapping?: Record<string, string | null> | undefined;
  includeAllDay?: boolean | undefined;
};

type Format = CalendarImportPreview['format'];

function formatOf(fileName: string): Format {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'ics' || ext === 'ical' || ext === 'ifb') return 'ics';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'xls') throw badFile(fileName, null, 'is an old Excel 97–2003 workbook; save it as .xlsx or .csv and import that', 'er en gammel Excel 97–2003-projektmappe; gem den som .xlsx eller .csv, og indlæs den');
  throw badFile(fileName, null, 'is not a calendar file Referent reads (.ics, .csv or .xlsx)', 'er ikke en kalenderfil, som Referent kan læse (.ics, .csv eller .xlsx)');
}

async function readCalendarFile(req: ImportRequest, committeeName: string | null): Promise<ParsedCalendar & { format: Format }> {
  const format = formatOf(req.fileName);
  if (req.bytes.length === 0) throw badFile(req.fileName, null, 'is empty', 'er tom');
  if (format === 'ics') return { format, ...parseIcs(new TextDecoder('utf-8').decode(req.bytes), req.fileName, { includeAllDay: req.includeAllDay ?? false }) };
  if (format === 'csv') return { format, ...parseCsv(req.bytes, req.fileName, committeeName) };
  // exceljs is large: it loads with the first .xlsx, not with the core.
  return { format, ...(await (await import('./import-xlsx')).parseXlsx(req.bytes, req.fileName, committeeName)) };
}

type CommitteeLite = { id: string; name: string; short_name: string | null; default_start: string | null };

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Name, short name, or a committee's name or short name inside the text ("Møde i Økonomiudvalget"). */
function matchCommittee(source: string, committees: CommitteeLite[]): { committee: CommitteeLite; by: CommitteeMatch['by'] } | null {
  const s = norm(source);
  const byName = committees.find((c) => norm(c.name) === s);
  if (byName) return { committee: byName, by: 'name' };
  const byShort = committees.find((c) => c.short_name !== null && norm(c.short_name) === s);
  if (byShort) return { committee: byShort, by: 'shortName' };
  const inside = committees
    .filter((c) => s.includes(norm(c.name)) || (c.short_name !== null && new RegExp(`(^|[^\\p{L}])${escape(norm(c.short_name))}([^\\p{L}]|$)`, 'u').test(s)))
    .sort((a, b) => b.name.length - a.name.length);
  if (inside.length === 1 || (inside.length > 1 && s.includes(norm(inside[0]!.name)) && !s.includes(norm(inside[1]!.name)))) return { committee: inside[0]!, by: 'contains' };
  return null;
}

/**
 * `--committee` by name or short name, case-insensitively. Compared here rather than with SQLite's
 * lower(), which folds ASCII only, so "øu" would not find "ØU".
 */
export async function committeeByName(db: Db, name: string): Promise<CommitteeLite | null> {
  return findByName(name, await readCommittees(db));
}

const readCommittees = (db: Db): Promise<CommitteeLite[]> => db.selectFrom('committees').select(['id', 'name', 'short_name', 'default_start']).orderBy('name').execute();

function findByName(name: string, committees: CommitteeLite[]): CommitteeLite | null {
  const n = norm(name);
  return committees.find((c) => norm(c.name) === n) ?? committees.find((c) => c.short_name !== null && norm(c.short_name) === n) ?? null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Existing = { id: string; committee_id: string; start: string; end: string | null; location: string | null; calendar_uid: string | null; locked_at: string | null };

type Planned = CalendarImportRow & { existing: Existing | null; committeeName: string | null };

const REFERENT_UID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@referent$/i;

/** Reads, matches and decides each row's fate; touches nothing. */
async function plan(db: Db, req: ImportRequest): Promise<{ preview: CalendarImportPreview; planned: Planned[]; notes: Notice[] }> {
  const committees = await readCommittees(db);
  let forced: CommitteeLite | null = null;
  if (req.committee !== undefined) {
    const c = findByName(req.committee, committees);
    if (!c) throw new AppError('Invalid', `There is no committee called "${req.committee}" (give its name or short name).`,
        `Der findes intet udvalg med navnet "${req.committee}" (angiv dets navn eller forkortelse).`,
      );
    forced = c;
  }
  const parsed = await readCalendarFile(req, forced?.name ?? null);
  const problems = [...parsed.notes];
  const byId = new Map(committees.map((c) => [c.id, c]));

  const matches = new Map<string, CommitteeMatch>();
  /** The name a row goes by: its summary or column, or the event category that names a committee. */
  const sourceOf = (row: CalendarRow): string => {
    if (row.committee && matchCommittee(row.committee, committees)) return row.committee;
    const alias = row.aliases.find((a) => {
      const hit = matchCommittee(a, committees);
      return hit !== null && hit.by !== 'contains';
    });
    return alias ?? row.committee ?? row.aliases[0] ?? '';
  };
  const matchOf = (row: CalendarRow): CommitteeMatch => {
    const source = sourceOf(row);
    const key = forced ? `\u0000${forced.id}` : source;
    let m = matches.get(key);
    if (!m) {
      if (forced) m = { source: source || forced.name, committeeId: forced.id, committeeName: forced.name, by: 'option', rows: 0 };
      else if (req.mapping && Object.prototype.hasOwnProperty.call(req.mapping, source)) {
        const id = req.mapping[source] ?? null;
        const c = id === null ? null : byId.get(id);
        if (id !== null && !c) throw new AppError('Invalid', `The mapping for "${source}" names a committee that does not exist.`,
            `Tilknytningen for "${source}" nævner et udvalg, der ikke findes.`,
          );
        m = { source, committeeId: c?.id ?? null, committeeName: c?.name ?? null, by: c ? 'mapping' : 'skip', rows: 0 };
      } else {
        const hit = source ? matchCommittee(source, committees) : null;
        const by = hit && source !== row.committee && row.aliases.includes(source) ? 'alias' : (hit?.by ?? null);
        m = { source, committeeId: hit?.committee.id ?? null, committeeName: hit?.committee.name ?? null, by, rows: 0 };
      }
      matches.set(key, m);
    }
    m.rows++;
    return m;
  };

  const existing: Existing[] = await db.selectFrom('meetings').select(['id', 'committee_id', 'start', 'end', 'location', 'calendar_uid', 'locked_at']).execute();
  const byMeetingId = new Map(existing.map((e) => [e.id, e]));
  const byUid = new Map(existing.filter((e) => e.calendar_uid !== null).map((e) => [e.calendar_uid!, e]));
  const byStart = new Map(existing.map((e) => [`${e.committee_id}|${e.start}`, e]));
  const claimed = new Set<string>();

  const planned: Planned[] = parsed.rows.map((row) => {
    const m = matchOf(row);
    const base = { line: row.line, source: m.source, start: row.start, end: row.end, location: row.location, uid: row.uid };
    if (m.committeeId === null) return { ...base, committeeId: null, committeeName: null, action: m.by === 'skip' ? 'skip' : 'unmatched', existing: null };
    const committee = byId.get(m.committeeId)!;
    const start = row.allDay ? `${row.start.slice(0, 10)}T${committee.default_start ?? '00:00'}` : row.start;
    const referentId = row.uid ? REFERENT_UID.exec(row.uid)?.[1] : undefined;
    const found = (referentId ? byMeetingId.get(referentId.toLowerCase()) : undefined) ?? (row.uid ? byUid.get(row.uid) : undefined) ?? byStart.get(`${m.committeeId}|${start}`) ?? null;
    const committeeId = found?.committee_id ?? m.committeeId;
    const identity = found ? `id|${found.id}` : `${committeeId}|${start}`;
    const slot = `${committeeId}|${start}`;
    if (claimed.has(identity) || claimed.has(slot)) return { ...base, start, committeeId, committeeName: committee.name, action: 'duplicate', existing: found };
    claimed.add(identity);
    claimed.add(slot);
    let action: ImportAction = 'add';
    if (found) {
      const same = found.start === start && found.end === row.end && (row.location === null || found.location === row.location) && (row.uid === null || referentId !== undefined || found.calendar_uid === row.uid);
      action = same ? 'unchanged' : 'update';
      if (action === 'update' && found.locked_at !== null) {
        problems.push({
          message: `Line ${row.line}: the meeting of ${found.start.replace('T', ' ')} has approved minutes and cannot be changed by an import.`,
          messageDa: `Linje ${row.line}: mødet ${formatLongDa(found.start).toLowerCase()} har et godkendt referat og kan ikke ændres ved en indlæsning.`,
        });
      }
    }
    return { ...base, start, committeeId, committeeName: committee.name, action, existing: found };
  });

  const unmatched = [...matches.values()].filter((m) => m.by === null);
  for (const m of unmatched) {
    problems.push({
      message: `"${m.source || '(no name)'}" matches no committee (${m.rows} row${m.rows === 1 ? '' : 's'}); choose one or skip it.`,
      messageDa: `"${m.source || '(intet navn)'}" passer ikke til noget udvalg (${m.rows} ${m.rows === 1 ? 'række' : 'rækker'}); vælg et udvalg, eller spring over.`,
    });
  }
  const counts: Record<ImportAction, number> = { add: 0, update: 0, unchanged: 0, duplicate: 0, skip: 0, unmatched: 0 };
  for (const p of planned) counts[p.action]++;
  const rows = planned.map(({ existing: _e, committeeName: _n, ...r }) => r);
  return { preview: { fileName: req.fileName, format: parsed.format, rows, matches: [...matches.values()], problems, counts }, planned, notes: parsed.notes };
}

export async function previewCalendarImport(db: Db, req: ImportRequest): Promise<CalendarImportPreview> {
  return (await plan(db, req)).preview;
}

/** Writes the plan; call inside one transaction so a fault on any row leaves nothing behind. */
export async function applyCalendarImport(db: Db, req: ImportRequest): Promise<CalendarImportResult> {
  const { planned, notes } = await plan(db, req);
  const unmatched = planned.find((p) => p.action === 'unmatched');
  if (unmatched) throw badFile(req.fileName, `line ${unmatched.line}`, `the committee "${unmatched.source}" matches no committee; choose one in the preview or skip it`,
      `udvalget "${unmatched.source}" svarer ikke til noget udvalg; vælg et i forhåndsvisningen, eller spring det over`,
    );
  const result: CalendarImportResult = { fileName: req.fileName, added: 0, updated: 0, unchanged: 0, skipped: 0, notes };
  const now = nowIso();
  for (const p of planned) {
    if (p.action === 'skip' || p.action === 'duplicate') result.skipped++;
    else if (p.action === 'unchanged') result.unchanged++;
    else if (p.action === 'add') {
      const id = newId();
      await db
        .insertInto('meetings')
        .values({ id, committee_id: p.committeeId!, start: p.start, end: p.end, location: p.location, calendar_uid: p.uid, status: 'planned', created_at: now, updated_at: now })
        .execute();
      await appendChange(db, { meetingId: id, committeeId: p.committeeId, action: 'meeting.calendar-import', payload: { file: req.fileName, line: p.line, start: p.start, end: p.end, location: p.location, uid: p.uid } });
      result.added++;
    } else {
      const e = p.existing!;
      if (e.locked_at !== null) throw new AppError('Locked', `${req.fileName}, line ${p.line}: the meeting of ${e.start.replace('T', ' ')} has approved minutes and cannot be changed by an import.`,
          `${req.fileName}, ${whereDa(`line ${p.line}`)}: mødet ${formatLongDa(e.start).toLowerCase()} har et godkendt referat og kan ikke ændres ved en indlæsning.`,
        );
      const referentUid = p.uid !== null && REFERENT_UID.test(p.uid);
      await db
        .updateTable('meetings')
        // A new version: an edit of the meeting made from before the import is refused (stale-edit.ts).
        .set((eb) => ({ start: p.start, end: p.end, location: p.location ?? e.location, calendar_uid: referentUid ? e.calendar_uid : (p.uid ?? e.calendar_uid), updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', e.id)
        .execute();
      await appendChange(db, { meetingId: e.id, committeeId: e.committee_id, action: 'meeting.calendar-update', payload: { file: req.fileName, line: p.line, from: e.start, start: p.start, end: p.end, location: p.location } });
      result.updated++;
    }
  }
  return result;
}
