// The website folder of one committee's year, built in memory: every page, the stylesheet, the
// mødeplan (.html and .ics), the meetings' public PDFs and open attachments, and publication.json.
// Pure and deterministic: the same meetings give the same bytes (no clock is read), which is what
// makes re-publishing idempotent. The public version is the document tree's (buildReferat with
// public: true), so a closed item shows exactly what the printed public version shows.
import { formatLongDa } from '../../../src-shared/dates';
import type { ExMeeting } from '../../../src-shared/exchange';
import { buildReferat, type DocumentKind, type ReferatInput } from '../documents/build-referat';
import { presenceByItem } from '../meetings/presence';
import type { AttachmentLabel } from '../files/file-errors';
import { sha256Hex } from '../util/canonical';
import { buildPlanIcs, type IcsEvent } from './ics';
import { buildOparl, type OparlAttachment, type PublishedMeeting } from './oparl';
import { indexBody, itemBody, meetingBody, page, planBody, STYLESHEET, type PageLink } from './pages';

export type SiteMeeting = {
  id: string;
  meeting: ExMeeting;
  /** The meeting's content version (hash of its referent/v1 content); publication.json records it. */
  version: string;
  /** The public PDF of the meeting's document, when one was made. */
  pdf?: Uint8Array | null | undefined;
  /** When the meeting last changed, for the calendar's DTSTAMP (an ISO instant). */
  updatedAt: string;
};

export type SiteInput = {
  committee: ReferatInput['committee'] & { shortName: string };
  organization: ReferatInput['organization'];
  year: number;
  meetings: SiteMeeting[];
  /** The stored bytes of an attachment, hash-checked (the store's readBlob: a missing or altered file is refused with a sentence naming it). */
  readAttachment: (sha256: string, label: AttachmentLabel) => Uint8Array;
  /** The previous publication.json, for the calendar events' SEQUENCE. */
  previous?: PublicationManifest | null | undefined;
  /** Absolute address of the folder on the website, for links in the calendar (else relative). */
  baseUrl?: string | undefined;
  /** Also write the OParl 1.1 objects under oparl/, with ids under this address (ends in "/"). */
  oparlBase?: string | undefined;
};

export type SiteFile = { path: string; bytes: Uint8Array; meetingId?: string | undefined };
export type ManifestMeeting = { id: string; date: string; path: string | null; status: string; version: string; eventHash: string; sequence: number };
export type PublicationManifest = {
  format: 'referent-publication/1';
  committee: string;
  year: number;
  meetings: ManifestMeeting[];
  files: { path: string; sha256: string; meetingId?: string | undefined }[];
};
export type Site = { files: SiteFile[]; manifest: PublicationManifest; missing: string[] };

const enc = new TextEncoder();
const MIME: Record<string, string> = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword', xls: 'application/vnd.ms-excel', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain', csv: 'text/csv',
};
const STATUS_DA: Record<string, string> = { planned: 'Planlagt', 'agenda-published': 'Dagsorden', held: 'Dagsorden', 'minutes-approved': 'Referat', cancelled: 'Aflyst' };

/** Which document a meeting's pages show: the approved minutes, else the published agenda, else none yet. */
export function publishedKind(m: ExMeeting): DocumentKind | null {
  if (m.status === 'minutes-approved') return 'minutes';
  if (m.status === 'agenda-published' || m.status === 'held') return 'agenda';
  return null;
}

