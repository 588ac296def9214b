// A deterministic archive of a Danish municipality's committees: members, a meeting a month
// (not July) over as many years as the item count asks for, items with a few KB of Danish
// sections, decisions, votes, dissents and attachment titles. Same spec, same archive.
import type { ExCommittee, ExItem, ExMeeting, ExMember } from '../../src-shared/exchange';
import type { Outcome } from '../../src-shared/domain';
import { bullets, compound, DEPARTMENTS, paragraph, PLACES, sentence } from './danish';
import { rng, type Rng } from './prng';

export type ArchiveSpec = { items: number; seed?: number };
export type CommitteeHeader = Omit<ExCommittee, 'meetings'>;
export type GeneratedCommittee = { header: CommitteeHeader; meetings: () => Generator<ExMeeting> };

/** Words planted at known rates, so that the search benchmark has a query of each kind. */
export const PLANTED = {
  /** In about 1 item in 2,500. */
  rare: 'Skamlingsbanken',
  /** Inflections of one stem, in about 1 item in 500. */
  stemForms: ['ambassadør', 'ambassadører', 'ambassadørerne', 'ambassadørens', 'ambassadørernes'],
  /** A phrase in about 1 item in 100; its words also occur apart. */
  phrase: 'grøn omstilling',
};

/** The day the archive is "now": meetings before it are held (most approved), later ones planned. */
export const ARCHIVE_TODAY = '2026-06-15';

const COMMITTEE_NAMES = [
  ['Økonomiudvalget', 'ØU'], ['Børne- og Familieudvalget', 'BFU'], ['Skoleudvalget', 'SKU'], ['Teknik- og Klimaudvalget', 'TKU'],
  ['Social- og Sundhedsudvalget', 'SSU'], ['Kultur- og Fritidsudvalget', 'KFU'], ['Beskæftigelsesudvalget', 'BEU'],
  ['Organisations- og Beredskabsudvalget', 'OBU'], ['Plan- og Miljøudvalget', 'PMU'], ['Erhvervs- og Turismeudvalget', 'ETU'],
  ['Ældreudvalget', 'ÆU'], ['Landdistriktsudvalget', 'LDU'], ['Kommunalbestyrelsen', 'KB'], ['Integrationsudvalget', 'INU'],
  ['Handicaprådet', 'HR'], ['Ældrerådet', 'ÆR'], ['Udsatterådet', 'UR'], ['Folkeoplysningsudvalget', 'FOU'],
  ['Beredskabskommissionen', 'BK'], ['Byfornyelsesudvalget', 'BYU'], ['Trafiksikkerhedsudvalget', 'TSU'],
  ['Klimarådet', 'KR'], ['Ungdomsrådet', 'UNR'], ['Vej- og Parkudvalget', 'VPU'], ['Grønt Råd', 'GR'],
  ['Børne- og Ungerådet', 'BUR'], ['Sundhedsudvalget', 'SU'], ['Havneudvalget', 'HU'], ['Skatteankeudvalget', 'SAU'], ['Jobcenterudvalget', 'JCU'],
] as const;
const FIRST = 'Holger Finn Carsten Jørgen Svend Mette Lone Anne Søren Jens Kirsten Hanne Bent Poul Lene Birgitte Morten Henrik Karen Ole Peter Inge Lars Else Kasper Sofie Mads Ida Rasmus Line'.split(' ');
const LAST = 'Mikkelsen Lykkeskov Hansen Smed Brandt Jensen Nielsen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Østergaard Bæk Dyhre Lund Holm'.split(' ');
const PARTIES = ['A', 'V', 'C', 'F', 'O', 'Ø', 'B', 'I', 'Æ'];
const OUTCOMES: [Outcome, number][] = [['approved', 0.55], ['noted', 0.2], ['discussed', 0.08], ['recommended', 0.08], ['postponed', 0.04], ['rejected', 0.02], ['other', 0.03]];
const MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];
const ITEMS_PER_MEETING = [12, 28] as const;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function outcome(r: Rng): Outcome {
  let x = r.next();
  for (const [o, p] of OUTCOMES) if ((x -= p) < 0) return o;
  return 'approved';
}

function members(r: Rng, c: number): ExMember[] {
  const n = r.int(7, 11);
  return Array.from({ length: n + 3 }, (_, i) => ({
    key: `c${c}m${i}`,
    name: `${r.pick(FIRST)} ${r.chance(0.3) ? `${r.pick(LAST)} ` : ''}${r.pick(LAST)}`,
    party: r.pick(PARTIES),
    role: i === 0 ? 'chair' : i === 1 ? 'vice-chair' : i < n ? 'member' : 'substitute',
  }));
}

