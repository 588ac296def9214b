// The sentences an import report is told in: the CLI prints them in English, the desktop app's
// import dialog shows them in Danish. One place, so both say the same thing.
import type { ImportReport, SettingChange } from './api/exchange';

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
};

function subject(c: SettingChange, lang: Lang): string {
  const what = WHAT[c.setting][lang];
  if (c.setting === 'member.name') return lang === 'en' ? `${what} of member "${c.member ?? ''}" of ${c.committee ?? ''}` : `${what} på medlemmet »${c.member ?? ''}« i ${c.committee ?? ''}`;
  if (c.committee) return lang === 'en' ? `${what} of ${c.committee}` : `${what} for ${c.committee}`;
  return what;
}

/** One sentence per setting the file would have changed. */
export function describeSettingChange(c: SettingChange, lang: Lang): string {
  const values = c.current !== null && c.file !== null;
  if (lang === 'en') {
    const differs = values ? `the file says "${c.file}", here it is "${c.current}"` : 'the file has different ones';
    const cap = subject(c, 'en');
    return c.adopted ? `Changed ${cap} to the file's: ${differs.replace('here it is', 'it was')}.` : `Kept ${cap}: ${differs} (--adopt-organization takes the file's).`;
  }
  const differs = values ? `filen siger »${c.file}«, her står »${c.current}«` : 'filen har andre';
  return c.adopted ? `Ændrede ${subject(c, 'da')} til filens: ${differs.replace('her står', 'før stod')}.` : `Beholdt ${subject(c, 'da')}: ${differs}.`;
}

export function describeNewKey(k: ImportReport['newKeys'][number], lang: Lang): string {
  return lang === 'en'
    ? `${k.name} (member "${k.key}" of ${k.committee}) was added as "${k.storedAs}": "${k.key}" is someone else here.`
    : `${k.name} (medlemmet »${k.key}« i ${k.committee}) er tilføjet som »${k.storedAs}«, fordi »${k.key}« her er en anden person.`;
}

/** Everything the report has to say beyond the counts, one sentence a line. */
export function reportNotes(r: ImportReport, lang: Lang): string[] {
  return [...r.settings.map((c) => describeSettingChange(c, lang)), ...r.newKeys.map((k) => describeNewKey(k, lang))];
}
