// Edits carry the version they were made from: an item or meeting changed meanwhile (by another
// secretary, or in another window) refuses the edit with a sentence saying who changed what and
// when, read from the change log, instead of overwriting it silently. docs/server-design.md §5.
import { AppError } from '../errors';
import type { Db } from '../store/database';
import { localTime } from '../util/local-time';

type Versioned = 'items' | 'meetings';

/**
 * Moves the row on to its next version, when it is still at `expected` (an edit without a version,
 * from the CLI or an older client, always does: last writer wins there, as before). Returns false
 * when the row was changed since the editor loaded it.
 */
export async function claimVersion(db: Db, table: Versioned, id: string, expected: number | undefined): Promise<boolean> {
  let q = db.updateTable(table).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** What each edited field is called in the sentence. */
const FIELDS: Record<string, [en: string, da: string]> = {
  title: ['title', 'titel'],
  caseNumber: ['case number', 'sagsnummer'],
  access: ['open or closed', 'åbent eller lukket'],
  role: ['standard item', 'fast punkt'],
  route: ['Sagens behandling', 'Sagens behandling'],
  sections: ['text', 'tekst'],
  publicTitle: ['public title', 'offentlig titel'],
  closedReason: ['reason for closing', 'begrundelse for lukning'],
  decisionPublic: ['publication of the decision', 'offentliggørelse af beslutningen'],
  start: ['time', 'tidspunkt'],
  end: ['end', 'sluttidspunkt'],
  location: ['place', 'sted'],
};

/** How many of a meeting's latest entries are looked through for the row's last change. */
const LOOK_BACK = 500;

/** The latest change-log entry of this item or meeting: when, by whom, and which fields. */
async function lastChange(db: Db, table: Versioned, id: string, meetingId: string): Promise<{ at: string; author: string | null; fields: string[] } | null> {
  // The edits that move a version on: agenda.updateItem; meetings.update and a calendar import.
  const rows = await db
    .selectFrom('change_log')
    .select(['at', 'author', 'payload'])
    .where('meeting_id', '=', meetingId)
    .where((eb) => (table === 'items' ? eb('action', '=', 'item.update') : eb.or([eb('action', '=', 'meeting.update'), eb('action', '=', 'meeting.calendar-update')])))
    .orderBy('seq', 'desc')
    .limit(LOOK_BACK)
    .execute();
  for (const r of rows) {
    const payload = JSON.parse(r.payload) as Record<string, unknown>;
    // A meeting's entries carry its id as their meeting_id; an item's name it in the payload.
    if (table === 'items' && payload.itemId !== id) continue;
    const fields = table === 'items' ? (Array.isArray(payload.changed) ? payload.changed.map(String) : []) : Object.keys(payload);
    return { at: r.at, author: r.author, fields: fields.filter((f) => f in FIELDS) };
  }
  return null;
}

/**
 * The refusal of a stale edit: "Item 4 (Budget) was changed by Anne Holm at 14:32 on 02-12-2026
 * (title, text) after you opened it; it has been reloaded so you can see the change and edit again."
 */
export async function staleEdit(db: Db, target: { table: Versioned; id: string; meetingId: string; en: string; da: string }): Promise<AppError> {
  const change = await lastChange(db, target.table, target.id, target.meetingId);
  if (!change) {
    return new AppError('Conflict', `${target.en} was changed after you opened it; reload it to see the change, then edit again.`,
      `${target.da} er blevet ændret, efter du åbnede det; indlæs det igen for at se ændringen, og ret så igen.`);
  }
  const { date, time } = localTime(change.at);
  const who = change.author ? [`by ${change.author}`, `af ${change.author}`] : ['in another window', 'i et andet vindue'];
  const what = change.fields.length > 0 ? [` (${change.fields.map((f) => FIELDS[f]![0]).join(', ')})`, ` (${change.fields.map((f) => FIELDS[f]![1]).join(', ')})`] : ['', ''];
  return new AppError(
    'Conflict',
    `${target.en} was changed ${who[0]} at ${time} on ${date}${what[0]} after you opened it; reload it to see the change, then edit again.`,
    `${target.da} blev ændret ${who[1]} kl. ${time} den ${date}${what[1]}, efter du åbnede det; indlæs det igen for at se ændringen, og ret så igen.`,
  );
}
