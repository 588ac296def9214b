// An import never changes settings silently: another organisation's file keeps our name, calendar
// rules, committee settings and members' names unless the import adopts the file's, and the report
// (Api, CLI) names each one. An empty store takes the file's without a word: nothing to keep.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importDocument } from '../../src-main/core/exchange/import';
import { exportDocument } from '../../src-main/core/exchange/export';
import { call } from '../../src-main/core/dispatch';
import { getBlockedPeriods, getSettings } from '../../src-main/core/settings/settings.service';
import type { ReferentDocument } from '../../src-shared/exchange';
import { tempDir, tempStore, testContext } from '../helpers/store';
import { cli } from '../helpers/cli';
import { reportNotes } from '../../src-shared/import-report';

const fixturePath = path.resolve(import.meta.dirname, '../fixtures/exchange/rich.referent.json');
const rich = (): ReferentDocument => JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as ReferentDocument;

/** Another municipality's file: its own name, calendar rules and house style for a committee we also have. */
function aabenraa(): ReferentDocument {
  const doc = rich();
  doc.organization = { name: 'Aabenraa Kommune', blockedPeriods: { winterWeek: 8 } };
  const obu = doc.committees[0]!;
  obu.numbering = 'per-meeting';
  // Its proposals name items by the per-year numbers they had: numbered per meeting, those are not there.
  delete doc.proposals;
  obu.template = { ...obu.template, decisionFirst: true };
  obu.publicationProfile = 'council';
  obu.members[0]!.name = 'Hanne Madsen';
  doc.committees[1]!.members[0]!.name = 'Hanne Madsen';
  return doc;
}

