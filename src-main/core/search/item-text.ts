// The searchable text of items, read in batches: what the index holds and what a snippet is cut
// from. The same for every SearchIndex, so a server database indexes exactly what SQLite does.
import { OUTCOME_LABEL_DA, type Access, type Outcome, type SectionKind } from '../../../src-shared/domain';
import type { Db } from '../store/database';
import { selectInBatches } from '../store/batches';

export type ItemText = {
  itemId: string;
  meetingId: string;
  committeeId: string;
  /** The committee's name (shown with a hit). */
  committee: string;
  /** The item's stored number (null while its meeting is being prepared: numbering counts it). */
  number: number | null;
  start: string;
  access: Access;
  title: string;
  caseNumber: string | null;
  sections: { kind: SectionKind; body: string }[];
  /** The outcome's Danish label, then the decision's own text when it has one. */
  decision: { outcome: Outcome; text: string } | null;
  /** "For: …. Imod: …. Undlod: …." with member names or party counts. */
  votes: string | null;
  /** "Name: text" for each dissent (protokoltilførsel). */
  dissents: string[];
  attachments: string[];
};

/** Everything but the title and case number, in one text: the index's body. */
export function bodyText(t: ItemText): string {
  return [...t.sections.map((s) => s.body), t.decision?.text ?? '', t.votes ?? '', ...t.dissents, ...t.attachments].filter(Boolean).join('\n');
}

/**
 * The items' texts. With `extras: false` only the title, case number, sections and decision are read
 * (votes null, dissents and attachments empty) and loadItemExtras adds the rest: a search reads
 * them only for the hits whose snippet the sections and decision do not settle.
 */
export async function loadItemTexts(db: Db, itemIds: readonly string[], { extras = true }: { extras?: boolean } = {}): Promise<Map<string, ItemText>> {
  const out = new Map<string, ItemText>();
  const items = await selectInBatches(itemIds, (batch) =>
    db
      .selectFrom('items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .innerJoin('committees as c', 'c.id', 'm.committee_id')
      .leftJoin('decisions as d', 'd.item_id', 'i.id')
      .select(['i.id', 'i.meeting_id', 'm.committee_id', 'c.name as committee', 'i.number', 'm.start', 'i.access', 'i.title', 'i.case_number', 'd.outcome', 'd.text as decision_text', 'd.has_votes'])
      .where('i.id', 'in', batch)
      .execute(),
  );
  for (const i of items) {
    out.set(i.id, {
      itemId: i.id,
      meetingId: i.meeting_id,
      committeeId: i.committee_id,
      committee: i.committee,
      number: i.number,
      start: i.start,
      access: i.access,
      title: i.title,
      caseNumber: i.case_number,
      sections: [],
      decision: i.outcome ? { outcome: i.outcome, text: [OUTCOME_LABEL_DA[i.outcome], i.decision_text ?? ''].filter(Boolean).join('\n') } : null,
      votes: null,
      dissents: [],
      attachments: [],
    });
  }
  const ids = [...out.keys()];
  const [sections] = await Promise.all([
    selectInBatches(ids, (batch) => db.selectFrom('item_sections').select(['item_id', 'kind', 'body']).where('item_id', 'in', batch).orderBy('item_id').orderBy('position').execute()),
    extras ? loadItemExtras(db, out, ids) : null,
  ]);
  for (const s of sections) out.get(s.item_id)?.sections.push({ kind: s.kind, body: s.body });
  return out;
}

/** Adds the votes, dissents and attachment titles of the given items (read with `extras: false`) to their texts. */
export async function loadItemExtras(db: Db, out: ReadonlyMap<string, ItemText>, ids: readonly string[]): Promise<void> {
  const [attachments, votes, dissents] = await Promise.all([
    selectInBatches(ids, (batch) => db.selectFrom('attachments').select(['item_id', 'title']).where('item_id', 'in', batch).orderBy('item_id').orderBy('position').execute()),
    selectInBatches(ids, (batch) =>
      db
        .selectFrom('votes as v')
        .leftJoin('people as p', 'p.id', 'v.person_id')
        .select(['v.item_id', 'v.choice', 'p.name', 'v.party', 'v.count'])
        .where('v.item_id', 'in', batch)
        .orderBy('v.item_id')
        .orderBy('v.choice')
        .orderBy('v.position')
        .execute(),
    ),
    selectInBatches(ids, (batch) =>
      db.selectFrom('dissents as x').innerJoin('people as p', 'p.id', 'x.person_id').select(['x.item_id', 'p.name', 'x.text']).where('x.item_id', 'in', batch).orderBy('x.item_id').orderBy('x.position').execute(),
    ),
  ]);
  for (const a of attachments) out.get(a.item_id)?.attachments.push(a.title);
  for (const d of dissents) out.get(d.item_id)?.dissents.push(`${d.name}: ${d.text}`);
  const sides = new Map<string, Record<'for' | 'against' | 'abstained', string[]>>();
  for (const v of votes) {
    const s = sides.get(v.item_id) ?? sides.set(v.item_id, { for: [], against: [], abstained: [] }).get(v.item_id)!;
    s[v.choice].push(v.name ?? `${v.party ?? ''} (${v.count ?? 1})`);
  }
  for (const [id, s] of sides) {
    const t = out.get(id);
    if (t) t.votes = [s.for.length ? `For: ${s.for.join(', ')}.` : '', s.against.length ? `Imod: ${s.against.join(', ')}.` : '', s.abstained.length ? `Undlod: ${s.abstained.join(', ')}.` : ''].filter(Boolean).join(' ');
  }
}