/** "ae", "oe", "aa" for æ, ø, å; letters and digits kept, the rest one hyphen: a URL a person can read. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';
}

export function buildSite(input: SiteInput): Site {
  const { committee, year } = input;
  const name = committee.name;
  const meetings = [...input.meetings].filter((m) => m.meeting.start.startsWith(`${year}-`)).sort((a, b) => a.meeting.start.localeCompare(b.meeting.start) || a.id.localeCompare(b.id));
  const files: SiteFile[] = [];
  const missing: string[] = [];
  const taken = new Set<string>();
  const add = (path: string, bytes: Uint8Array | string, meetingId?: string): void => {
    // Two files at one path would make the folder depend on write order, and re-publishing not idempotent.
    if (taken.has(path)) throw new Error(`publish: two files at ${path}`);
    taken.add(path);
    files.push({ path, bytes: typeof bytes === 'string' ? enc.encode(bytes) : bytes, ...(meetingId ? { meetingId } : {}) });
  };
  const folders = meetingFolders(meetings, committee.shortName, year);
  const manifestMeetings: ManifestMeeting[] = [];
  const events: IcsEvent[] = [];
  const rows = [];
  const planRows = [];
  const published: PublishedMeeting[] = [];

  for (const sm of meetings) {
    const m = sm.meeting;
    const kind = publishedKind(m);
    const folder = kind ? folders.get(sm.id)! : null;
    let pdfHref: string | null = null;
    if (kind && folder) {
      const attachments = new Map<number, OparlAttachment[]>();
      pdfHref = writeMeeting(input, sm, kind, folder, add, missing, attachments);
      published.push({ sm, folder, attachments });
    }
    const status = STATUS_DA[m.status ?? 'planned'] ?? '';
    if (kind) rows.push({ date: m.start, status, href: `${folder}/index.html`, pdf: pdfHref ? `${folder}/${pdfHref}` : null, location: m.location ?? null });
    planRows.push({ date: m.start, end: m.end ?? null, location: m.location ?? null, status, href: kind ? `${folder}/index.html` : null });
    const ev: IcsEvent = {
      uid: m.calendarUid ?? `${sm.id}@referent`,
      start: m.start,
      end: m.end ?? null,
      summary: name,
      location: m.location ?? null,
      cancelled: m.status === 'cancelled',
      url: kind ? `${input.baseUrl ?? ''}${folder}/index.html` : null,
      stamp: sm.updatedAt,
      sequence: 0,
    };
    const eventHash = sha256Hex(JSON.stringify({ ...ev, stamp: null, sequence: null }));
    const before = input.previous?.meetings.find((p) => p.id === sm.id);
    ev.sequence = before ? (before.eventHash === eventHash ? before.sequence : before.sequence + 1) : 0;
    events.push(ev);
    manifestMeetings.push({ id: sm.id, date: m.start, path: folder, status: m.status ?? 'planned', version: sm.version, eventHash, sequence: ev.sequence });
  }
  rows.reverse();

  add('style.css', STYLESHEET);
  const links: PageLink[] = [{ href: 'moedeplan.html', text: `Mødeplan ${year}` }, { href: 'moedeplan.ics', text: `Mødeplan ${year} som kalenderfil (.ics)` }];
  add('index.html', page({ title: `${name} ${year}`, root: '', crumbs: [], body: indexBody(name, year, rows, links) }).value);
  add('moedeplan.html', page({ title: `Mødeplan ${year}: ${name}`, root: '', crumbs: [{ href: 'index.html', text: `${name} ${year}` }], body: planBody(name, year, planRows, 'moedeplan.ics') }).value);
  add('moedeplan.ics', buildPlanIcs(events, `${name} ${year}`));
  if (input.oparlBase) for (const o of buildOparl(input, published, input.oparlBase, meetings)) add(o.path, `${JSON.stringify(o.json, null, 2)}\n`);

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: PublicationManifest = {
    format: 'referent-publication/1',
    committee: name,
    year,
    meetings: manifestMeetings,
    files: files.map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes), ...(f.meetingId ? { meetingId: f.meetingId } : {}) })),
  };
  return { files, manifest, missing };
}

/** "2026/2026-06-02-obu" per meeting; two meetings on one day get their start time too. */
function meetingFolders(meetings: SiteMeeting[], shortName: string, year: number): Map<string, string> {
  const perDay = new Map<string, number>();
  for (const m of meetings) perDay.set(m.meeting.start.slice(0, 10), (perDay.get(m.meeting.start.slice(0, 10)) ?? 0) + 1);
  return new Map(meetings.map((m) => {
    const day = m.meeting.start.slice(0, 10);
    const time = (perDay.get(day) ?? 0) > 1 ? `-${m.meeting.start.slice(11, 13)}${m.meeting.start.slice(14, 16)}` : '';
    return [m.id, `${year}/${day}${time}-${slug(shortName)}`];
  }));
}

