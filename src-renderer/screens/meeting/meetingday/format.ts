// Small display helpers of the meeting-day tab.

/** A moment recorded by the app, in the one style for stamps (lib/dates.ts). */
export { stampText as formatStamp } from '../../../lib/dates';

/** "Holger Mikkelsen, Finn Lykkeskov og Jørgen Smed" */
export function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
