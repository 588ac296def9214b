// What a meeting's documents print, read from the store: the document input. Everything the
// writers show must come through this object, because it is what the seal freezes at approval
// (seal/snapshot.ts): approved minutes are built from their sealed copy, never from the live rows.
import { resolveTemplate } from '../../../src-shared/domain';
import type { ExMeeting, ExMember } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import { getCommittee } from '../committees/committees.service';
import { AppError, notFound } from '../errors';
import { readMeetings } from '../meetings/meeting-content';
import { getSettings } from '../settings/settings.service';
import { parseSealContent, sealHash } from '../seal/snapshot';
import type { Db } from '../store/database';
import type { ReferatInput } from './build-referat';

/** A referat's input as read from the store, with the committee's short name for file names. */
export type StoredReferatInput = ReferatInput & { shortName: string };

/** The input as the rows hold it now: what an unapproved meeting prints, and what approval seals. */
export async function liveReferatInput(db: Db, meetingId: string): Promise<StoredReferatInput> {
  const [content] = await readMeetings(db, { meetingIds: [meetingId] });
  if (!content) throw notFound('The meeting', 'Mødet');
  return (await liveInputMaker(db, content.row.committee_id))(content.meeting);
}

/** Builds the live input of any meeting of one committee, reading the committee and settings once. */
export async function liveInputMaker(db: Db, committeeId: string): Promise<(meeting: ExMeeting) => StoredReferatInput> {
  const committee = await getCommittee(db, committeeId);
  const settings = await getSettings(db);
  const members: ExMember[] = committee.members.map((m) => ({
    key: m.key,
    name: m.name,
    role: m.role,
    ...(m.title ? { title: m.title } : {}),
    ...(m.party ? { party: m.party } : {}),
    ...(m.from ? { from: m.from } : {}),
    ...(m.until ? { until: m.until } : {}),
  }));
  return (meeting) => ({
    committee: { name: committee.name, shortName: committee.shortName, template: resolveTemplate(committee.template), publicationProfile: committee.publicationProfile, members },
    meeting,
    organization: { name: settings.name, logo: settings.logo },
    shortName: committee.shortName || committee.name,
  });
}

/** Where approved minutes are sealed in the change log, printed on them for `referent verify --anchor`. */
export type SealMark = { anchor: string };

export type DocumentSource = { input: StoredReferatInput; seal: SealMark | null };

/**
 * The input a meeting's documents are built from: for approved minutes their sealed content
 * only, refused when it does not match the hash of the lock; for any other meeting the live rows.
 */
export async function loadDocumentSource(db: Db, meetingId: string): Promise<DocumentSource> {
  const row = await db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committee_id')
    .leftJoin('meeting_seals as s', 's.meeting_id', 'm.id')
    .select(['m.locked_at', 'm.content_hash', 'm.start', 'c.name', 's.meeting_id as sealed', 's.content', 's.entry', 's.entry_hash'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!row) throw notFound('The meeting', 'Mødet');
  if (row.locked_at === null) return { input: await liveReferatInput(db, meetingId), seal: null };
  // A lock from before seals held a snapshot prints its rows, as that version did.
  if (row.sealed !== null && row.content === null) return { input: await liveReferatInput(db, meetingId), seal: null };
  const what = `The approved minutes of ${row.name} on ${formatShortDa(row.start)}`;
  const whatDa = `Det godkendte referat af ${row.name} den ${formatShortDa(row.start)}`;
  if (row.content === null || sealHash(row.content) !== row.content_hash) {
    throw new AppError('Corrupt', `${what} cannot be printed: their sealed content is missing or no longer matches their lock. Run "referent verify" and restore a backup.`,
      `${whatDa} kan ikke udskrives: det forseglede indhold mangler eller passer ikke længere med låsningen. Kør "referent verify", og gendan en sikkerhedskopi.`,
    );
  }
  const seal = row.entry !== null && row.entry_hash !== null ? { anchor: `${row.entry_hash}:${row.entry}` } : null;
  return { input: parseSealContent(row.content), seal };
}