/** The case number of a recurring case is kept across meetings; others are new each time. */
function caseNumber(r: Rng, year: number): string {
  return `${pad((year - (r.chance(0.2) ? r.int(1, 3) : 0)) % 100)}/${r.int(100, 29999)}`;
}

function sections(r: Rng, year: number): ExItem['sections'] {
  let presentation = [paragraph(r, r.int(2, 5)), bullets(r, r.int(2, 5)), paragraph(r, r.int(2, 5)), paragraph(r, r.int(1, 4))];
  if (r.chance(0.5)) presentation.push(paragraph(r, r.int(2, 5)));
  if (r.chance(0.1)) presentation.push(`| Område | ${year} | ${year + 1} |\n| --- | ---: | ---: |\n| Drift | ${r.int(100, 9999)} | ${r.int(100, 9999)} |\n| Anlæg | ${r.int(10, 999)} | ${r.int(10, 999)} |`);
  if (r.chance(1 / 500)) presentation.push(`Udvalget drøftede ordningen med ${r.pick(PLANTED_STEM())} for ${compound(r)}.`);
  if (r.chance(1 / 2500)) presentation.push(`Projektet ved ${PLANTED.rare} forventes afsluttet i ${year + 1}.`);
  if (r.chance(1 / 100)) presentation.push(`Indsatsen er en del af kommunens ${PLANTED.phrase} frem mod ${year + 5}.`);
  if (r.chance(1 / 100)) presentation.push(`Der lægges vægt på en grøn profil og på ${r.chance(0.5) ? 'den digitale' : 'en social'} omstilling.`);
  presentation = presentation.filter(Boolean);
  const out: NonNullable<ExItem['sections']> = [
    { kind: 'summary', body: paragraph(r, r.int(2, 4)) },
    { kind: 'recommendation', body: `${r.pick(DEPARTMENTS)} indstiller, at\n\n${bullets(r, r.int(1, 3))}` },
    { kind: 'presentation', body: presentation.join('\n\n') },
  ];
  if (r.chance(0.3)) out.push({ kind: 'economy', body: paragraph(r, r.int(1, 3)) });
  if (r.chance(0.1)) out.push({ kind: 'legal', body: paragraph(r, r.int(1, 2)) });
  return out;
}
const PLANTED_STEM = (): readonly string[] => PLANTED.stemForms;

function title(r: Rng, year: number, committee: string): string {
  const place = r.pick(PLACES);
  const c = compound(r);
  switch (r.int(0, 9)) {
    case 0: return `Renovering af ${c} i ${place}`;
    case 1: return `Budget ${year + 1}-${year + 4} ${committee} - ${r.chance(0.5) ? 'Teknisk budget' : 'Supplerende budget'}`;
    case 2: return `Orientering om ${c}`;
    case 3: return `Høring vedr. ${c}`;
    case 4: return `Ansøgning om tilskud til ${c} i ${place}`;
    case 5: return `Evaluering af ${c} ${year}`;
    case 6: return `Regnskab ${year - 1} for ${committee}`;
    case 7: return `Politisk mødekalender ${year + 1}`;
    case 8: return `${c.charAt(0).toUpperCase()}${c.slice(1)} - status ${year}`;
    default: return `Forslag til ${c} ved ${place}`;
  }
}

function item(r: Rng, year: number, committee: CommitteeHeader, held: boolean): ExItem {
  const closed = r.chance(0.05);
  const it: ExItem = {
    title: closed ? r.pick(['Personalesag', `Køb af ejendom, ${r.pick(PLACES)}`, `Salg af grund i ${r.pick(PLACES)}`]) : title(r, year, committee.name),
    caseNumber: caseNumber(r, year),
    ...(closed ? { access: 'closed' as const } : {}),
    sections: sections(r, year),
  };
  const attachments = r.int(0, 4);
  if (attachments > 0) it.attachments = Array.from({ length: attachments }, (_, i) => ({ title: `Bilag ${i + 1} - ${compound(r)} ${year}${r.chance(0.5) ? '.pdf' : ''}`, ...(r.chance(0.05) ? { access: 'closed' as const } : {}) }));
  if (held) {
    const o = outcome(r);
    const decision: NonNullable<ExItem['decision']> = { outcome: o };
    if (o === 'other' || r.chance(0.15)) decision.text = sentence(r, 24);
    const seats = committee.members.filter((m) => m.role !== 'substitute');
    if (r.chance(0.06)) {
      if (r.chance(0.5)) {
        decision.votes = { for: seats.slice(0, 5).map((m) => m.key), against: seats.slice(5, 7).map((m) => m.key), abstained: seats.slice(7).map((m) => m.key) };
      } else {
        decision.votes = { for: [{ party: 'A', count: r.int(2, 5) }, { party: 'V', count: r.int(1, 4) }], against: [{ party: 'Ø', count: 1 }], abstained: [] };
      }
    }
    if (r.chance(0.02)) {
      const who = r.pick(seats);
      decision.dissents = [{ member: who.key, text: `${who.name} (${who.party}) ønskede følgende ført til protokol: ${sentence(r, 20)}` }];
    }
    it.decision = decision;
  }
  return it;
}

