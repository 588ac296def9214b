// The Api of the lawful public version: a committee's publication profile (set on creation,
// changed in its settings), a closed item's public title and reason, and whether its decision is
// published, which needs a decision; all of it travels through export and import; and the template
// editor's live preview lays out a sample meeting with an unsaved template.
import { describe, expect, test } from 'vitest';
import { call } from '../../src-main/core/dispatch';
import { importDocument } from '../../src-main/core/exchange/import';
import { exportDocument } from '../../src-main/core/exchange/export';
import { tempStore, testContext } from '../helpers/store';

async function closedItem() {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Kommunalbestyrelsen', numbering: 'per-meeting', publicationProfile: 'council' });
  const m = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-06-23T17:00' });
  const item = await call(ctx, 'agenda.addItem', { meetingId: m.id, title: 'Køb af Storegade 5', access: 'closed' });
  return { ctx, c, m, item };
}

describe('publication in the Api', () => {
  test('the profile is set when the committee is created, committee by default, and changed in its settings', async () => {
    const { ctx, c } = await closedItem();
    expect(c.publicationProfile).toBe('council');
    expect((await call(ctx, 'committees.create', { name: 'Teknik- og Miljøudvalget', numbering: 'per-meeting' })).publicationProfile).toBe('committee');
    expect((await call(ctx, 'committees.update', { id: c.id, publicationProfile: 'committee' })).publicationProfile).toBe('committee');
    await expect(call(ctx, 'committees.update', { id: c.id, publicationProfile: 'public' as 'council' })).rejects.toThrow(/publicationProfile/);
  });

  test('a closed item keeps its public title and reason; the decision’s publication needs a decision', async () => {
    const { ctx, item } = await closedItem();
    const saved = await call(ctx, 'agenda.updateItem', { itemId: item.id, publicTitle: '  Køb af ejendom ', closedReason: { kind: 'property', text: 'kommunestyrelseslovens § 10' } });
    expect(saved.publication).toEqual({ publicTitle: 'Køb af ejendom', closedReason: { kind: 'property', text: 'kommunestyrelseslovens § 10' }, hasDecision: false, decisionPublic: null });
    await expect(call(ctx, 'agenda.updateItem', { itemId: item.id, decisionPublic: false })).rejects.toThrow('"Køb af Storegade 5" has no decision yet; whether it is published can be chosen once it is recorded.');
    await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved' });
    expect((await call(ctx, 'agenda.updateItem', { itemId: item.id, decisionPublic: false })).publication).toMatchObject({ hasDecision: true, decisionPublic: false });
    // A new outcome keeps the choice; null returns it to the profile.
    await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'noted' });
    expect((await call(ctx, 'agenda.getItem', { itemId: item.id })).publication.decisionPublic).toBe(false);
    expect((await call(ctx, 'agenda.updateItem', { itemId: item.id, decisionPublic: null, publicTitle: '', closedReason: null })).publication).toEqual({
      publicTitle: null,
      closedReason: null,
      hasDecision: true,
      decisionPublic: null,
    });
  });

  test('the profile, public title, reason and a withheld decision survive export and import', async () => {
    const { ctx, item } = await closedItem();
    await call(ctx, 'agenda.updateItem', { itemId: item.id, publicTitle: 'Køb af ejendom', closedReason: { kind: 'other', text: 'forhandlinger med sælger' } });
    await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'approved', public: false });
    const doc = await exportDocument(ctx.store.db);
    const exported = doc.committees[0]!;
    expect(exported.publicationProfile).toBe('council');
    expect(exported.meetings[0]!.items[0]).toMatchObject({ publicTitle: 'Køb af ejendom', closedReason: { kind: 'other', text: 'forhandlinger med sælger' }, decision: { public: false } });
    const other = tempStore();
    await importDocument(other, doc);
    // Each store's change log has its own entries, so its own anchor.
    expect({ ...(await exportDocument(other.db)), anchor: undefined }).toEqual({ ...doc, anchor: undefined });
  });

  test('the items carried on or copied keep their public title and reason', async () => {
    const { ctx, c, m, item } = await closedItem();
    await call(ctx, 'agenda.updateItem', { itemId: item.id, publicTitle: 'Køb af ejendom', closedReason: { kind: 'property' } });
    const next = await call(ctx, 'meetings.create', { committeeId: c.id, start: '2026-08-25T17:00' });
    const copy = await call(ctx, 'agenda.copyItem', { itemId: item.id, meetingId: next.id });
    expect(copy.publication).toMatchObject({ publicTitle: 'Køb af ejendom', closedReason: { kind: 'property' } });
    await call(ctx, 'meetingday.setDecision', { itemId: item.id, outcome: 'postponed' });
    const carried = await call(ctx, 'meetingday.carryForward', { itemId: item.id });
    expect((await call(ctx, 'agenda.getItem', { itemId: carried.itemId })).publication).toMatchObject({ publicTitle: 'Køb af ejendom', closedReason: { kind: 'property' } });
    expect(m.id).not.toBe(next.id);
  });

  test('the template preview lays out a sample meeting with the template as given, unsaved', async () => {
    const ctx = testContext();
    const plain = await call(ctx, 'documents.templatePreview', { committeeName: 'Økonomiudvalget', template: {} });
    expect(plain.title).toBe('REFERAT Økonomiudvalget d. 02-06-2026');
    expect(plain.html).toContain('Holger Hansen (formand for udvalget)');
    expect(plain.html).toContain('<h2>Sagsresume</h2>');
    const styled = await call(ctx, 'documents.templatePreview', {
      committeeName: 'Økonomiudvalget',
      template: { memberTitles: false, sectionsHeading: 'Sagsfremstilling', substituteInHeader: false, attendanceAtEnd: true, decisionFirst: true, decisionHeading: 'Beslutning' },
    });
    expect(styled.html).not.toContain('formand for udvalget');
    expect(styled.html).toMatch(/<h2>Beslutning<\/h2>[\s\S]*<h2>Sagsfremstilling<\/h2><h3>Sagsresume<\/h3>/);
    expect(styled.html.match(/Suppleant Lise Holm deltog i stedet for Peter Nielsen/g)).toHaveLength(2);
    expect(await call(ctx, 'committees.list', {})).toEqual([]);
  });
});