/** Writes a meeting's page, its item pages, PDF and attachments; returns the PDF's name in the folder. */
function writeMeeting(input: SiteInput, sm: SiteMeeting, kind: DocumentKind, folder: string, add: (p: string, b: Uint8Array | string, id?: string) => void, missing: string[], collected: Map<number, OparlAttachment[]>): string | null {
  const { committee } = input;
  const m = sm.meeting;
  const doc = buildReferat({ committee, meeting: m, organization: input.organization }, kind, { public: true });
  const kindDa = kind === 'minutes' ? 'Referat' : 'Dagsorden';
  const heading = `${kindDa}: ${committee.name}, ${formatLongDa(m.start.slice(0, 10))}`;
  const pdfName = sm.pdf ? `${m.start.slice(0, 10)}-${slug(committee.shortName)}-${slug(kindDa)}.pdf` : null;
  if (sm.pdf && pdfName) add(`${folder}/${pdfName}`, sm.pdf, sm.id);
  const names = new Map(committee.members.map((x) => [x.key, x]));
  const nameOf = (key: string): string => names.get(key)?.name ?? key;
  const presence = kind === 'minutes' ? presenceByItem(committee.members, m) : new Map();
  const crumbs = [{ href: '../../index.html', text: `${committee.name} ${input.year}` }];
  const itemChapters = doc.chapters.filter((c) => c.number !== null);
  const itemLinks = itemChapters.map((c) => ({ href: `punkt-${c.number}.html`, text: c.heading }));

  itemChapters.forEach((c, i) => {
    const index = m.items.findIndex((it, k) => (it.number ?? k + 1) === c.number);
    const item = m.items[index]!;
    const attachments: PageLink[] = [];
    if (!c.closed) {
      (item.attachments ?? []).filter((a) => a.access !== 'closed').forEach((a, k) => {
        const bytes = a.sha256 ? input.readAttachment(a.sha256, { title: a.title, item: item.title, committee: committee.name, start: m.start }) : null;
        if (!bytes) {
          missing.push(`${m.start.slice(0, 10)} punkt ${c.number}: ${a.title}`);
          return;
        }
        const ext = /\.([A-Za-z0-9]{1,5})$/.exec(a.file ?? a.title)?.[1]?.toLowerCase();
        const file = `bilag/punkt-${c.number}-${k + 1}-${slug(a.title.replace(/\.[A-Za-z0-9]{1,5}$/, '')).slice(0, 60)}${ext ? `.${ext}` : ''}`;
        add(`${folder}/${file}`, bytes, sm.id);
        collected.set(c.number!, [...(collected.get(c.number!) ?? []), { title: a.title, path: file, bytes, mime: MIME[ext ?? ''] ?? 'application/octet-stream' }]);
        attachments.push({ href: file, text: `${a.title}${ext ? ` (${ext.toUpperCase()})` : ''}` });
      });
    }
    const p = presence.get(c.number!);
    const presenceRows = !c.closed && p
      ? [
          ...(p.absent.length ? [{ label: 'Fraværende', value: p.absent.map(nameOf).join(', ') }] : []),
          ...(p.apologies.length ? [{ label: 'Afbud', value: p.apologies.map(nameOf).join(', ') }] : []),
          ...(p.disqualified.length ? [{ label: 'Inhabil', value: p.disqualified.map(nameOf).join(', ') }] : []),
        ]
      : [];
    const body = itemBody({ chapter: c, presence: presenceRows, attachments, prev: itemLinks[i - 1] ?? null, next: itemLinks[i + 1] ?? null });
    add(`${folder}/punkt-${c.number}.html`, page({ title: c.heading, root: '../../', crumbs: [...crumbs, { href: 'index.html', text: heading }], body }).value, sm.id);
  });

  const attendance = kind === 'minutes'
    ? (m.attendance ?? []).map((a) => ({
        name: a.substitute ? `${nameOf(a.substitute)} (stedfortræder for ${nameOf(a.member)})` : nameOf(a.member),
        party: names.get(a.substitute ?? a.member)?.party ?? names.get(a.member)?.party ?? '',
        status: a.status === 'present' || a.substitute ? 'Til stede' : a.status === 'apologies' ? 'Afbud' : 'Fraværende',
      }))
    : [];
  const facts = [{ label: 'Tid', value: formatLongDa(m.start) + (m.end ? `–${m.end.slice(11)}` : '') }, ...(m.location ? [{ label: 'Sted', value: m.location }] : [])];
  const pdf = pdfName ? { href: pdfName, text: `${kindDa} som PDF` } : null;
  add(`${folder}/index.html`, page({ title: heading, root: '../../', crumbs, body: meetingBody({ heading, facts, attendance, items: itemLinks, pdf }) }).value, sm.id);
  return pdfName;
}
