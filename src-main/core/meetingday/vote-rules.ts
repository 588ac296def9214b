// The law's rules on votes and dissent (lov om kommunernes styrelse § 13-14), pure: who may
// vote on an item, how a vote tallies, and who may have a dissent (protokoltilførsel) recorded.
import type { ExDecision } from '../../../src-shared/exchange';
import { countVotes } from '../../../src-shared/api/meetingday';
import type { ItemPresence } from '../meetings/presence';

export type Votes = NonNullable<ExDecision['votes']>;
export type Side = 'for' | 'against' | 'abstained';
export const SIDES: readonly Side[] = ['for', 'against', 'abstained'];
const SIDE_TEXT: Record<Side, string> = { for: 'for', against: 'against', abstained: 'abstained' };
const SIDE_DA: Record<Side, string> = { for: 'for', against: 'imod', abstained: 'undlod at stemme' };

/** The language of a fault: English for the CLI and logs, Danish for the Danish UI. */
export type Lang = 'en' | 'da';

export type People = { name: (key: string) => string; party: (key: string) => string | null };

/** The first reason these votes cannot stand for this item, or null. */
export function voteFault(votes: Votes, presence: ItemPresence, people: People, lang: Lang = 'en'): string | null {
  const da = lang === 'da';
  const item = `item ${presence.number}`;
  const punkt = `punkt ${presence.number}`;
  const participants = new Set(presence.participants);
  const seen = new Set<string>();
  const byParty = new Map<string, number>();
  for (const side of SIDES) {
    for (const v of votes[side]) {
      if (typeof v === 'string') {
        if (!participants.has(v)) {
          if (da) {
            const why = presence.disqualified.includes(v) ? 'var inhabil ved' : 'var ikke til stede ved';
            return `${people.name(v)} ${why} ${punkt} og kan derfor ikke stemme om det.`;
          }
          const why = presence.disqualified.includes(v) ? 'was disqualified (inhabil) for' : 'was not present for';
          return `${people.name(v)} ${why} ${item}, so cannot vote on it.`;
        }
        if (seen.has(v)) return da ? `${people.name(v)} er talt med to gange i afstemningen om ${punkt}.` : `${people.name(v)} is counted twice in the vote on ${item}.`;
        seen.add(v);
        const party = people.party(v);
        if (party) byParty.set(party, (byParty.get(party) ?? 0) + 1);
      } else {
        byParty.set(v.party, (byParty.get(v.party) ?? 0) + v.count);
      }
    }
  }
  for (const [party, n] of byParty) {
    const present = presence.participants.filter((k) => people.party(k) === party).length;
    if (n > present && da) return `Afstemningen om ${punkt} tæller ${n} fra parti ${party}, men kun ${present} af partiets medlemmer deltog i punktet.`;
    if (n > present) return `The vote on ${item} counts ${n} from party ${party}, but only ${present} of its members took part in the item.`;
  }
  const total = countVotes(votes);
  const cast = total.for + total.against + total.abstained;
  if (cast > participants.size && da) return `Afstemningen om ${punkt} tæller ${cast} stemmer, men kun ${participants.size} medlemmer deltog i punktet.`;
  if (cast > participants.size) return `The vote on ${item} counts ${cast} votes, but only ${participants.size} members took part in the item.`;
  return null;
}

/** How a member voted: by name, else by the one side their party voted on. */
export function sideOf(votes: Votes, member: string, party: string | null): Side | 'none' | 'ambiguous' {
  for (const side of SIDES) if (votes[side].includes(member)) return side;
  if (party) {
    const sides = SIDES.filter((side) => votes[side].some((v) => typeof v !== 'string' && v.party === party));
    if (sides.length === 1) return sides[0]!;
    if (sides.length > 1) return 'ambiguous';
  }
  return 'none';
}

/** A proposal is carried by more votes for than against; on a tie it falls. */
export function minoritySide(votes: Votes): 'for' | 'against' {
  const c = countVotes(votes);
  return c.for > c.against ? 'against' : 'for';
}

/** Why this member may not have a dissent recorded on this item, or null when they may. */
export function dissentFault(votes: Votes | undefined, presence: ItemPresence, member: string, people: People, lang: Lang = 'en'): string | null {
  if (lang === 'da') return dissentFaultDa(votes, presence, member, people);
  const who = people.name(member);
  const item = `item ${presence.number}`;
  if (!presence.participants.includes(member)) {
    const why = presence.disqualified.includes(member) ? 'was disqualified (inhabil) for' : 'did not take part in';
    return `${who} ${why} ${item}; only a member who took part and voted in the minority may have a dissent recorded.`;
  }
  if (!votes) return `No vote is recorded on ${item}; a dissent is recorded only for a member who voted in the minority.`;
  const side = sideOf(votes, member, people.party(member));
  if (side === 'ambiguous') return `The vote on ${item} is recorded by party and does not say how ${who} voted; record the vote by member.`;
  if (side === 'none') return `${who} is not recorded as voting on ${item}; only a member who voted in the minority may have a dissent recorded.`;
  if (side === 'abstained') return `${who} abstained on ${item}; only a member who voted in the minority may have a dissent recorded.`;
  if (side !== minoritySide(votes)) return `${who} voted ${SIDE_TEXT[side]} on ${item}, with the majority; only a member who voted in the minority may have a dissent recorded.`;
  return null;
}

function dissentFaultDa(votes: Votes | undefined, presence: ItemPresence, member: string, people: People): string | null {
  const who = people.name(member);
  const punkt = `punkt ${presence.number}`;
  const only = 'kun et medlem, der stemte med mindretallet, kan få en protokoltilførsel';
  if (!presence.participants.includes(member)) {
    const why = presence.disqualified.includes(member) ? 'var inhabil ved' : 'deltog ikke i';
    return `${who} ${why} ${punkt}; kun et medlem, der deltog og stemte med mindretallet, kan få en protokoltilførsel.`;
  }
  if (!votes) return `Der er ikke registreret nogen afstemning om ${punkt}; ${only}.`;
  const side = sideOf(votes, member, people.party(member));
  if (side === 'ambiguous') return `Afstemningen om ${punkt} er registreret pr. parti og viser ikke, hvordan ${who} stemte; registrér afstemningen pr. medlem.`;
  if (side === 'none') return `${who} er ikke registreret som stemmende om ${punkt}; ${only}.`;
  if (side === 'abstained') return `${who} undlod at stemme om ${punkt}; ${only}.`;
  if (side !== minoritySide(votes)) return `${who} stemte ${SIDE_DA[side]} ved ${punkt}, med flertallet; ${only}.`;
  return null;
}
