// What a hand-in changes in a meeting, for the result screen (issue 14 §4): the items added,
// removed or changed offline and the attachments the server did not have, comparing the server's
// meeting before the merge with the copy handed in. Items carry no id in referent/v1, so they are
// matched by content (their number aside: an item added in front renumbers the rest, unchanged).
import type { ReferentDocument } from '../../src-shared/exchange';
import { canonicalJson } from '../core/util/canonical';

type Meeting = ReferentDocument['committees'][number]['meetings'][number];

const itemKey = (item: Meeting['items'][number]): string => canonicalJson({ ...item, number: undefined });

/**
 * `items`: the larger of "items of the copy with no identical item on the server" and "items of the
 * server's with none in the copy", so an edit counts once, an addition or a removal once each.
 */
export function itemChanges(before: Meeting, after: Meeting): { items: number; attachmentsAdded: number } {
  const left = new Map<string, number>();
  for (const item of before.items) left.set(itemKey(item), (left.get(itemKey(item)) ?? 0) + 1);
  let unmatched = 0;
  for (const item of after.items) {
    const k = itemKey(item);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else unmatched++;
  }
  const gone = [...left.values()].reduce((a, b) => a + b, 0);
  const had = new Set(before.items.flatMap((i) => (i.attachments ?? []).map((a) => a.sha256 ?? `${i.title}\u0000${a.title}`)));
  const added = new Set(after.items.flatMap((i) => (i.attachments ?? []).map((a) => a.sha256 ?? `${i.title}\u0000${a.title}`)).filter((k) => !had.has(k)));
  return { items: Math.max(unmatched, gone), attachmentsAdded: added.size };
}
