// The parts of an item's decision that the full and the public versions print alike: the heading,
// the text (or the outcome's label) and the line of votes.
import { OUTCOME_LABEL_DA, type PublicationProfile, type ResolvedTemplate } from '../../../src-shared/domain';
import { fillPlaceholders } from '../../../src-shared/dates';
import type { ExItem, ExMeeting, ExVote } from '../../../src-shared/exchange';
import type { DocumentKind } from '../../../src-shared/api/documents';
import type { ItemPresence, Seat } from '../meetings/presence';
import type { Block } from './build-referat';

/** What every part of a chapter needs to know about the document being built. */
export type ItemContext = {
  kind: DocumentKind;
  isPublic: boolean;
  template: ResolvedTemplate;
  profile: PublicationProfile;
  committee: string;
  start: string;
  nameOf: (key: string) => string;
  presence: Map<number, ItemPresence>;
  seats: Seat[];
  meeting: ExMeeting;
};

export function decisionHeadingAndText(item: ExItem, ctx: ItemContext): Block[] {
  const d = item.decision;
  const heading = fillPlaceholders(ctx.template.decisionHeading, { committee: ctx.committee, start: ctx.start });
  if (!d) return [{ type: 'heading', text: heading }];
  const text = d.text?.trim() ? d.text : OUTCOME_LABEL_DA[d.outcome];
  return [{ type: 'heading', text: heading }, { type: 'markdown', source: text }];
}

/** "Afstemning – For: 3 (…); Imod: 1 (…); Undlod at stemme: 0"; `who` names each vote, or returns null to count it only. */
export function votesLine(votes: NonNullable<NonNullable<ExItem['decision']>['votes']>, who: (v: ExVote) => string | null): string {
  const side = (label: string, list: ExVote[]): string => {
    const count = list.reduce((n, v) => n + (typeof v === 'string' ? 1 : v.count), 0);
    const named = list.map(who).filter((w): w is string => w !== null).join(', ');
    return `${label}: ${count}${named ? ` (${named})` : ''}`;
  };
  return `Afstemning – ${side('For', votes.for)}; ${side('Imod', votes.against)}; ${side('Undlod at stemme', votes.abstained)}`;
}

