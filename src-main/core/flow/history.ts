// "Sagens forløb": the paragraph a carried or proposed item gets for each earlier treatment (which
// committee, meeting date and item number, the decision, the vote and any dissents), added to the
// item's history section so that the documents of the next body print the whole path.
import { OUTCOME_LABEL_DA } from '../../../src-shared/domain';
import type { ExItem, ExSection } from '../../../src-shared/exchange';
import { formatShortDa } from '../../../src-shared/dates';
import { votesLine } from '../documents/build-decision';
import type { LoadedMeeting } from '../meetingday/meeting-context';

/** One paragraph of the case's history: where and when it was treated, what was decided, the vote. */
export function historyEntry(source: LoadedMeeting, item: ExItem, number: number): string {
  const d = item.decision;
  const decided = d ? (d.text?.trim() ? d.text.trim() : OUTCOME_LABEL_DA[d.outcome]) : '';
  const lines = [`**${source.committee.name} den ${formatShortDa(source.row.start)}, punkt ${number}**`, '', decided];
  if (d?.votes) lines.push('', votesLine(d.votes, (v) => (typeof v === 'string' ? source.name(v) : `${v.party} (${v.count})`)));
  for (const x of d?.dissents ?? []) lines.push('', `Protokoltilførsel fra ${source.name(x.member)}: ${x.text}`);
  return lines.join('\n');
}

/** The sections with the history paragraph added to "Sagens forløb" (made, before the procedure, if missing). */
export function withHistory(sections: ExSection[], entry: string): ExSection[] {
  const out = sections.map((s) => ({ ...s }));
  const history = out.find((s) => s.kind === 'history');
  if (history) {
    history.body = history.body.trim() ? `${history.body.trim()}\n\n${entry}` : entry;
    return out;
  }
  const procedure = out.findIndex((s) => s.kind === 'procedure');
  out.splice(procedure < 0 ? out.length : procedure, 0, { kind: 'history', body: entry });
  return out;
}