describe('settings on import', () => {
  test('an empty store takes the organisation from the file and reports nothing', async () => {
    const store = tempStore();
    const report = await importDocument(store, rich());
    expect(report.settings).toEqual([]);
    expect(report.newKeys).toEqual([]);
    expect((await getSettings(store.db)).name).toBe('Haderslev Kommune');
    expect(await getBlockedPeriods(store.db)).toEqual(rich().organization!.blockedPeriods);
  });

  test("another organisation's file keeps our name, calendar rules, committee settings and members' names, and says so", async () => {
    const store = tempStore();
    await importDocument(store, rich());
    const report = await importDocument(store, aabenraa());
    expect(report.settings).toEqual([
      { setting: 'organization.name', current: 'Haderslev Kommune', file: 'Aabenraa Kommune', adopted: false },
      { setting: 'organization.blockedPeriods', current: null, file: null, adopted: false },
      { setting: 'committee.numbering', committee: 'Organisations- og Beredskabsudvalget', current: 'per-year', file: 'per-meeting', adopted: false },
      { setting: 'committee.template', committee: 'Organisations- og Beredskabsudvalget', current: null, file: null, adopted: false },
      { setting: 'committee.publicationProfile', committee: 'Organisations- og Beredskabsudvalget', current: 'committee', file: 'council', adopted: false },
      { setting: 'member.name', committee: 'Organisations- og Beredskabsudvalget', member: 'holger-mikkelsen', current: 'Holger Mikkelsen', file: 'Hanne Madsen', adopted: false },
      { setting: 'member.name', committee: 'Kommunalbestyrelsen', member: 'holger-mikkelsen', current: 'Holger Mikkelsen', file: 'Hanne Madsen', adopted: false },
    ]);
    expect((await getSettings(store.db)).name).toBe('Haderslev Kommune');
    expect((await getBlockedPeriods(store.db))?.winterWeek).toBe(7);
    const obu = (await exportDocument(store.db, { committee: 'OBU' })).committees[0]!;
    expect(obu.numbering).toBe('per-year');
    expect(obu.template?.decisionFirst).toBe(false);
    expect(obu.publicationProfile).toBe('committee');
    expect(obu.members[0]!.name).toBe('Holger Mikkelsen');
  });

  test('adoptOrganization takes the file’s settings and reports them as changed', async () => {
    const ctx = testContext();
    await importDocument(ctx.store, rich());
    const report = await call(ctx, 'exchange.import', { document: aabenraa(), adoptOrganization: true });
    expect(report.settings.map((c) => [c.setting, c.adopted])).toEqual([
      ['organization.name', true],
      ['organization.blockedPeriods', true],
      ['committee.numbering', true],
      ['committee.template', true],
      ['committee.publicationProfile', true],
      ['member.name', true],
    ]);
    expect((await call(ctx, 'settings.get', {})).name).toBe('Aabenraa Kommune');
    const obu = (await exportDocument(ctx.store.db, { committee: 'OBU' })).committees[0]!;
    expect([obu.numbering, obu.template?.decisionFirst, obu.publicationProfile, obu.members[0]!.name]).toEqual(['per-meeting', true, 'council', 'Hanne Madsen']);
  });

  test("another organisation's file keeps our members' roles, titles, parties, periods and order, and says so", async () => {
    const store = tempStore();
    await importDocument(store, rich());
    const doc = rich();
    const members = doc.committees[0]!.members;
    // Their chair is our vice-chair, their secretary a "sagsbehandler", and their order another.
    members[0] = { ...members[0]!, role: 'member' };
    members[1] = { ...members[1]!, role: 'chair', party: 'F', from: '2022-01-01', until: '2025-12-31' };
    members[7] = { ...members[7]!, title: 'sagsbehandler' };
    members.reverse();
    const printed = async (): Promise<unknown> => (await exportDocument(store.db, { committee: 'OBU' })).committees[0]!.members;
    const before = await printed();

    const report = await importDocument(store, doc);
    const obu = 'Organisations- og Beredskabsudvalget';
    expect(report.settings).toEqual([
      { setting: 'member.title', committee: obu, member: 'anne-sekretaer', current: 'teamleder', file: 'sagsbehandler', adopted: false },
      { setting: 'member.role', committee: obu, member: 'finn-lykkeskov', current: 'vice-chair', file: 'chair', adopted: false },
      { setting: 'member.party', committee: obu, member: 'finn-lykkeskov', current: 'A', file: 'F', adopted: false },
      { setting: 'member.period', committee: obu, member: 'finn-lykkeskov', current: '2026-01-01–', file: '2022-01-01–2025-12-31', adopted: false },
      { setting: 'member.role', committee: obu, member: 'holger-mikkelsen', current: 'chair', file: 'member', adopted: false },
    ]);
    expect(await printed()).toEqual(before);
    expect(reportNotes(report, 'da')).toContain(`Beholdt rollen på medlemmet »finn-lykkeskov« i ${obu}: filen siger »formand«, her står »næstformand«.`);
    expect(reportNotes(report, 'en')).toContain(
      `Kept the title of member "anne-sekretaer" of ${obu}: the file says "sagsbehandler", here it is "teamleder" (--adopt-organization takes the file's).`,
    );

    // Adopted, the file's roles, titles and order are ours.
    expect((await importDocument(store, doc, { adoptOrganization: true })).settings.every((c) => c.adopted)).toBe(true);
    expect(await printed()).toEqual(members.map((m) => expect.objectContaining({ key: m.key, role: m.role, ...(m.title ? { title: m.title } : {}) })));
  });

  test('the same key for another person in a new committee adds that person under a free key; nobody here is renamed', async () => {
    const store = tempStore();
    await importDocument(store, rich());
    const other: ReferentDocument = {
      format: 'referent/v1',
      committees: [
        {
          name: 'Økonomiudvalget',
          numbering: 'per-meeting',
          members: [{ key: 'holger-mikkelsen', name: 'Hanne Madsen', role: 'chair' }],
          meetings: [{ start: '2026-05-05T09:00', attendance: [{ member: 'holger-mikkelsen', status: 'present' }], items: [{ title: 'Budget' }] }],
        },
      ],
    };
    const report = await importDocument(store, other);
    expect(report.newKeys).toEqual([{ committee: 'Økonomiudvalget', key: 'holger-mikkelsen', name: 'Hanne Madsen', storedAs: 'holger-mikkelsen-2' }]);
    const doc = await exportDocument(store.db);
    expect(doc.committees.find((c) => c.shortName === 'OBU')!.members[0]!.name).toBe('Holger Mikkelsen');
    const oeu = doc.committees.find((c) => c.name === 'Økonomiudvalget')!;
    expect(oeu.members).toEqual([{ key: 'holger-mikkelsen-2', name: 'Hanne Madsen', role: 'chair' }]);
    expect(oeu.meetings[0]!.attendance).toEqual([{ member: 'holger-mikkelsen-2', status: 'present' }]);
    // Importing the same file again finds her under that key.
    expect((await importDocument(store, other)).newKeys[0]!.storedAs).toBe('holger-mikkelsen-2');
    expect((await exportDocument(store.db)).committees.find((c) => c.name === 'Økonomiudvalget')!.members).toHaveLength(1);
  });

  test('referent import prints what it kept, and --adopt-organization takes the file’s', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.sqlite');
    fs.writeFileSync(path.join(dir, 'aabenraa.json'), JSON.stringify(aabenraa()));
    await cli(['import', fixturePath, '--db', db], dir);
    const kept = await cli(['import', 'aabenraa.json', '--db', db], dir);
    expect(kept.code).toBe(0);
    expect(kept.out).toContain(`Kept the organisation's name: the file says "Aabenraa Kommune", here it is "Haderslev Kommune" (--adopt-organization takes the file's).`);
    expect(kept.out).toContain('Kept the numbering rule of Organisations- og Beredskabsudvalget: the file says "per-meeting", here it is "per-year"');
    const adopted = await cli(['import', 'aabenraa.json', '--adopt-organization', '--db', db], dir);
    expect(adopted.out).toContain(`Changed the organisation's name to the file's: the file says "Aabenraa Kommune", it was "Haderslev Kommune".`);
    const settings = await cli(['api', 'settings.get', '--db', db], dir);
    expect(settings.out).toContain('"name": "Aabenraa Kommune"');
  });
});