function* committeeMeetings(seed: number, header: CommitteeHeader, quota: number, itemSizes: number[]): Generator<ExMeeting> {
  const r = rng(seed);
  const years = Math.max(1, Math.ceil(itemSizes.length / MONTHS.length));
  const firstYear = Number(ARCHIVE_TODAY.slice(0, 4)) - years + Math.ceil((12 - Number(ARCHIVE_TODAY.slice(5, 7))) / 12);
  let left = quota;
  let n = 0;
  for (let y = firstYear; left > 0; y++) {
    let numberInYear = 0;
    for (const month of MONTHS) {
      if (left <= 0) break;
      const day = `${y}-${pad(month)}-${pad(r.int(2, 26))}`;
      const held = day < ARCHIVE_TODAY;
      const status = !held ? 'planned' : day > '2026-05-15' ? 'held' : 'minutes-approved';
      const count = Math.min(left, itemSizes[n++] ?? ITEMS_PER_MEETING[0]);
      left -= count;
      const meetingItems: ExItem[] = [];
      for (let i = 0; i < count; i++) {
        const it: ExItem =
          i === 0
            ? { title: 'Godkendelse af dagsorden', role: 'agenda-approval', caseNumber: `${pad(y % 100)}/30730`, sections: [{ kind: 'recommendation', body: `${DEPARTMENTS[0]} indstiller, at\n\n- dagsorden godkendes.` }], ...(held ? { decision: { outcome: 'approved' as const } } : {}) }
            : i === count - 1 && count > 2
              ? { title: 'Gensidig orientering', role: 'mutual-information', sections: [{ kind: 'recommendation', body: 'Gensidig orientering.' }], ...(held ? { decision: { outcome: 'discussed' as const } } : {}) }
              : item(r, y, header, held);
        if (status !== 'planned') it.number = header.numbering === 'per-year' ? ++numberInYear : i + 1;
        meetingItems.push(it);
      }
      const seats = header.members.filter((m) => m.role !== 'substitute');
      const subs = header.members.filter((m) => m.role === 'substitute');
      yield {
        id: r.uuid(),
        start: `${day}T${pad(r.pick([9, 13, 14, 15, 16]))}:${r.pick(['00', '30'])}`,
        location: `Rådhuset, ${r.pick(['mødelokale 1', 'mødelokale 2', 'byrådssalen', `lokale ${r.pick(PLACES)}`])}`,
        status,
        ...(held
          ? {
              attendance: seats.map((m) => {
                if (!r.chance(0.1)) return { member: m.key, status: 'present' as const };
                return { member: m.key, status: 'apologies' as const, ...(subs.length && r.chance(0.5) ? { substitute: r.pick(subs).key } : {}) };
              }),
            }
          : {}),
        items: meetingItems,
      };
    }
  }
}

/** Committees, each with a generator of its meetings in date order (nothing is held in memory). */
export function generateArchive(spec: ArchiveSpec): { organization: { name: string }; committees: GeneratedCommittee[] } {
  const seed = spec.seed ?? 1;
  const r = rng(seed);
  const count = spec.items >= 100_000 ? 30 : spec.items >= 10_000 ? 12 : 1;
  const committees: GeneratedCommittee[] = [];
  for (let c = 0; c < count; c++) {
    const [name, shortName] = COMMITTEE_NAMES[c % COMMITTEE_NAMES.length]!;
    const quota = Math.floor(spec.items / count) + (c < spec.items % count ? 1 : 0);
    const header: CommitteeHeader = {
      name,
      shortName,
      numbering: c % 2 === 0 ? 'per-year' : 'per-meeting',
      defaults: { location: 'Rådhuset', start: '14:30' },
      members: members(r, c),
    };
    const sizes: number[] = [];
    for (let left = quota; left > 0; ) {
      const s = Math.min(left, r.int(ITEMS_PER_MEETING[0], ITEMS_PER_MEETING[1]));
      sizes.push(s);
      left -= s;
    }
    const meetingSeed = seed * 1000 + c;
    committees.push({ header, meetings: () => committeeMeetings(meetingSeed, header, quota, sizes) });
  }
  return { organization: { name: 'Haderslev Kommune' }, committees };
}
