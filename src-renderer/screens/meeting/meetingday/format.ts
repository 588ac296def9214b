// Small display helpers of the meeting-day tab.

/** An ISO instant as the user's local date and time, e.g. "02.06.2026 15.10". */
export function formatStamp(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'short', timeStyle: 'short' }).format(d);
}

/** "Holger Mikkelsen, Finn Lykkeskov og Jørgen Smed" */
export function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
