// A committee's members: no person twice at the same time, one formand and one næstformand at a
// time, and a member added by mistake can be deleted while one who is in the minutes cannot.
import { describe, expect, test } from 'vitest';
import { call } from '../dispatch';
import { testContext } from '../../../tests/helpers/store';

async function committee() {
  const ctx = testContext();
  const c = await call(ctx, 'committees.create', { name: 'Børne- og Skoleudvalget', numbering: 'per-meeting' });
  return { ctx, id: c.id };
}

describe('members', () => {
  test('the same person twice in overlapping periods is refused with a sentence; in periods apart, allowed', async () => {
    const { ctx, id } = await committee();
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Holger Mikkelsen', role: 'member', from: '2026-01-01' });
    await expect(call(ctx, 'committees.addMember', { committeeId: id, name: ' holger  Mikkelsen', role: 'member', from: '2027-01-01' })).rejects.toMatchObject({
      code: 'Conflict',
      da: 'Holger Mikkelsen er allerede medlem af udvalget i den periode (fra 1. januar 2026); ret det medlemskab i stedet for at tilføje personen to gange.',
    });
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Mette Baltersen Isen', role: 'member', until: '2025-12-31' });
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Mette Baltersen Isen', role: 'member', from: '2026-01-01' });
    expect((await call(ctx, 'committees.get', { id })).members.map((m) => m.name)).toEqual(['Holger Mikkelsen', 'Mette Baltersen Isen', 'Mette Baltersen Isen']);
  });

  test('one formand and one næstformand per period, on adding and on changing a role', async () => {
    const { ctx, id } = await committee();
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Holger Mikkelsen', role: 'chair', from: '2026-01-01', until: '2029-12-31' });
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Finn Lykkeskov', role: 'vice-chair' });
    await expect(call(ctx, 'committees.addMember', { committeeId: id, name: 'Svend Brandt', role: 'chair', from: '2029-06-01' })).rejects.toMatchObject({
      code: 'Conflict',
      message: 'The committee already has a chair in that period: Holger Mikkelsen (from 2026-01-01 to 2029-12-31). End that membership or change its role first.',
      da: 'Udvalget har allerede en formand i den periode: Holger Mikkelsen (fra 1. januar 2026 til 31. december 2029). Afslut det medlemskab eller ret rollen først.',
    });
    // The next chair from the day after: no overlap.
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Svend Brandt', role: 'chair', from: '2030-01-01' });
    const c = await call(ctx, 'committees.addMember', { committeeId: id, name: 'Jørgen Smed', role: 'member' });
    const js = c.members.find((m) => m.name === 'Jørgen Smed')!;
    await expect(call(ctx, 'committees.updateMember', { committeeId: id, key: js.key, role: 'vice-chair' })).rejects.toThrow(/already has a vice-chair in that period: Finn Lykkeskov \(with no end date\)/);
    // Editing the chair's own membership is not a clash with itself.
    const hm = c.members.find((m) => m.name === 'Holger Mikkelsen')!;
    await call(ctx, 'committees.updateMember', { committeeId: id, key: hm.key, title: 'borgmester' });
  });

  test('a member added by mistake is deleted; one in the minutes is refused with the reason', async () => {
    const { ctx, id } = await committee();
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Holger Mikkelsen', role: 'chair' });
    await call(ctx, 'committees.addMember', { committeeId: id, name: 'Stine Rønnow', role: 'substitute' });
    let c = await call(ctx, 'committees.addMember', { committeeId: id, name: 'Holger Mikelsen', role: 'member' });
    const key = (name: string) => c.members.find((m) => m.name === name)!.key;
    const meeting = await call(ctx, 'meetings.create', { committeeId: id, start: '2026-06-02T14:30' });
    await call(ctx, 'meetingday.setAttendance', { meetingId: meeting.id, entries: [{ member: key('Holger Mikkelsen'), status: 'apologies', substitute: key('Stine Rønnow') }] });

    c = await call(ctx, 'committees.removeMember', { committeeId: id, key: key('Holger Mikelsen') });
    expect(c.members.map((m) => m.name)).toEqual(['Holger Mikkelsen', 'Stine Rønnow']);
    await expect(call(ctx, 'committees.removeMember', { committeeId: id, key: key('Holger Mikkelsen') })).rejects.toMatchObject({
      code: 'Conflict',
      da: 'Holger Mikkelsen kan ikke slettes, fordi ét møde har vedkommende i protokollen (fremmøde). Afslut medlemskabet i stedet; referaterne beholder navnet.',
    });
    // A substitute who stood in is in the minutes too.
    await expect(call(ctx, 'committees.removeMember', { committeeId: id, key: key('Stine Rønnow') })).rejects.toThrow('Stine Rønnow cannot be deleted: one meeting records them (attendance).');
    expect((await call(ctx, 'committees.get', { id })).members).toHaveLength(2);
    expect((await call(ctx, 'meetingday.verify', {})).ok).toBe(true);
  });
});
