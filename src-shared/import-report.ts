// The sentences an import report is told in: the CLI prints them in English, the desktop app's
// import dialog shows them in Danish. One place, so both say the same thing.
import type { ImportReport, SettingChange } from './api/exchange';
import type { MemberRole } from './domain';

type Lang = 'en' | 'da';

const WHAT: Record<SettingChange['setting'], { en: string; da: string }> = {
  'organization.name': { en: "the organisation's name", da: 'organisationens navn' },
  'organization.blockedPeriods': { en: 'the calendar rules (periods without meetings)', da: 'kalenderreglerne (perioder uden møder)' },
  'committee.numbering': { en: 'the numbering rule', da: 'nummereringen' },
  'committee.shortName': { en: 'the short name', da: 'forkortelsen' },
  'committee.defaults': { en: 'the usual place and time', da: 'det faste mødested og -tidspunkt' },
  'committee.template': { en: 'the house style (template)', da: 'skabelonen (husstilen)' },
  'committee.publicationProfile': { en: 'the publication profile', da: 'offentliggørelsesprofilen' },
  'member.name': { en: 'the name', da: 'navnet' },
  'member.role': { en: 'the role', da: 'rollen' },
  'member.title': { en: 'the title', da: 'titlen' },
  'member.party': { en: 'the party', da: 'partiet' },
  'member.period': { en: 'the period of membership', da: 'medlemsperioden' },
};

const ROLE: Record<MemberRole, { en: string; da: string }> = {
  chair: { en: 'chair', da: 'formand' },
  'vice-chair': { en: 'vice-chair', da: 'næstformand' },
  member: { en: 'member', da: 'medlem' },
  substitute: { en: 'substitute', da: 'suppleant' },
  secretary: { en: 'secretary', da: 'sekretær' },
  observer: { en: 'observer', da: 'observatør' },
};

const isMember = (c: SettingChange): boolean => c.setting.startsWith('member.');

/** A value as the sentence shows it: a role in the reader's language, an empty one as "none". */
function shown(c: SettingChange, value: string, lang: Lang): string {
  if (value === '') return lang === 'en' ? 'none' : 'ingen';
  if (c.setting === 'member.role' && value in ROLE) return ROLE[value as MemberRole][lang];
  return value;
}

function subject(c: SettingChange, lang: Lang): string {
  const what = WHAT[c.setting][lang];
  if (isMember(c)) return lang === 'en' ? `${what} of member "${c.member ?? ''}" of ${c.committee ?? ''}` : `${what} på medlemmet »${c.member ?? ''}« i ${c.committee ?? ''}`;
  if (c.committee) return lang === 'en' ? `${what} of ${c.committee}` : `${what} for ${c.committee}`;
  return what;
}

/** One sentence per setting the file would have changed. */
export function describeSettingChange(c: SettingChange, lang: Lang): string {
  const values = c.current !== null && c.file !== null;
  const [file, current] = [shown(c, c.file ?? '', lang), shown(c, c.current ?? '', lang)];
  if (lang === 'en') {
    const differs = values ? `the file says "${file}", here it is "${current}"` : 'the file has different ones';
    const cap = subject(c, 'en');
    return c.adopted ? `Changed ${cap} to the file's: ${differs.replace('here it is', 'it was')}.` : `Kept ${cap}: ${differs} (--adopt-organization takes the file's).`;
  }
  const differs = values ? `filen siger »${file}«, her står »${current}«` : 'filen har andre';
  return c.adopted ? `Ændrede ${subject(c, 'da')} til filens: ${differs.replace('her står', 'før stod')}.` : `Beholdt ${subject(c, 'da')}: ${differs}.`;
}

export function describeNewKey(k: ImportReport['newKeys'][number], lang: Lang): string {
  return lang === 'en'
    ? `${k.name} (member "${k.key}" of ${k.committee}) was added as "${k.storedAs}": "${k.key}" is someone else here.`
    : `${k.name} (medlemmet »${k.key}« i ${k.committee}) er tilføjet som »${k.storedAs}«, fordi »${k.key}« her er en anden person.`;
}

export function describeSkippedProposal(p: NonNullable<ImportReport['proposals']>['skipped'][number], lang: Lang): string {
  return lang === 'en'
    ? `The proposal of "${p.title}" to ${p.to} was not kept: there is no committee called ${p.to} here.`
    : `Forslaget om »${p.title}« til ${p.to} er ikke gemt: her findes intet udvalg med navnet ${p.to}.`;
}

/** Everything the report has to say beyond the counts, one sentence a line. */
export function reportNotes(r: ImportReport, lang: Lang): string[] {
  return [
    ...r.settings.map((c) => describeSettingChange(c, lang)),
    ...r.newKeys.map((k) => describeNewKey(k, lang)),
    ...(r.proposals?.skipped ?? []).map((p) => describeSkippedProposal(p, lang)),
  ];
}
