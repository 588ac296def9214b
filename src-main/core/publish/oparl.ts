// OParl 1.1 objects of a committee's published year, as JSON files under the website's base URL:
// System, Body, Organization (the committee and its parties), Person, Membership, Meeting,
// AgendaItem, Paper (the case), Consultation, File (sha512Checksum), Location, and the spec's
// paginated lists. Public content only: a closed item is its public title, marked public: false,
// with its decision only where the publication profile publishes it. Votes and dissents of open
// items go under the vendor prefix `referent:`. Deterministic: created/modified come from the
// meetings' own change times, never from the clock.
import { createHash } from 'node:crypto';
import { OUTCOME_LABEL_DA } from '../../../src-shared/domain';
import type { ExItem, ExVote } from '../../../src-shared/exchange';
import { decisionPublished } from '../documents/build-closed';
import type { SiteInput, SiteMeeting } from './site';

const T = (type: string): string => `https://schema.oparl.org/1.1/${type}`;
export type OparlAttachment = { title: string; path: string; bytes: Uint8Array; mime: string };
export type PublishedMeeting = { sm: SiteMeeting; folder: string; attachments: Map<number, OparlAttachment[]> };
export type OparlFile = { path: string; json: unknown };

/** "2026-06-02T14:30" (Copenhagen wall clock) as an ISO instant with its offset that day. */
export function copenhagenIso(local: string): string {
  const [y, mo, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const lastSunday = (month: number): number => { const last = new Date(Date.UTC(y, month, 0)); return last.getUTCDate() - last.getUTCDay(); };
  const day = mo * 100 + d;
  const summer = day > 300 + lastSunday(3) && day < 1000 + lastSunday(10) || (day === 300 + lastSunday(3) && local.slice(11) >= '02:00') || (day === 1000 + lastSunday(10) && local.slice(11) < '03:00');
  return `${local}:00${summer ? '+02:00' : '+01:00'}`;
}

const isoInstant = (s: string): string => (/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);

export function buildOparl(input: SiteInput, published: PublishedMeeting[], base: string, allMeetings: SiteMeeting[]): OparlFile[] {
  const out: OparlFile[] = [];
  const { committee } = input;
  const url = (p: string): string => `${base}oparl/${p}`;
  const add = (p: string, json: Record<string, unknown>): Record<string, unknown> => {
    out.push({ path: `oparl/${p}`, json });
    return json;
  };
  const stamps = allMeetings.map((m) => isoInstant(m.updatedAt)).sort();
  const latest = stamps.at(-1) ?? `${input.year}-01-01T00:00:00Z`;
  const earliest = stamps[0] ?? latest;
  const times = { created: earliest, modified: latest };
  const key = (s: string): string => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
  const bodyId = url('body.json');
  const committeeId = url(`organization/${key(committee.shortName)}.json`);
  const parties = [...new Set(committee.members.map((m) => m.party).filter((p): p is string => !!p))].sort();
  const partyId = (p: string): string => url(`organization/parti-${key(p)}.json`);
  const personId = (k: string): string => url(`person/${key(k)}.json`);
  const names = new Map(committee.members.map((m) => [m.key, m]));
  const vote = (v: ExVote): string => (typeof v === 'string' ? (names.get(v)?.name ?? v) : `${v.party} (${v.count})`);

  add('system.json', { id: url('system.json'), type: T('System'), oparlVersion: 'https://schema.oparl.org/1.1/', body: url('body-list.json'), name: 'Referent', product: 'https://referent.dk/', ...times });

  const memberships: Record<string, unknown>[] = [];
  const persons = committee.members.map((m) => {
    const own: string[] = [];
    const ms = add(`membership/${key(m.key)}-${key(committee.shortName)}.json`, {
      id: url(`membership/${key(m.key)}-${key(committee.shortName)}.json`), type: T('Membership'), person: personId(m.key), organization: committeeId,
      role: ({ chair: 'Formand', 'vice-chair': 'Næstformand', member: 'Medlem' } as Record<string, string>)[m.role] ?? m.role, votingRight: ['chair', 'vice-chair', 'member'].includes(m.role),
      ...(m.from ? { startDate: m.from } : {}), ...(m.until ? { endDate: m.until } : {}), ...(m.party ? { onBehalfOf: partyId(m.party) } : {}), ...times,
    });
    own.push(ms.id as string);
    memberships.push(ms);
    if (m.party) {
      const pm = add(`membership/${key(m.key)}-parti-${key(m.party)}.json`, { id: url(`membership/${key(m.key)}-parti-${key(m.party)}.json`), type: T('Membership'), person: personId(m.key), organization: partyId(m.party), ...times });
      own.push(pm.id as string);
      memberships.push(pm);
    }
    return add(`person/${key(m.key)}.json`, { id: personId(m.key), type: T('Person'), body: bodyId, name: m.name, ...(m.title ? { title: [m.title] } : {}), membership: [], ...times, 'referent:membership': own });
  });
  // OParl embeds a person's memberships; the separate files serve the body's membership list.
  for (const p of persons) {
    p.membership = memberships.filter((m) => m.person === p.id);
    delete p['referent:membership'];
  }

  type Obj = Record<string, unknown>;
  const meetingList: Obj[] = [];
  const items: Obj[] = [];
  const papers: Obj[] = [];
  const paperByKey = new Map<string, Obj>();
  const consultations: Obj[] = [];
  const files: Obj[] = [];
  const locations = new Map<string, Obj>();
  const locationObject = (description: string): Record<string, unknown> => {
    const id = url(`location/${key(description).slice(0, 80)}.json`);
    const obj = { id, type: T('Location'), description, ...times };
    if (!locations.has(id)) locations.set(id, add(`location/${key(description).slice(0, 80)}.json`, obj));
    return obj;
  };

  for (const { sm, folder, attachments } of published) {
    const m = sm.meeting;
    const mKey = folder.split('/').at(-1)!;
    const mId = url(`meeting/${mKey}.json`);
    const mTimes = { created: isoInstant(sm.updatedAt), modified: isoInstant(sm.updatedAt) };
    const agenda = m.items.map((item, index) => {
      const n = item.number ?? index + 1;
      const closed = item.access === 'closed';
      const aId = url(`agendaitem/${mKey}-${n}.json`);
      const files_ = (closed ? [] : (attachments.get(n) ?? [])).map((a, i) => {
        const fId = url(`file/${mKey}-${n}-${i + 1}.json`);
        return add(`file/${mKey}-${n}-${i + 1}.json`, {
          id: fId, type: T('File'), name: a.title, fileName: a.path.split('/').at(-1), mimeType: a.mime, size: a.bytes.byteLength,
          sha512Checksum: createHash('sha512').update(a.bytes).digest('hex'), accessUrl: `${base}${folder}/${a.path}`, downloadUrl: `${base}${folder}/${a.path}`,
          meeting: [mId], agendaItem: [aId], ...mTimes,
        });
      });
      files.push(...files_);
      const agendaItem: Record<string, unknown> = {
        id: aId, type: T('AgendaItem'), meeting: mId, number: String(n), order: index + 1,
        name: closed ? (item.publicTitle?.trim() || 'Lukket punkt') : item.title, public: !closed,
        web: `${base}${folder}/punkt-${n}.html`, ...mTimes,
      };
      if (files_.length) agendaItem.auxiliaryFile = files_;
      const d = item.decision;
      if (d && m.status === 'minutes-approved' && (!closed || decisionPublished(item, { profile: committee.publicationProfile }))) {
        agendaItem.result = OUTCOME_LABEL_DA[d.outcome];
        if (d.text) agendaItem.resolutionText = d.text;
        if (d.votes) agendaItem['referent:votes'] = closed
          ? { for: d.votes.for.filter((v) => typeof v !== 'string').map(vote), against: d.votes.against.filter((v) => typeof v !== 'string').map(vote), abstained: d.votes.abstained.filter((v) => typeof v !== 'string').map(vote) }
          : { for: d.votes.for.map(vote), against: d.votes.against.map(vote), abstained: d.votes.abstained.map(vote) };
        if (!closed && d.dissents?.length) agendaItem['referent:dissents'] = d.dissents.map((x) => ({ member: names.get(x.member)?.name ?? x.member, text: x.text }));
      }
      if (!closed) paperFor(item, n, mKey, mId, aId, agendaItem, mTimes);
      items.push(agendaItem);
      return add(`agendaitem/${mKey}-${n}.json`, agendaItem);
    });
    meetingList.push(add(`meeting/${mKey}.json`, {
      id: mId, type: T('Meeting'), name: `${committee.name} ${m.start.slice(0, 10)}`, meetingState: m.status === 'minutes-approved' ? 'durchgeführt' : 'eingeladen',
      cancelled: m.status === 'cancelled', start: copenhagenIso(m.start), ...(m.end ? { end: copenhagenIso(m.end) } : {}),
      ...(m.location ? { location: locationObject(m.location) } : {}), organization: [committeeId], agendaItem: agenda, web: `${base}${folder}/index.html`, ...mTimes,
    }));
  }

  function paperFor(item: ExItem, n: number, mKey: string, mId: string, aId: string, agendaItem: Record<string, unknown>, mTimes: Record<string, string>): void {
    const pKey = item.caseNumber ? `sag-${key(item.caseNumber)}` : `${mKey}-${n}`;
    const pId = url(`paper/${pKey}.json`);
    const cId = url(`consultation/${mKey}-${n}.json`);
    agendaItem.consultation = cId;
    const consultation = add(`consultation/${mKey}-${n}.json`, { id: cId, type: T('Consultation'), paper: pId, agendaItem: aId, meeting: mId, organization: [committeeId], authoritative: item.decision?.outcome === 'approved', ...mTimes });
    consultations.push(consultation);
    // One case (case number) can come up as several items: one Paper, one Consultation per item.
    const known = paperByKey.get(pKey);
    if (known) {
      (known.consultation as unknown[]).push(consultation);
      return;
    }
    const paper = add(`paper/${pKey}.json`, {
      id: pId, type: T('Paper'), body: bodyId, name: item.title, ...(item.caseNumber ? { reference: item.caseNumber } : {}),
      consultation: [consultation], ...mTimes, ...(item.route?.length ? { 'referent:route': item.route } : {}),
    });
    paperByKey.set(pKey, paper);
    papers.push(paper);
  }

  const orgs = [
    add(`organization/${key(committee.shortName)}.json`, { id: committeeId, type: T('Organization'), body: bodyId, name: committee.name, shortName: committee.shortName, organizationType: 'Gremium', classification: 'Udvalg', membership: memberships.filter((x) => x.organization === committeeId).map((x) => x.id as string), meeting: url('meeting-list.json'), ...times }),
    ...parties.map((p) => add(`organization/parti-${key(p)}.json`, { id: partyId(p), type: T('Organization'), body: bodyId, name: p, organizationType: 'Partei', classification: 'Parti', membership: memberships.filter((x) => x.organization === partyId(p)).map((x) => x.id as string), ...times })),
  ];
  const body = add('body.json', {
    id: bodyId, type: T('Body'), system: url('system.json'), name: input.organization.name ?? committee.name,
    organization: url('organization-list.json'), person: url('person-list.json'), meeting: url('meeting-list.json'), paper: url('paper-list.json'),
    agendaItem: url('agendaitem-list.json'), consultation: url('consultation-list.json'), file: url('file-list.json'), locationList: url('location-list.json'), membership: url('membership-list.json'),
    legislativeTerm: [], ...times,
  });
  add('body-list.json', list(url('body-list.json'), [body]));
  add('organization-list.json', list(url('organization-list.json'), orgs));
  add('person-list.json', list(url('person-list.json'), persons));
  add('membership-list.json', list(url('membership-list.json'), memberships));
  add('meeting-list.json', list(url('meeting-list.json'), meetingList));
  add('agendaitem-list.json', list(url('agendaitem-list.json'), items));
  add('paper-list.json', list(url('paper-list.json'), papers));
  add('consultation-list.json', list(url('consultation-list.json'), consultations));
  add('file-list.json', list(url('file-list.json'), files));
  add('location-list.json', list(url('location-list.json'), [...locations.values()]));
  return out;
}

/** The spec's paginated list: every object on one page (each also has its own file at its id). */
function list(self: string, objects: readonly Record<string, unknown>[]): Record<string, unknown> {
  const unique = [...new Map(objects.map((o) => [o.id, o])).values()];
  return { data: unique, pagination: { totalElements: unique.length, elementsPerPage: Math.max(unique.length, 1), currentPage: 1, totalPages: 1 }, links: { first: self, last: self, self } };
}
