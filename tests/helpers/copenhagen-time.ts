// What a sentence naming an instant must say: its Copenhagen date and time, worked out here with
// Intl on its own so that the tests do not take the answer from the code they test.
const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function copenhagenTime(at: string): { date: string; time: string } {
  const p = Object.fromEntries(format.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return { date: `${p.day}-${p.month}-${p.year}`, time: `${p.hour}:${p.minute}` };
}
