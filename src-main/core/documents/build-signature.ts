// The signature sheet (underskriftsside). Before the minutes are approved it is a sheet to sign:
// a line for each member who took part, with the approvals recorded so far. After approval it
// states who approved and when. It never prints "not approved" against a name: published before
// approval, such a line reads as if the member had refused.
import { formatShortDa } from '../../../src-shared/dates';
import type { Block } from './build-referat';
import type { ItemContext } from './build-decision';

const when = (at: string): string => `${formatShortDa(at)} kl. ${at.slice(11, 16)}`;

export function signatureBlocks(ctx: ItemContext): Block[] {
  const approvals = new Map((ctx.meeting.approvals ?? []).map((a) => [a.member, a.at]));
  const tookPart: string[] = [];
  for (const p of ctx.presence.values()) for (const k of p.participants) if (!tookPart.includes(k)) tookPart.push(k);

  if (ctx.meeting.status === 'minutes-approved') {
    // Who approved, in the order they sat, then anyone else whose approval is on record.
    const order = [...tookPart.filter((k) => approvals.has(k)), ...[...approvals.keys()].filter((k) => !tookPart.includes(k))];
    const rows = order.map((k) => ({ name: ctx.nameOf(k), status: `Godkendt ${when(approvals.get(k)!)}` }));
    return [
      { type: 'lines', lines: [rows.length > 0 ? 'Referatet er godkendt af:' : 'Referatet er godkendt.'], role: 'note' },
      ...(rows.length > 0 ? [{ type: 'signatures', approved: true, rows } as Block] : []),
    ];
  }
  const rows = tookPart.map((k) => {
    const at = approvals.get(k);
    return { name: ctx.nameOf(k), status: at ? `Godkendt ${when(at)}` : '' };
  });
  return [
    { type: 'lines', lines: ['Referatet godkendes af de medlemmer, der deltog i mødet.'], role: 'note' },
    { type: 'signatures', approved: false, rows },
  ];
}
