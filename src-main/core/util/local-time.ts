// An ISO instant as this machine's local "02-12-2026" and "14:32", for sentences naming when.
export function localTime(at: string): { date: string; time: string } {
  const d = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { date: `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}
